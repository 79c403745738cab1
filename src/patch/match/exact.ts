// The first rung: the search text occurs verbatim. Block dialects must cover whole lines; tool
// arguments may cover part of a line, but never split an identifier or cut a line short.

import { lineStartsOf } from '../../util/line-starts';
const WORD = /[A-Za-z0-9_$]/;
const SPACE = /[ \t]/;

export interface ExactHit {
  index: number;
  startLine: number;
  endLine: number;
}

function lineOf(index: number, lineStarts: number[]): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** `lineEdit`: the replacement spans lines, so the search stands for whole lines even as a substring. */
function validAt(text: string, search: string, index: number, substring: boolean, lineEdit: boolean): boolean {
  const end = index + search.length;
  const before = index > 0 ? text[index - 1] : '\n';
  const after = end < text.length ? text[end] : '\n';
  const multiLine = search.slice(0, -1).includes('\n');
  if (!substring && before !== '\n') return false;
  if (WORD.test(search[0]) && WORD.test(before)) return false;
  // Nor split a run of spaces: "\t};" is not a part of "\t\t};".
  if (SPACE.test(search[0]) && SPACE.test(before)) return false;
  // A search that starts inside a line's indentation and runs to a line end (or is replaced by
  // several lines) is a whole-line edit whose indentation the model dropped: the line rungs
  // re-indent it; here its new lines would stay unindented.
  if (
    substring &&
    (multiLine || lineEdit || search.endsWith('\n')) &&
    before !== '\n' &&
    /^[ \t]+$/.test(text.slice(text.lastIndexOf('\n', index - 1) + 1, index))
  )
    return false;
  if (search.endsWith('\n')) return true;
  if (!substring || multiLine) return after === '\n';
  if (SPACE.test(search[search.length - 1]) && SPACE.test(after)) return false;
  return !(WORD.test(search[search.length - 1]) && WORD.test(after));
}

/** Every valid verbatim occurrence of `search` in `text`. */
export function exactHits(text: string, search: string, substring: boolean, lineEdit = false): ExactHit[] {
  if (search === '') return [];
  const hits: ExactHit[] = [];
  let starts: number[] | null = null;
  for (let i = text.indexOf(search); i >= 0; i = text.indexOf(search, i + 1)) {
    if (!validAt(text, search, i, substring, lineEdit)) continue;
    starts ??= lineStartsOf(text);
    const startLine = lineOf(i, starts);
    const endLine = lineOf(i + Math.max(0, search.length - 1), starts) + 1;
    hits.push({ index: i, startLine, endLine });
  }
  return hits;
}

/**
 * Lines (0-based) where `search` occurs anywhere: inside longer lines and words too, overlapping
 * ones included. Any repeat of the text makes a match ambiguous, whatever the rung accepted.
 */
export function anyOccurrences(text: string, search: string): number[] {
  const core = search.endsWith('\n') ? search.slice(0, -1) : search;
  if (core.trim() === '') return [];
  const starts = lineStartsOf(text);
  const lines: number[] = [];
  for (let i = text.indexOf(core); i >= 0; i = text.indexOf(core, i + 1)) {
    const line = lineOf(i, starts);
    if (lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}
