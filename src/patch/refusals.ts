// Refusal values with messages written for the model: what went wrong in one line, then what
// to do next (the closest region with line numbers, the candidates, the expected form).
import { diffArrays } from 'diff';
import type { Refusal, RefusalCode } from './types';
import { findClosest } from './match/closest';
import type { FileIndex } from './match/file-index';
import { collapseWhitespace, typographicToAscii } from './match/normalize';

export function refusal(code: RefusalCode, reason: string, hint: string): Refusal {
  return { code, reason, hint };
}

const num = (n: number, width: number) => String(n).padStart(width, ' ');
const key = (l: string) => collapseWhitespace(typographicToAscii(l));

export function noMatch(path: string, index: FileIndex, searchLines: string[], where: string): Refusal {
  const reason = `the SEARCH text${where} was not found in ${path}`;
  const fileLines = index.lines;
  const closest = findClosest(index, searchLines);
  if (!closest || closest.similarity < 0.3) {
    return refusal('no_match', reason, `Nothing in ${path} resembles it. Read the file again (read_file) and copy the lines to change exactly, then retry.`);
  }
  const from = Math.max(0, closest.start - 2);
  const to = Math.min(fileLines.length, closest.end + 2, from + 40);
  const window = fileLines.slice(closest.start, closest.end).map(key);
  const ops = diffArrays(
    window,
    searchLines.map(key).filter((l) => l !== ''),
    { comparator: (a: string, b: string) => a === b },
  );
  const differing = new Set<number>();
  const missing: string[] = [];
  let i = closest.start;
  for (const op of ops) {
    if (op.added) {
      for (const v of op.value) missing.push(v);
      continue;
    }
    for (let j = 0; j < op.value.length; j++, i++) if (op.removed && window[i - closest.start] !== '') differing.add(i);
  }
  const width = String(to).length;
  const shown = fileLines.slice(from, to).map((line, j) => `${differing.has(from + j) ? '!' : ' '} ${num(from + j + 1, width)} | ${line}`);
  const lines = [`The closest region is lines ${closest.start + 1}-${closest.end} of ${path} (lines marked ! differ from your SEARCH):`, ...shown];
  if (missing.length > 0) lines.push('Your SEARCH has these lines, which are not in the file there:', ...missing.slice(0, 12).map((l) => `    ${l}`));
  lines.push('Copy the lines exactly as they are in the file (without the line numbers), or read the file again, then retry.');
  return refusal('no_match', reason, lines.join('\n'));
}

export function ambiguous(path: string, starts: number[], where: string): Refusal {
  const list = starts
    .slice(0, 10)
    .map((s) => s + 1)
    .join(', ');
  return refusal(
    'ambiguous',
    `the SEARCH text${where} matches ${starts.length} places in ${path}`,
    `It matches at lines ${list}${starts.length > 10 ? ', …' : ''}. Add a few unchanged lines around the change so the SEARCH text occurs exactly once, then retry.`,
  );
}

export function alreadyApplied(path: string, where: string): Refusal {
  return refusal(
    'already_applied',
    `the change${where} is already present in ${path}`,
    'The REPLACE text is already in the file and the SEARCH text is not: nothing to do. Do not send this edit again.',
  );
}

export function unanchored(path: string): Refusal {
  return refusal(
    'malformed',
    `the SEARCH text is empty but ${path} is not empty: an insertion needs an anchor`,
    'Put the existing line(s) next to which the new code goes in SEARCH, and repeat them in REPLACE together with the new lines.',
  );
}
