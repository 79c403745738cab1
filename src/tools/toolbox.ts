// The tools of one session: ours (the registry) plus tools from outside (MCP servers, read live:
// a server that dies takes its tools with it) and, when there are any, find_tools to search them.
import type { Tool } from './types';
import { allTools } from './registry';
import { createFindToolsTool } from './find-tools';

export interface Toolbox {
  /** Every tool the model may call now: ours, then find_tools and the outside tools when any exist. */
  all(): Tool[];
  byName(name: string): Tool | undefined;
  /** The outside tools alone (router stage 1 picks among them per step). */
  external(): Tool[];
  /** find_tools, when outside tools exist. */
  finder(): Tool | undefined;
}

export function createToolbox(external: () => Tool[] = () => []): Toolbox {
  const own = allTools();
  const finder = createFindToolsTool(() => box.all()) as Tool;
  const box: Toolbox = {
    all() {
      const outside = external();
      return outside.length > 0 ? [...own, finder, ...outside] : own;
    },
    byName: (name) => box.all().find((t) => t.name === name),
    external,
    finder: () => (external().length > 0 ? finder : undefined),
  };
  return box;
}
