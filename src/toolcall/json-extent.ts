// Finds where a JSON-ish value that starts at `{` or `[` ends, string-aware, in one linear pass.
// Reports how an unclosed value ended so callers can tell a missing brace from a truncated call.

export interface Extent {
  /** Index just past the matching close, or -1 when the value never closes. */
  end: number;
  /** For an unclosed value: still inside a string at the end of the input (a cut-off call). */
  inString: boolean;
  /** For an unclosed value: how many brackets are still open. */
  depth: number;
  /** For an unclosed value: the last character outside strings that is not whitespace. */
  lastSignificant: string;
}

/** Scans from `start` (which must be `{` or `[`) up to `limit`. Single-quoted strings are honoured
 * when the first string in the value is single-quoted (Python-style dicts). */
export function findExtent(text: string, start: number, limit = text.length): Extent {
  let depth = 0;
  let quote = '';
  let quoteStyle = '';
  let last = '';
  for (let i = start; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92 /* \ */) {
        i++;
        continue;
      }
      if (text[i] === quote) {
        quote = '';
        last = text[i];
      }
      continue;
    }
    if (c === 34 /* " */ || (c === 39 /* ' */ && quoteStyle !== '"' && opensSingleQuote(text, i))) {
      quote = text[i];
      if (!quoteStyle) quoteStyle = quote;
      continue;
    }
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return { end: i + 1, inString: false, depth: 0, lastSignificant: text[i] };
    }
    if (c > 32) last = text[i];
  }
  return { end: -1, inString: quote !== '', depth, lastSignificant: last };
}

/** A single quote opens a string only where a value or key may start (not an apostrophe in a word). */
/** `atStart`: what a quote with nothing before it does (a whole value may start with one). */
export function opensSingleQuote(text: string, i: number, atStart = false): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const ch = text[j];
    if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r') continue;
    return ch === '{' || ch === '[' || ch === ',' || ch === ':';
  }
  return atStart;
}
