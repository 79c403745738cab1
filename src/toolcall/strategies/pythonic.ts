// Pythonic calls on a line of their own: `read_file(path="a.ts")`, `[f(a=1), g(b=2)]`, Gemma's
// ```tool_code print(default_api.f(…))```. Only names that name a tool; literal arguments only.
import { readPyCalls } from '../body';
import { CALL_FENCES, fenceLanguageAt } from '../fence';
import { framingBefore, standsAlone } from '../prose-guard';
import type { Found, Strategy } from '../types';

const LINE = /^[ \t]*`?\[?\s*(?:print\(\s*)?([A-Za-z_][\w.]*)\s*\(/gm;
const BUILTINS = new Set([
  'print',
  'len',
  'range',
  'open',
  'str',
  'int',
  'list',
  'dict',
  'set',
  'sum',
  'max',
  'min',
  'sorted',
  'main',
  'console.log',
  'require',
  'import',
  'describe',
  'it',
  'test',
  'expect',
]);

export const pythonic: Strategy = {
  name: 'pythonic',
  find(text, ctx) {
    if (!text.includes('(')) return [];
    const out: Found[] = [];
    LINE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = LINE.exec(text))) {
      const lineEnd = endOfStatement(text, m.index);
      const line = text.slice(m.index, lineEnd).trim().replace(/^`|`$/g, '').replace(/;\s*$/, '');
      const calls = readPyCalls(line);
      LINE.lastIndex = Math.max(lineEnd, m.index + 1);
      if (!calls) continue;
      const alone = standsAlone(text, m.index, lineEnd);
      const named = calls.every((c) => ctx.knowsStrongly(c.name) || (!ctx.tools && alone && !BUILTINS.has(c.name) && c.name.includes('_')));
      if (!named) continue;
      const lang = fenceLanguageAt(text, m.index);
      if (lang !== undefined && !CALL_FENCES.has(lang)) continue;
      const framing = alone ? 'call' : framingBefore(text, m.index, false);
      out.push(
        framing === 'call'
          ? { start: m.index, end: lineEnd, calls: calls.map((c) => ({ ...c, explicit: false })), repairs: ['pythonic call'] }
          : { start: m.index, end: lineEnd, calls: [], repairs: [], ignored: `${framing} in prose, not a call` },
      );
    }
    return out;
  },
};

/** A call may span lines (a multi-line string argument): end at the first newline where the
 * brackets and quotes opened since `from` are balanced. */
function endOfStatement(text: string, from: number): number {
  let depth = 0;
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\n' && quote.length === 1) return i; // an unclosed one-line string: not a call
      if (ch === '\\') i++;
      else if (text.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = '';
      }
      continue;
    }
    if (ch === '"' || ch === "'") quote = text.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === '\n' && depth <= 0) return i;
    if (quote.length === 3) i += 2;
  }
  return text.length;
}
