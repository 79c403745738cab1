// Refusals for lazy-snippet readings that would be guesses: a change anchored only by closing
// lines, a part's last lines standing twice within the change's reach.
import type { Step } from './lazy-align';
import { key, looksLike, trivial } from './lazy-lines';
import { isBlank } from './normalize';

/**
 * Where only closing lines (`}`) follow a change as context, the lines the change removes must be
 * ones its new lines edit (they keep their words, or extend a closer): otherwise a `}` would be
 * all that says code the snippet never shows is to go.
 */
export function closersAnchorEdits(steps: Step[], body: string[], file: string[]): boolean {
  let group: Step[] = [];
  for (let i = 0; i < steps.length; i++) {
    const st = steps[i];
    if (st.kind !== 'common') {
      group.push(st);
      continue;
    }
    let j = i;
    while (j < steps.length && steps[j].kind === 'common') j++;
    // A pinned block's own closer is placed by the block, not by its text.
    const byClosers = steps.slice(i, j).every((c) => c.kind === 'common' && !c.pinned && trivial(key(body[c.k])));
    if (byClosers && group.length > 0) {
      const written = group.flatMap((g) => (g.kind === 'body' ? [key(body[g.k])] : []));
      const removed = group.flatMap((g) => (g.kind === 'file' && !isBlank(file[g.f]) ? [key(file[g.f])] : []));
      const edited = (old: string) => written.some((w) => looksLike(w, old) || (trivial(old) && w.startsWith(old)));
      if (!removed.every(edited)) return false;
    }
    group = [];
    i = j - 1;
  }
  return true;
}

/** File lines from `from` a change writing `written` lines could replace (one more than it writes). */
export function reachable(file: string[], from: number, written: number): number[] {
  const out: number[] = [];
  for (let f = from, deleted = 0; f < file.length && deleted <= written; f++) {
    if (isBlank(file[f])) continue;
    out.push(f);
    deleted++;
  }
  return out;
}

/**
 * The unchanged lines that end a part after its last change: when the same lines also stand at
 * another place the change could reach (deleting no more lines than it writes, plus one), which
 * old lines the change replaces is a guess. Returns the two places, or null.
 */
export function tailElsewhere(steps: Step[], keys: string[], file: string[], a: number): { shown: number; other: number } | null {
  let end = steps.length;
  while (end > 0 && steps[end - 1].kind === 'file') end--; // the file after the part
  let last = end - 1;
  while (last >= 0 && steps[last].kind === 'common') last--;
  if (last < 0 || last === end - 1) return null;
  const run = steps.slice(last + 1, end) as { kind: 'common'; k: number; f: number }[];
  if (run.every((st) => isBlank(file[st.f]))) return null;
  let before = last;
  while (before >= 0 && steps[before].kind !== 'common') before--;
  const from = before >= 0 ? (steps[before] as { f: number }).f + 1 : a;
  const written = steps.slice(before + 1, last + 1).filter((st) => st.kind === 'body').length;
  const at = run[0].f;
  let deleted = 0;
  for (let q = from; q + run.length <= keys.length && deleted <= written + 1; q++) {
    if (q !== at && run.every((st, i) => keys[q + i] === keys[st.f])) return { shown: at, other: q };
    if (!isBlank(file[q])) deleted++;
  }
  return null;
}
