// Tie-breaks the edit itself provides when a search matches more than once: an `@@` context
// line (apply-patch), "at end of file" (a filter: nothing else matches), or the order of hunks in one diff. Never a guess.
import { LINE_RUNGS } from './rungs';

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

/** Exact, then each rung's normal form of a line, strictest first. */
const ANCHOR_FORMS = [...new Set([(l: string) => l, ...LINE_RUNGS.map((r) => r.norm)])];

/**
 * The lines an `@@` anchor names, from `from`, compared as the matcher ladder compares lines:
 * exactly, then on each rung in turn — the first comparison that finds any.
 */
function anchorLines(lines: string[], anchor: string, from: number): number[] {
  for (const norm of ANCHOR_FORMS) {
    const want = norm(anchor);
    const at: number[] = [];
    for (let i = from; i < lines.length; i++) if (norm(lines[i]) === want) at.push(i);
    if (at.length > 0) return at;
  }
  return [];
}

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
    const from = hints.ordered ? hints.cursor : 0;
    const anchors = anchorLines(lines, hints.anchor, from);
    const found = anchors.length > 0 ? anchors : anchorLines(lines, hints.anchor, 0);
    // Each line the anchor names picks the first candidate after it; when they pick different
    // ones, the anchor does not decide.
    const picks = new Set(found.map((at) => out.filter((c) => c.start >= at).reduce<T | null>((a, b) => (a === null || b.start < a.start ? b : a), null)));
    const [pick] = picks;
    if (picks.size === 1 && pick) out = [pick];
  }
  if (out.length > 1 && hints.ordered) {
    const after = out.filter((c) => c.start >= hints.cursor);
    if (after.length === 1) out = after;
  }
  return out;
}
