// Finds the region of the file closest to a search that did not match, only to show it to the
// model. Token votes pick a few starting lines fast; line similarity ranks them.
import { type FileIndex, lenientKey } from './file-index';

export interface Closest {
  start: number;
  end: number;
  similarity: number;
}

const TOKEN = /[A-Za-z_$][A-Za-z0-9_$]*|\d+/g;

/** Similarity in [0,1] of two lines: 1 - Levenshtein / longer length (lengths capped). */
export function lineSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = a.slice(0, 200);
  const y = b.slice(0, 200);
  if (x.length === 0 || y.length === 0) return 0;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return 1 - prev[y.length] / Math.max(x.length, y.length);
}

function windowScore(file: string[], search: string[], start: number): number {
  let total = 0;
  for (let k = 0; k < search.length; k++) {
    let best = 0;
    for (let d = -1; d <= 1; d++) {
      const f = start + k + d;
      if (f >= 0 && f < file.length) best = Math.max(best, lineSimilarity(search[k], file[f]) - (d === 0 ? 0 : 0.05));
    }
    total += best;
  }
  return total / search.length;
}

/** File lines (by index) containing `token` as a whole word, or null when it is too common. */
function linesWith(text: string, starts: number[], token: string, cap: number): number[] | null {
  const out: number[] = [];
  const word = /[A-Za-z0-9_$]/;
  for (let i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
    if (word.test(text[i - 1] ?? ' ') || word.test(text[i + token.length] ?? ' ')) continue;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    if (out[out.length - 1] !== lo) out.push(lo);
    if (out.length > cap) return null;
  }
  return out;
}

export function findClosest(index: FileIndex, searchLines: string[]): Closest | null {
  const search = searchLines.map(lenientKey).filter((l) => l !== '');
  const file = index.allLenient();
  if (search.length === 0 || file.length === 0) return null;
  const text = file.join('\n');
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const votes = new Float64Array(file.length + search.length + 2);
  const seen = new Map<string, number[] | null>();
  search.forEach((line, k) => {
    for (const t of new Set(line.match(TOKEN) ?? [])) {
      if (!seen.has(t)) seen.set(t, linesWith(text, starts, t, 400));
      const at = seen.get(t);
      if (!at) continue;
      const w = 1 / Math.log2(2 + at.length);
      for (const p of at) if (p - k >= 0) votes[p - k] += w;
    }
  });
  const voted: number[] = [];
  for (let i = 0; i < file.length; i++) if (votes[i] > 0) voted.push(i);
  const score = (i: number) => votes[i] + 0.5 * ((votes[i - 1] ?? 0) + (votes[i + 1] ?? 0));
  voted.sort((a, b) => score(b) - score(a));
  let top = voted.slice(0, 8);
  if (top.length === 0) {
    // No shared token (a truncated or misspelt line): score every start on small files.
    if (file.length * search.length > 20000) return null;
    top = file.map((_, i) => i);
  }
  let best: Closest | null = null;
  for (const s of top) {
    for (const start of top.length > 8 ? [s] : [s - 1, s, s + 1]) {
      if (start < 0 || start >= file.length) continue;
      const similarity = windowScore(file, search, start);
      if (!best || similarity > best.similarity) best = { start, end: Math.min(file.length, start + searchLines.length), similarity };
    }
  }
  return best;
}
