// Reads one JSON value starting at a given index and says where it ended, telling apart a value
// that is merely missing closing braces (repaired) from one cut off mid-way (never completed).
import { findExtent } from './json-extent';
import { parseLooseJson } from './loose-json';

export type JsonAt =
  | { kind: 'value'; value: unknown; end: number; repairs: string[] }
  /** Cut off mid-string or after a separator: `complete` holds the whole elements before the cut
   * (for an array or concatenated calls), which may still be used. */
  | { kind: 'truncated'; end: number; complete: unknown[] }
  | { kind: 'invalid'; end: number };

export function readJsonAt(text: string, start: number, limit = text.length): JsonAt {
  const ext = findExtent(text, start, limit);
  if (ext.end > 0) {
    const parsed = parseLooseJson(text.slice(start, ext.end));
    return parsed ? { kind: 'value', value: parsed.value, end: ext.end, repairs: parsed.repairs } : { kind: 'invalid', end: ext.end };
  }
  const cut = ext.inString || ext.lastSignificant === ',' || ext.lastSignificant === ':' || ext.lastSignificant === '{' || ext.lastSignificant === '[';
  if (cut) return { kind: 'truncated', end: limit, complete: completeChildren(text, start, limit) };
  // Not cut inside a value: only closing brackets are missing. Try the whole rest, then up to the
  // last closing brace (prose may follow the unclosed value).
  const whole = parseLooseJson(text.slice(start, limit));
  if (whole && isContainer(whole.value)) return { kind: 'value', value: whole.value, end: limit, repairs: [...whole.repairs, 'missing closing brace'] };
  const lastClose = Math.max(text.lastIndexOf('}', limit - 1), text.lastIndexOf('"', limit - 1));
  if (lastClose > start) {
    const part = parseLooseJson(text.slice(start, lastClose + 1));
    if (part && isContainer(part.value)) return { kind: 'value', value: part.value, end: lastClose + 1, repairs: [...part.repairs, 'missing closing brace'] };
  }
  return { kind: 'truncated', end: limit, complete: completeChildren(text, start, limit) };
}

function isContainer(v: unknown): boolean {
  return typeof v === 'object' && v !== null;
}

/** The complete `{…}` children directly inside an unclosed array or object list. */
function completeChildren(text: string, start: number, limit: number): unknown[] {
  if (text[start] !== '[') return [];
  const out: unknown[] = [];
  let i = start + 1;
  while (i < limit) {
    const ch = text[i];
    if (ch === '{') {
      const ext = findExtent(text, i, limit);
      if (ext.end < 0) break;
      const parsed = parseLooseJson(text.slice(i, ext.end));
      if (!parsed) break;
      out.push(parsed.value);
      i = ext.end;
    } else if (ch === ',' || ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') i++;
    else break;
  }
  return out;
}
