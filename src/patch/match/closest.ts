// Finds the region of the file closest to a search that did not match, only to show it to the
// model. Token votes pick a few starting lines fast; line similarity ranks them.
import { collapseWhitespace, typographicToAscii } from './normalize';

export interface Closest {
  start: number;
  end: number;
  similarity: number;
}

const norm = (l: string) => collapseWhitespace(typographicToAscii(l));
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

export function findClosest(fileLines: string[], searchLines: string[]): Closest | null {
  const search = searchLines.map(norm).filter((l) => l !== '');
  if (search.length === 0 || fileLines.length === 0) return null;
  const file = fileLines.map(norm);
  const index = new Map<string, number[]>();
  file.forEach((line, i) => {
    for (const t of new Set(line.match(TOKEN) ?? [])) {
      const list = index.get(t);
      if (list) list.push(i);
      else index.set(t, [i]);
    }
  });
  const votes = new Float64Array(file.length + search.length + 2);
  search.forEach((line, k) => {
    for (const t of new Set(line.match(TOKEN) ?? [])) {
      const at = index.get(t);
      if (!at || at.length > 400) continue;
      const w = 1 / Math.log2(2 + at.length);
      for (const p of at) if (p - k >= 0) votes[p - k] += w;
    }
  });
  const starts: number[] = [];
  for (let i = 0; i < file.length; i++) if (votes[i] > 0) starts.push(i);
  starts.sort((a, b) => votes[b] + 0.5 * (votes[b - 1] ?? 0) - (votes[a] + 0.5 * (votes[a - 1] ?? 0)));
  let top = starts.slice(0, 8);
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
