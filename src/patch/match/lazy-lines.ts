// Line-level judgements for merging lazy snippets: a line's matching key, whether it carries
// words, whether a new line reads as an edit of an old one, and the file's layout conventions a
// written line must follow.
import { collapseWhitespace, isBlank, leadingWhitespace, typographicToAscii } from './normalize';

/** What two lines are compared by: typographic punctuation as ASCII, whitespace runs as one space. */
export const key = (l: string) => collapseWhitespace(typographicToAscii(l));

/** A line's key with its indentation: a `}` one level deeper closes another block. */
export const indentedKey = (l: string) => (isBlank(l) ? '' : leadingWhitespace(l) + key(l));

/** Fewer than two letters or digits: `}`, `});`, `*\/`, a blank line. */
export const trivial = (k: string) => k.replace(/[^A-Za-z0-9_]/g, '').length < 2;

/** A line with a word or number in it: `c();` can pin a part, `}` and `*\/` cannot. */
export const worded = (l: string) => /[A-Za-z0-9_]/.test(l);

/** The closing punctuation a closer line starts with (`});` of `}); // done`). */
export const closingOf = (line: string) => /^\s*([}\])>;,]*)/.exec(line)![1];

const wordsOf = (l: string) => new Set(l.match(/[A-Za-z_$][A-Za-z0-9_$]*|\d+/g) ?? []);

/** A new line that reads as an edited version of `old`: it keeps old's words (or most of them). */
export function looksLike(line: string, old: string | undefined): boolean {
  if (old === undefined || trivial(old)) return false;
  // Old text kept whole with more after it (a comment, an argument): an edit of it.
  if (line.length > old.length && line.startsWith(old)) return true;
  const a = wordsOf(line);
  const b = wordsOf(old);
  if (b.size === 0) return false;
  const shared = [...b].filter((w) => a.has(w)).length;
  return (shared === b.size && b.size >= 2) || shared / (a.size + b.size - shared) >= 0.6;
}

/**
 * Where no line of the file ends in whitespace, no written line does either: trailing blanks on
 * a snippet's lines are copying drift, and which of two equal lines (`}`) was the copied one
 * cannot be told.
 */
export function trailingLayoutOf(file: string[]): (line: string) => string {
  return file.some((l) => /\s$/.test(l)) ? (line) => line : (line) => line.trimEnd();
}

export type IndentStyle = 'tabs' | 'spaces' | 'mixed';

export function indentStyleOf(file: string[]): IndentStyle {
  const tabs = file.some((l) => /^\t+\S/.test(l));
  const spaces = file.some((l) => /^ {2,}\S/.test(l));
  return tabs === spaces ? 'mixed' : tabs ? 'tabs' : 'spaces';
}

/** A new line indented in the file's style (a single space, as in ` *` comment lines, fits both). */
export function fitsIndentStyle(line: string, style: IndentStyle): boolean {
  if (style === 'spaces') return !leadingWhitespace(line).includes('\t');
  if (style === 'tabs') return !/^ {2,}/.test(line);
  return true;
}

export function uniqueFrom(keys: string[], from: number, want: string): number {
  let at = -1;
  for (let i = from; i < keys.length; i++) {
    if (keys[i] !== want) continue;
    if (at >= 0) return -1;
    at = i;
  }
  return at;
}
