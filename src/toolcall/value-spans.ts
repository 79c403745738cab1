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

const SEARCH = /^[ \t]*(?:<{5,9}|-{3,9})[ \t]*SEARCH[^\n]*\n/gm;
const REPLACE = /^[ \t]*(?:>{5,9}|\+{3,9})[ \t]*REPLACE/gm;

/** The text between a SEARCH/REPLACE block's markers (any marker dialect): each SEARCH marker
 * pairs with the next REPLACE marker, in one pass over both lists. */
function searchReplaceSpans(text: string, spans: [number, number][]): void {
  const replaces = [...text.matchAll(REPLACE)];
  let j = 0;
  let end = -1;
  for (const m of text.matchAll(SEARCH)) {
    if (m.index < end) continue;
    while (j < replaces.length && replaces[j].index < m.index + m[0].length) j++;
    if (j >= replaces.length) break;
    end = replaces[j].index + replaces[j][0].length;
    spans.push([m.index + m[0].length - 1, end]);
  }
}

/** Sorted, disjoint [start, end) spans. */
export function valueSpans(text: string, ctx: StrategyContext): [number, number][] {
  const spans = jsonStringSpans(text);
  if (text.includes('<')) xmlSpans(text, ctx, spans);
  if (text.includes('call:')) gemmaSpans(text, spans);
  if (text.includes('(')) {
    for (const m of text.matchAll(/^[ \t]*`?\[?\s*(?:print\(\s*)?([A-Za-z_][\w.]*)\s*\(/gm)) {
      if (!ctx.knowsStrongly(m[1])) continue;
      const c = parsePyCall(text, m.index + m[0].length - (/[A-Za-z_][\w.]*\s*\($/.exec(m[0])?.[0].length ?? 0));
      if (c) spans.push([m.index + m[0].length - 1, c.end]);
    }
  }
  if (text.includes('SEARCH')) searchReplaceSpans(text, spans);
  if (/```[ \t]*ya?ml/i.test(text)) for (const m of text.matchAll(YAML_CALL)) spans.push([m.index + m[0].length - m[1].length - 3, m.index + m[0].length]);
  return merge(spans);
}

/** A tool's XML element: its body. Each scan is charged to a budget of a few times the text, and
 * a closing tag that is not there is looked for once: a reply of many openers stays linear. */
function xmlSpans(text: string, ctx: StrategyContext, spans: [number, number][]): void {
  let budget = 4 * text.length;
  const closeAt = new Map<string, number>();
  const re = /<([A-Za-z_][\w.-]*)\s*>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && budget > 0) {
    if (!ctx.knowsStrongly(m[1])) continue;
    let close = closeAt.get(m[1]);
    if (close === undefined || (close >= 0 && close < m.index)) closeAt.set(m[1], (close = text.indexOf(`</${m[1]}>`, m.index)));
    if (close < 0) continue;
    budget -= close - m.index;
    const x = readXmlElementCall(text, m.index, () => true);
    if (!x || Object.keys(x.args).length === 0) continue;
    spans.push([m.index + m[0].length - 1, x.end]);
    re.lastIndex = x.end;
  }
}

/** Gemma `call:NAME{…}`: its braces. Like the gemma strategy, a call that never closes ends the scan. */
function gemmaSpans(text: string, spans: [number, number][]): void {
  const re = /(?<![\w.])call:\s*[A-Za-z_][\w.-]*\s*\{/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const g = parseGemmaCall(text, m.index);
    if (g === undefined) break;
    if (g === null) continue;
    spans.push([m.index + m[0].length - 1, g.end]);
    re.lastIndex = g.end;
  }
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
