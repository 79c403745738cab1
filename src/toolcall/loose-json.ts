// Reads JSON the way small models write it: strict JSON.parse first, then our own named fixes
// (doubled braces, literal \n between tokens, Windows backslashes, then the string-aware pre-pass:
// quotes, trailing commas, raw newlines), then jsonrepair (loaded lazily) with the strings masked.
import { findExtent } from './json-extent';
import { toStrictJson, unmaskStrings } from './strict-json';

export interface LooseJson {
  value: unknown;
  /** Named repairs that were needed; empty when the text was valid JSON. */
  repairs: string[];
}

type RepairFn = (text: string) => string;
let jsonrepairFn: RepairFn | undefined;
function jsonrepair(text: string): string {
  if (!jsonrepairFn) jsonrepairFn = (require('jsonrepair') as { jsonrepair: RepairFn }).jsonrepair;
  return jsonrepairFn(text);
}

/** Parses `text` (one JSON value, possibly damaged). Returns undefined when nothing sensible comes
 * out. Callers must rule out truncation first (see findExtent): this function would close a cut-off
 * string, which is invention. */
export function parseLooseJson(text: string): LooseJson | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  try {
    return { value: JSON.parse(trimmed), repairs: [] };
  } catch {
    // fall through to repairs
  }
  const repairs: string[] = [];
  let t = trimmed;
  const unwrapped = unwrapDoubledBraces(t);
  if (unwrapped !== t) {
    t = unwrapped;
    repairs.push('doubled braces');
  }
  const spaced = literalEscapesAsWhitespace(t);
  if (spaced !== t) {
    t = spaced;
    repairs.push('literal \\n between tokens');
  }
  const slashed = escapeStrayBackslashes(t);
  if (slashed !== t) {
    t = slashed;
    repairs.push('raw backslashes');
  }
  try {
    return { value: JSON.parse(t), repairs };
  } catch {
    // still broken
  }
  const strict = toStrictJson(t);
  try {
    return { value: JSON.parse(strict.text), repairs: [...repairs, ...strict.repairs] };
  } catch {
    // damage the pre-pass does not fix (bare keys, missing commas …)
  }
  // jsonrepair sees placeholders instead of the strings: code in a value (`f() {`) makes it throw
  // or rewrite the code (jsonrepair 3.15: `{"a": "f() {"}` throws).
  if (strict.masked !== undefined) {
    try {
      const value = unmaskStrings(JSON.parse(jsonrepair(strict.masked)), strict.strings);
      return { value, repairs: [...repairs, ...strict.repairs, 'json repaired'] };
    } catch {
      // fall back to jsonrepair's own reading of the strings
    }
  }
  try {
    const fixed = jsonrepair(t);
    return { value: JSON.parse(fixed), repairs: [...repairs, 'json repaired'] };
  } catch {
    return undefined;
  }
}

/** `{{"name": …}}` (a template's braces leaking) → `{"name": …}`. */
function unwrapDoubledBraces(t: string): string {
  let out = t;
  while (out.startsWith('{{') && out.endsWith('}}')) {
    const inner = out.slice(1, -1).trim();
    const ext = findExtent(inner, 0);
    if (ext.end !== inner.length) break;
    out = inner;
  }
  return out;
}

/** `"view_range": \n[1, 2]\n}` (Qwen3.5, OpenHands software-agent-sdk#2488): the two-character
 * sequences `\n`, `\t`, `\r` written OUTSIDE any string are whitespace. Escapes inside strings
 * are never touched. Runs before escapeStrayBackslashes, which would otherwise see them as stray. */
function literalEscapesAsWhitespace(t: string): string {
  if (!/\\[ntr]/.test(t)) return t;
  const single = /^[[{]\s*'/.test(t);
  let out = '';
  let from = 0;
  let quote = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || (single && c === "'")) quote = c;
    else if (c === '\\' && (t[i + 1] === 'n' || t[i + 1] === 't' || t[i + 1] === 'r')) {
      out += t.slice(from, i) + ' ';
      from = i + 2;
      i++;
    }
  }
  return from === 0 ? t : out + t.slice(from);
}

const VALID_ESCAPE = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u']);

/** Inside each string that has an invalid escape (`C:\Users`), every lone backslash is taken
 * literally. Strings whose escapes are all valid are left alone. */
function escapeStrayBackslashes(t: string): string {
  if (!t.includes('\\')) return t;
  const pythonic = /^[[{]\s*'/.test(t);
  const re = pythonic ? /'((?:[^'\\]|\\[\s\S])*)'/g : /"((?:[^"\\]|\\[\s\S])*)"/g;
  const q = pythonic ? "'" : '"';
  return t.replace(re, (whole, body: string) => {
    let invalid = false;
    for (let i = 0; i < body.length; i++) {
      if (body[i] === '\\') {
        if ((!VALID_ESCAPE.has(body[i + 1] ?? '') && body[i + 1] !== q) || (body[i + 1] === 'u' && !/^[0-9a-fA-F]{4}$/.test(body.slice(i + 2, i + 6)))) {
          invalid = true;
          break;
        }
        i++;
      }
    }
    if (!invalid) return whole;
    return q + body.replace(/\\(\\|"|')?/g, (_m, next: string | undefined) => (next === q ? '\\' + q : next === '\\' ? '\\\\' : '\\\\' + (next ?? ''))) + q;
  });
}
