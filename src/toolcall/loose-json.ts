// Reads JSON the way small models write it: strict JSON.parse first, then our own named fixes
// (doubled braces; the string-aware pre-pass: quotes, trailing commas, raw newlines, literal \n
// between tokens, Windows backslashes), then jsonrepair (loaded lazily) with the strings masked.
import { findExtent } from './json-extent';
import { hasBareValue, toStrictJson, unmaskStrings } from './strict-json';

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
  // A value jsonrepair had to quote itself (`{"path": config.path}`) is a code expression, not an
  // argument: the call is unreadable rather than a guess.
  if (strict.masked !== undefined) {
    try {
      const repaired: unknown = JSON.parse(jsonrepair(strict.masked));
      return hasBareValue(repaired) ? undefined : { value: unmaskStrings(repaired, strict.strings), repairs: [...repairs, ...strict.repairs, 'json repaired'] };
    } catch {
      return undefined;
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
