// Parameter schemas of SmallCode's own tools (mirroring src/tools/*), for callers that only have tool *names* (the
// `debug parse --tools a,b` command). Other names get an open schema that accepts any arguments.
import type { ToolSpec } from '../providers/types';

const str = { type: 'string' };
const int = { type: 'integer' };

const KNOWN: Record<string, { properties: Record<string, unknown>; required: string[] }> = {
  read_file: { properties: { path: str, start_line: int, end_line: int }, required: ['path'] },
  list_files: { properties: { path: str, pattern: str }, required: [] },
  search_files: { properties: { pattern: str, path: str, glob: str }, required: ['pattern'] },
  edit_file: { properties: { path: str, search: str, replace: str }, required: ['path', 'search', 'replace'] },
  write_file: { properties: { path: str, content: str }, required: ['path', 'content'] },
  run_command: { properties: { command: str, timeout: { type: 'number' } }, required: ['command'] },
  update_plan: {
    properties: {
      items: {
        type: 'array',
        items: { type: 'object', properties: { text: str, done: { type: 'boolean' } }, required: ['text', 'done'] },
      },
    },
    required: ['items'],
  },
};

/** ToolSpecs for `names`: our schema for our tools, an open object schema for anything else. */
export function toolSpecsForNames(names: string[]): ToolSpec[] {
  return names.map((name) => {
    const k = KNOWN[name];
    return {
      name,
      description: '',
      parameters: k ? { type: 'object', properties: k.properties, required: k.required } : { type: 'object' },
    };
  });
}
