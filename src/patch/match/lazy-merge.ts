// Merges a lazy snippet (code with `// ... existing code ...` lines) into a file. Each chunk
// between elisions must be pinned by a line that occurs exactly once after the previous chunk;
// a chunk that would silently drop unshown lines is refused.
import { diffArrays } from 'diff';
import { collapseWhitespace, isBlank, isElision, leadingWhitespace, typographicToAscii } from './normalize';
import { makeReindent } from './reindent';

export type LazyResult = { ok: true; lines: string[] } | { ok: false; reason: string; hint: string };

interface Chunk {
  lines: string[];
  elidedBefore: boolean;
  elidedAfter: boolean;
}

const key = (l: string) => collapseWhitespace(typographicToAscii(l));

function chunksOf(snippet: string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let cur: string[] = [];
  let before = false;
  const push = (after: boolean) => {
    while (cur.length && isBlank(cur[0])) cur.shift();
    while (cur.length && isBlank(cur[cur.length - 1])) cur.pop();
    if (cur.length) chunks.push({ lines: cur, elidedBefore: before, elidedAfter: after });
    cur = [];
  };
  for (const line of snippet) {
    if (isElision(line)) {
      push(true);
      before = true;
    } else cur.push(line);
  }
  push(false);
  return chunks;
}

function uniqueFrom(keys: string[], from: number, want: string): number {
  let at = -1;
  for (let i = from; i < keys.length; i++) {
    if (keys[i] !== want) continue;
    if (at >= 0) return -1;
    at = i;
  }
  return at;
}

export function lazyMerge(file: string[], snippet: string[]): LazyResult {
  const chunks = chunksOf(snippet);
  if (chunks.length === 0) return { ok: false, reason: 'the snippet contains only elision lines', hint: 'Show the lines to change with a few unchanged lines around them.' };
  const keys = file.map(key);
  const out: string[] = [];
  let cursor = 0;
  for (let ci = 0; ci < chunks.length; ci++) {
    const c = chunks[ci];
    const last = ci === chunks.length - 1;
    let headJ = 0;
    let a = cursor;
    if (c.elidedBefore || ci > 0) {
      headJ = -1;
      for (let j = 0; j < c.lines.length && headJ < 0; j++) {
        if (isBlank(c.lines[j])) continue;
        const p = uniqueFrom(keys, cursor, key(c.lines[j]));
        if (p >= 0) (headJ = j), (a = p);
      }
      if (headJ < 0) {
        if (last && !c.elidedAfter) {
          out.push(...file.slice(cursor), ...c.lines);
          return { ok: true, lines: out };
        }
        return {
          ok: false,
          reason: `part ${ci + 1} of the snippet cannot be placed: none of its lines occurs exactly once in the file after the previous part`,
          hint: 'Include at least one unchanged line that is unique in the file (a function signature, for instance) in each part between "... existing code ..." lines.',
        };
      }
      while (headJ > 0 && a - 1 >= cursor && keys[a - 1] === key(c.lines[headJ - 1])) (headJ--, a--);
    }
    out.push(...file.slice(cursor, a));
    const body = c.lines.slice(headJ);
    const end = last && !c.elidedAfter ? file.length : Math.min(file.length, a + body.length * 2 + 20);
    const ops = diffArrays(body.map(key), keys.slice(a, end), { comparator: (x: string, y: string) => x === y });
    let f = a;
    let lastCommon = a;
    let k = 0;
    const pairs: [string, string][] = [];
    for (const op of ops) {
      if (op.added) f += op.count;
      else if (op.removed) k += op.count;
      else {
        for (let j = 0; j < op.count; j++) if (!isBlank(body[k + j])) pairs.push([leadingWhitespace(body[k + j]), leadingWhitespace(file[f + j])]);
        (f += op.count), (k += op.count), (lastCommon = f);
      }
    }
    const b = last && !c.elidedAfter ? file.length : lastCommon;
    const reindent = makeReindent(pairs);
    const region: string[] = [];
    let deleted = 0;
    let inserted = 0;
    (f = a), (k = 0);
    for (const op of ops) {
      if (op.added) {
        for (let j = 0; j < op.count; j++, f++) if (f < b && !isBlank(file[f])) deleted++;
        if (f > b) f = b;
      } else if (op.removed) {
        for (let j = 0; j < op.count; j++, k++) region.push(reindent(body[k])), inserted++;
      } else for (let j = 0; j < op.count; j++, k++, f++) region.push(file[f]);
    }
    if (deleted > Math.max(2, inserted)) {
      return {
        ok: false,
        reason: `part ${ci + 1} of the snippet would delete ${deleted} lines it does not show`,
        hint: 'Mark unchanged code you leave out with a "// ... existing code ..." line, or send a SEARCH/REPLACE block instead.',
      };
    }
    out.push(...c.lines.slice(0, headJ).map(reindent), ...region);
    cursor = b;
  }
  out.push(...file.slice(cursor));
  return { ok: true, lines: out };
}
