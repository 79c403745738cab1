// Builds the StrategyContext: which names count as tools for the weak dialects (pythonic, XML
// elements, YAML). With offered tools: exact, case-insensitive or alias; without: known names.
import type { ToolSpec } from '../types/tool-spec';
import { TOOL_ALIASES, normName } from './aliases';
import { cleanName, resolveName } from './resolve-name';
import type { StrategyContext } from './types';

const KNOWN = new Set([...Object.keys(TOOL_ALIASES), ...Object.values(TOOL_ALIASES).map(normName)]);

export function createContext(tools: ToolSpec[] | undefined): StrategyContext {
  const cache = new Map<string, boolean>();
  const ctx: StrategyContext = {
    tools,
    inValue: () => false,
    knowsStrongly(name) {
      return ctx.knows(name) && (/[_-]|[a-z][A-Z]/.test(name) || (tools ?? []).some((t) => t.name === name));
    },
    knows(name) {
      let hit = cache.get(name);
      if (hit === undefined) {
        hit = tools ? resolveName(name, tools, {}, false) !== undefined : KNOWN.has(normName(cleanName(name)));
        cache.set(name, hit);
      }
      return hit;
    },
  };
  return ctx;
}
