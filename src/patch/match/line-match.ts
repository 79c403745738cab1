// Finds every window of the file that a search (a list of lines) matches on one rung of the
// ladder. Pure; the caller decides what uniqueness means for the result.
import { isBlank, isElision } from './normalize';
import type { Rung } from './rungs';
import type { FileIndex } from './file-index';
import { indentPairs, uniformShift } from './reindent';

export interface Candidate {
  /** File lines [start, end) the search covers. */
  start: number;
  end: number;
  /** Search line index → file line index (undefined: a skipped blank line or an elision). */
  map: (number | undefined)[];
  /** Elision search line index → the file lines [from, to) it stands for. */
  spans: Map<number, [number, number]>;
}

/** Splits search line indices into segments separated by elision lines (elision rungs only). */
function segmentsOf(search: string[], rung: Rung): { segments: number[][]; gaps: number[][] } {
  const segments: number[][] = [[]];
  const gaps: number[][] = [];
  let inGap = false;
  search.forEach((line, k) => {
    if (rung.elision && isElision(line)) {
      if (!inGap) gaps.push([]);
      gaps[gaps.length - 1].push(k);
      inGap = true;
      return;
    }
    if (rung.skipBlank && isBlank(line)) return;
    if (inGap) segments.push([]);
    inGap = false;
    segments[segments.length - 1].push(k);
  });
  return { segments, gaps };
}

/**
 * On blank-skipping rungs, pairs the search's blank lines with the file's blank lines where both
 * have them (between two matched lines, or just before / after the window), so that a blank line
 * the edit keeps or removes is that blank line of the file, not one next to it. A run between an
 * elision line and a matched line pairs with the blank lines next to the matched one, and the
 * elision then stands for the lines before them.
 */
function withBlanks(search: string[], file: string[], cand: Candidate): Candidate {
  const map = [...cand.map];
  let { start, end } = cand;
  const mapped = (k: number) => map[k] !== undefined && !isBlank(search[k]);
  for (let k0 = 0; k0 < search.length; ) {
    if (!isBlank(search[k0])) {
      k0++;
      continue;
    }
    let k1 = k0;
    while (k1 < search.length && isBlank(search[k1])) k1++;
    const before = k0 > 0 ? k0 - 1 : -1;
    const after = k1 < search.length ? k1 : -1;
    const edgeOk = (k: number) => k === -1 || mapped(k) || cand.spans.has(k);
    if (edgeOk(before) && edgeOk(after) && (before >= 0 || after >= 0) && (mapped(before) || mapped(after))) {
      if (before >= 0 && mapped(before)) {
        // Downwards from the line above: inside the window, or past its end for a trailing run.
        const limit = after >= 0 ? (map[after] ?? cand.spans.get(after)?.[1] ?? file.length) : file.length;
        for (let k = k0, f = map[before]! + 1; k < k1 && f < limit && isBlank(file[f]); k++, f++) {
          map[k] = f;
          end = Math.max(end, f + 1);
        }
      } else {
        // A leading run: upwards from the first matched line.
        for (let k = k1 - 1, f = map[after]! - 1; k >= k0 && f >= 0 && isBlank(file[f]); k--, f--) {
          map[k] = f;
          start = Math.min(start, f);
        }
      }
    }
    k0 = k1;
  }
  // An elision stands for the lines the shown (and now paired) lines leave between them.
  const taken = new Set(map.filter((f): f is number => f !== undefined));
  const spans = new Map<number, [number, number]>();
  for (const [k, [from, to]] of cand.spans) {
    let a = from;
    let b = to;
    while (a < b && taken.has(b - 1)) b--;
    while (a < b && taken.has(a)) a++;
    spans.set(k, [a, b]);
  }
  return { ...cand, start, end, map, spans };
}

export function findCandidates(index: FileIndex, search: string[], rung: Rung): Candidate[] {
  const file = index.lines;
  const ns = search.map(rung.norm);
  const nf = (i: number) => index.norm(rung.norm, i);
  const seqLen = rung.skipBlank ? index.nonBlank.length : file.length;
  const seqAt = (p: number) => (rung.skipBlank ? index.nonBlank[p] : p);
  const { segments, gaps } = segmentsOf(search, rung);
  if (segments.some((s) => s.length === 0)) return [];
  if (rung.elision && gaps.length === 0) return [];
  // An elision must stand between shown lines: followed by blank lines only, nothing pins its end.
  if (gaps.length >= segments.length) return [];

  const matchAt = (seg: number[], p: number): boolean => {
    if (p + seg.length > seqLen) return false;
    for (let j = 0; j < seg.length; j++) if (nf(seqAt(p + j)) !== ns[seg[j]]) return false;
    return true;
  };
  const indent = (line: string) => line.length - line.trimStart().length;
  /**
   * The segment's places from `from` on, after an elision: the first whose indentation sits where
   * the head's does (`}` closing the elided block, not an inner `    }` before it) — by the same
   * offset, or in proportion where the head shows tabs for spaces. Else every place: several
   * make several candidates, and the caller refuses them as ambiguous.
   */
  const placesFrom = (seg: number[], from: number, head: { s: number; f: number }): number[] => {
    const places: number[] = [];
    for (const i of index.linesLike(search[seg[0]])) {
      const p = rung.skipBlank ? index.nonBlankPos[i] : i;
      if (p < from || !matchAt(seg, p)) continue;
      const f = indent(file[seqAt(p)]);
      const s = indent(search[seg[0]]);
      if (f - s === head.f - head.s || (head.s > 0 && head.f > 0 && f * head.s === s * head.f)) return [p];
      places.push(p);
    }
    return places.slice(0, 2); // two are enough to be ambiguous
  };

  const out: Candidate[] = [];
  const head = segments[0];
  /** Places segments s.. after `cursor`; every way they fit becomes a candidate. False: none fits. */
  const extend = (
    p0: number,
    s: number,
    cursor: number,
    map: (number | undefined)[],
    spans: Map<number, [number, number]>,
    headIndent: { s: number; f: number },
  ): boolean => {
    if (s === segments.length) {
      if (rung.uniformIndent && uniformShift(indentPairs(search, file, map)) === null) return true;
      const cand = { start: seqAt(p0), end: seqAt(cursor - 1) + 1, map, spans };
      out.push(rung.skipBlank ? withBlanks(search, file, cand) : cand);
      return true;
    }
    const places = placesFrom(segments[s], cursor, headIndent);
    for (const p of places) {
      const nextMap = [...map];
      const nextSpans = new Map(spans);
      const from = seqAt(cursor - 1) + 1;
      gaps[s - 1].forEach((k, j) => {
        nextSpans.set(k, j === 0 ? [from, seqAt(p)] : [seqAt(p), seqAt(p)]);
      });
      segments[s].forEach((k, j) => {
        nextMap[k] = seqAt(p + j);
      });
      extend(p0, s + 1, p + segments[s].length, nextMap, nextSpans, headIndent);
    }
    return places.length > 0;
  };
  // Every rung's normal form refines the lenient key, so only lines with the same key can start a match.
  for (const i of index.linesLike(search[head[0]])) {
    const p0 = rung.skipBlank ? index.nonBlankPos[i] : i;
    if (p0 < 0 || !matchAt(head, p0)) continue;
    const map: (number | undefined)[] = new Array(search.length).fill(undefined);
    head.forEach((k, j) => {
      map[k] = seqAt(p0 + j);
    });
    const headIndent = { s: indent(search[head[0]]), f: indent(file[seqAt(p0)]) };
    // Later starts cannot complete either once a segment is missing.
    if (!extend(p0, 1, p0 + head.length, map, new Map(), headIndent)) break;
  }
  return out;
}

/**
 * Lines where the search, in the rung's normal form, occurs anywhere in the file in that form —
 * inside longer lines too (`foo();` in `bar(foo());` once trimmed). Not for elision rungs.
 */
export function normalizedOccurrences(index: FileIndex, search: string[], rung: Rung): number[] {
  const keep = (l: string) => !(rung.skipBlank && isBlank(l));
  const needle = search.filter(keep).map(rung.norm).join('\n');
  if (needle.trim() === '') return [];
  const at = rung.skipBlank ? index.nonBlank : index.lines.map((_, i) => i);
  const hay = at.map((i) => index.norm(rung.norm, i));
  const joined = hay.join('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const l of hay) {
    starts.push(offset);
    offset += l.length + 1;
  }
  const out: number[] = [];
  let p = 0;
  for (let i = joined.indexOf(needle); i >= 0; i = joined.indexOf(needle, i + 1)) {
    while (p + 1 < starts.length && starts[p + 1] <= i) p++;
    if (out[out.length - 1] !== at[p]) out.push(at[p]);
  }
  return out;
}
