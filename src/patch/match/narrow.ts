// Tie-breaks the edit itself provides when a search matches more than once: an `@@` context
// line (apply-patch), "at end of file" (a filter: nothing else matches), or the order of hunks in one diff. Never a guess.
import { collapseWhitespace, typographicToAscii } from './normalize';

export interface Span {
  start: number;
  end: number;
}

export interface NarrowHints {
  anchor?: string;
  atEnd?: boolean;
  ordered?: boolean;
  /** Line index after the previous block's change. */
  cursor: number;
}

const key = (l: string) => collapseWhitespace(typographicToAscii(l));

export function narrow<T extends Span>(cands: T[], lines: string[], hints: NarrowHints): T[] {
  let out = cands;
  if (hints.atEnd) {
    // Codex's `*** End of File`: the hunk matches only where it ends the file (trailing blank
    // lines aside), never at a unique place elsewhere.
    let last = lines.length;
    while (last > 0 && lines[last - 1].trim() === '') last--;
    out = out.filter((c) => c.end >= last);
  }
  if (out.length > 1 && hints.anchor && hints.anchor.trim() !== '') {
    const want = key(hints.anchor);
    const from = hints.ordered ? hints.cursor : 0;
    let anchorLine = -1;
    for (let i = from; i < lines.length; i++) {
      if (key(lines[i]) === want) {
        anchorLine = i;
        break;
      }
    }
    if (anchorLine < 0) {
      for (let i = 0; i < lines.length && anchorLine < 0; i++) if (key(lines[i]) === want) anchorLine = i;
    }
    if (anchorLine >= 0) {
      const after = out.filter((c) => c.start >= anchorLine);
      if (after.length > 0) out = [after.reduce((a, b) => (b.start < a.start ? b : a))];
    }
  }
  if (out.length > 1 && hints.ordered) {
    const after = out.filter((c) => c.start >= hints.cursor);
    if (after.length === 1) out = after;
  }
  return out;
}
