// Resolves the name a model wrote to an offered tool: exact, then case/separator-insensitive,
// then a known alias, then a unique near miss. A name that resolves nowhere is not a call.
import type { ToolSpec } from '../types/tool-spec';
import { TOOL_ALIASES, editorTarget, normName } from './aliases';

export type Via = 'exact' | 'case' | 'alias' | 'near';
export interface Resolution {
  name: string;
  via: Via;
}

/** Strips the decorations models put around a name: `functions.x`, `default_api.x`, `x()`, `x:0`. */
export function cleanName(raw: string): string {
  return raw
    .replace(/<\|[\s\S]*$/, '') // leaked special tokens: "run<|channel|>analysis"
    .trim()
    .replace(/^["'`]|["'`]$/g, '')
    .replace(/^(?:functions|function|default_api|tools|tool|api)[.:]/i, '')
    .replace(/\(\)$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.call$/, '');
}

export function resolveName(raw: string, tools: ToolSpec[], args: Record<string, unknown> = {}, allowNear = true): Resolution | undefined {
  const name = cleanName(raw);
  const exact = tools.find((t) => t.name === name);
  if (exact) return { name: exact.name, via: 'exact' };
  const n = normName(name);
  if (!n) return undefined;
  const ci = tools.find((t) => normName(t.name) === n);
  if (ci) return { name: ci.name, via: 'case' };
  const target = editorTarget(name, args) ?? TOOL_ALIASES[n];
  if (target && tools.some((t) => t.name === target)) return { name: target, via: 'alias' };
  // An MCP tool called without its server prefix ("read_graph" for "memory__read_graph"), when
  // exactly one server has a tool of that name.
  const prefixed = tools.filter((t) => t.name.includes('__') && normName(t.name.slice(t.name.lastIndexOf('__') + 2)) === n);
  if (prefixed.length === 1) return { name: prefixed[0].name, via: 'alias' };
  // MCP-style namespaces: "filesystem__read_file", "mcp__fs__read_file".
  const bare = name.includes('__') ? name.slice(name.lastIndexOf('__') + 2) : '';
  if (bare) return resolveName(bare, tools, args, allowNear);
  if (!allowNear) return undefined;
  return nearMiss(n, tools);
}

/** The single offered tool within a small edit distance (scaled to the name's length). */
function nearMiss(n: string, tools: ToolSpec[]): Resolution | undefined {
  const limit = n.length <= 4 ? 0 : n.length <= 7 ? 1 : 2;
  if (limit === 0) return undefined;
  let best: ToolSpec | undefined;
  let bestD = Infinity;
  let tie = false;
  for (const t of tools) {
    const d = distance(n, normName(t.name), limit);
    if (d < bestD) {
      best = t;
      bestD = d;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  return best && bestD <= limit && !tie ? { name: best.name, via: 'near' } : undefined;
}

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}
