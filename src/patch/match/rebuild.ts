// Builds the new lines for a located window: the model's change (search → replace, as a line
// diff) is replayed on the file's own lines, so unchanged lines stay byte-for-byte as on disk.
import { diffArrays } from 'diff';
import type { Candidate } from './line-match';
import { hasTypographic, isBlank, typographicToAscii } from './normalize';
import { indentPairs, makeReindent } from './reindent';
import type { Rung } from './rungs';

export type RebuildResult = { ok: true; lines: string[] } | { ok: false; reason: string };

export function rebuild(file: string[], search: string[], replace: string[], cand: Candidate, rung: Rung): RebuildResult {
  let s = search;
  let r = replace;
  if (rung.typographic && !hasTypographic(file.slice(cand.start, cand.end).join('\n'))) {
    s = s.map(typographicToAscii);
    r = r.map(typographicToAscii);
  }
  const pairs = indentPairs(s, file, cand.map);
  // Trailing whitespace the model added to lines it copied is noise; its new lines carry the same.
  const noisyTail = s.some((line, k) => cand.map[k] !== undefined && /\S[ \t]+$/.test(line) && !/[ \t]$/.test(file[cand.map[k]!]));
  const shift = makeReindent(pairs);
  const reindent = (line: string) => (noisyTail ? shift(line).replace(/(\S)[ \t]+$/, '$1') : shift(line));
  // Both sides are the model's: whitespace-only lines pair only with their exact twin, so a
  // blank line cannot stand in for an indented empty one.
  const ops = diffArrays(s, r, { comparator: (a: string, b: string) => a === b || (a.trim() !== '' && a.trimEnd() === b.trimEnd()) });

  const out: string[] = [];
  let f = cand.start;
  let k = 0;
  let prevRemoved = false;
  // Blank lines the model adds next to blank lines it did not show (blank-skipping rungs) are
  // the file's own blank lines, not new ones. New blank lines are written like any other new
  // line (re-indented), so a whitespace-only line comes out the same on every rung.
  const pendingBlank: string[] = [];
  let unclaimedFileBlanks = 0;
  const flushBlanks = () => out.push(...pendingBlank.splice(0).map(reindent));
  const emit = (line: string) => {
    flushBlanks();
    out.push(line);
    unclaimedFileBlanks = 0;
  };
  const gapUntil = (target: number, drop: boolean) => {
    for (; f < target; f++) {
      if (drop && isBlank(file[f])) continue;
      if (isBlank(file[f])) {
        if (pendingBlank.length > 0) pendingBlank.shift();
        else unclaimedFileBlanks++;
        out.push(file[f]);
      } else emit(file[f]);
    }
  };
  for (const op of ops) {
    if (op.added) {
      for (const line of op.value) {
        if (rung.skipBlank && isBlank(line)) {
          if (unclaimedFileBlanks > 0) unclaimedFileBlanks--;
          else pendingBlank.push(line);
        } else emit(reindent(line));
      }
      continue;
    }
    for (let j = 0; j < op.value.length; j++, k++) {
      const span = cand.spans.get(k);
      const at = cand.map[k];
      if (op.removed) {
        if (span) return { ok: false, reason: 'an elision line ("...") of SEARCH is missing from REPLACE' };
        if (at !== undefined) {
          gapUntil(at, prevRemoved);
          f = at + 1;
          prevRemoved = true;
        }
        continue;
      }
      prevRemoved = false;
      if (span) {
        gapUntil(span[0], false);
        gapUntil(span[1], false);
      } else if (at !== undefined) {
        gapUntil(at, false);
        emit(file[at]);
        f = at + 1;
      }
    }
  }
  gapUntil(cand.end, false);
  flushBlanks();
  return { ok: true, lines: out };
}
