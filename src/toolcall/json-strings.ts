// Where the string literals of the JSON objects in a text lie, so a tag written inside an argument
// value (`"content": "<tool_call>…"`) is read as text, never as the start or end of another call.
import { findExtent, opensSingleQuote } from './json-extent';

const OBJECT_START = /\{(?:\s|\\[ntr])*["'][^"'\n]{1,80}["']\s*:/g;

/** Sorted [start, end) spans, quotes included, of the strings inside every closed JSON object. */
export function jsonStringSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  if (!text.includes('{')) return spans;
  OBJECT_START.lastIndex = 0;
  let unclosedBudget = 16; // each unclosed candidate scans to the end: keep a hostile text linear
  let m: RegExpExecArray | null;
  while ((m = OBJECT_START.exec(text))) {
    const ext = findExtent(text, m.index);
    if (ext.end < 0) {
      if (--unclosedBudget <= 0) break;
      continue;
    }
    collectStrings(text, m.index, ext.end, spans);
    OBJECT_START.lastIndex = ext.end;
  }
  return spans;
}

/** True when `pos` lies inside one of `spans` (past the opening quote). */
export function insideSpan(spans: [number, number][], pos: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pos <= spans[mid][0]) hi = mid - 1;
    else if (pos >= spans[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The same quote rules as findExtent, so the spans agree with how the JSON is read. */
function collectStrings(text: string, start: number, end: number, spans: [number, number][]): void {
  let quoteStyle = '';
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c !== '"' && !(c === "'" && quoteStyle !== '"' && opensSingleQuote(text, i))) continue;
    if (!quoteStyle) quoteStyle = c;
    let j = i + 1;
    while (j < end && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
    spans.push([i, j + 1]);
    i = j;
  }
}
