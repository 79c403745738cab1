// Where argument values lie in a reply, in the dialects that delimit their values (JSON strings,
// XML elements of a tool, Gemma `call:NAME{…}`, a pythonic call of a tool, a YAML call fence,
// SEARCH/REPLACE blocks): text there is a value's text,
// so no other dialect may start a call inside it (a file that mentions `<tool_call>` is not a call).
import { parseGemmaCall } from './gemma-call';
import { jsonStringSpans } from './json-strings';
import { parsePyCall } from './python-call';
import type { StrategyContext } from './types';
import { readXmlElementCall } from './xml-element-call';

const YAML_CALL = /```[ \t]*ya?ml[ \t]*\r?\n(?=[ \t]*(?:-\s+)?(?:name|tool|tool_name|function|action)\s*:\s*[A-Za-z_])([\s\S]*?)^[ \t]*```/gim;

/** The text between a SEARCH/REPLACE block's markers (any marker dialect). */
const SEARCH_REPLACE = /^[ \t]*(?:<{5,9}|-{3,9})[ \t]*SEARCH[^\n]*\n[\s\S]*?^[ \t]*(?:>{5,9}|\+{3,9})[ \t]*REPLACE/gm;

/** Sorted, disjoint [start, end) spans. */
export function valueSpans(text: string, ctx: StrategyContext): [number, number][] {
  const spans = jsonStringSpans(text);
  if (text.includes('<')) {
    for (const m of text.matchAll(/<([A-Za-z_][\w.-]*)\s*>/g)) {
      if (!ctx.knowsStrongly(m[1])) continue;
      const x = readXmlElementCall(text, m.index, () => true);
      if (x && Object.keys(x.args).length > 0) spans.push([m.index + m[0].length - 1, x.end]);
    }
  }
  if (text.includes('call:')) {
    for (const m of text.matchAll(/(?<![\w.])call:\s*[A-Za-z_][\w.-]*\s*\{/g)) {
      const g = parseGemmaCall(text, m.index);
      if (g) spans.push([m.index + m[0].length - 1, g.end]);
    }
  }
  if (text.includes('(')) {
    for (const m of text.matchAll(/^[ \t]*`?\[?\s*(?:print\(\s*)?([A-Za-z_][\w.]*)\s*\(/gm)) {
      if (!ctx.knowsStrongly(m[1])) continue;
      const c = parsePyCall(text, m.index + m[0].length - (/[A-Za-z_][\w.]*\s*\($/.exec(m[0])?.[0].length ?? 0));
      if (c) spans.push([m.index + m[0].length - 1, c.end]);
    }
  }
  if (text.includes('SEARCH')) for (const m of text.matchAll(SEARCH_REPLACE)) spans.push([m.index + m[0].indexOf('\n'), m.index + m[0].length]);
  if (/```[ \t]*ya?ml/i.test(text)) for (const m of text.matchAll(YAML_CALL)) spans.push([m.index + m[0].length - m[1].length - 3, m.index + m[0].length]);
  return merge(spans);
}

function merge(spans: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const s of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && s[0] < last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}
