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

type Step = { kind: 'common'; k: number; f: number } | { kind: 'body'; k: number } | { kind: 'file'; f: number };

const trivial = (k: string) => k.replace(/[^A-Za-z0-9_]/g, '').length < 2;

/**
 * Aligns chunk lines with file lines (from file index `base`). A run of matches made only of
 * trivial lines (`}`, blank) after the first real change is not trusted as context: it is far
 * more often a new block's closing brace than the file's.
 */
function alignSteps(body: string[], window: string[], base: number): Step[] {
  const steps: Step[] = [];
  let k = 0;
  let f = base;
  for (const op of diffArrays(body, window, { comparator: (x: string, y: string) => x === y })) {
    for (let j = 0; j < op.count; j++) {
      if (op.added) steps.push({ kind: 'file', f: f++ });
      else if (op.removed) steps.push({ kind: 'body', k: k++ });
      else steps.push({ kind: 'common', k: k++, f: f++ });
    }
  }
  let changed = false;
  for (let i = 0; i < steps.length; ) {
    if (steps[i].kind !== 'common') {
      changed = true;
      i++;
      continue;
    }
    let j = i;
    while (j < steps.length && steps[j].kind === 'common') j++;
    const run = steps.slice(i, j) as { kind: 'common'; k: number; f: number }[];
    if (changed && run.every((st) => trivial(body[st.k]))) {
      const replaced: Step[] = [...run.map((st): Step => ({ kind: 'body', k: st.k })), ...run.map((st): Step => ({ kind: 'file', f: st.f }))];
      steps.splice(i, run.length, ...replaced);
      i += replaced.length;
    } else i = j;
  }
  return steps;
}

/**
 * The last part of a snippet, with no unique line, ends the file: its closing lines (`}` of a
 * class, say) match the file's last lines and the new lines go before them. Closing lines that
 * directly follow new lines belong to the new code, so a matched suffix never starts with one.
 */
function appendAtEnd(file: string[], keys: string[], cursor: number, chunk: string[]): string[] {
  let end = file.length;
  while (end > cursor && isBlank(file[end - 1])) end--;
  let n = 0;
  while (n < chunk.length && end - n - 1 >= cursor && keys[end - n - 1] === key(chunk[chunk.length - n - 1])) n++;
  while (n > 1 && trivial(key(chunk[chunk.length - n]))) n--;
  const at = end - n;
  const fresh = chunk.slice(0, chunk.length - n);
  const pairs: [string, string][] = [];
  for (let j = 0; j < n; j++) pairs.push([leadingWhitespace(chunk[chunk.length - n + j]), leadingWhitespace(file[at + j])]);
  return [...file.slice(cursor, at), ...fresh.map(makeReindent(pairs)), ...file.slice(at)];
}

const wordsOf = (l: string) => new Set(l.match(/[A-Za-z_$][A-Za-z0-9_$]*|\d+/g) ?? []);

/** A new line that reads as an edited version of `old`: it keeps old's words (or most of them). */
function looksLike(line: string, old: string | undefined): boolean {
  if (old === undefined || trivial(old)) return false;
  const a = wordsOf(line);
  const b = wordsOf(old);
  if (b.size === 0) return false;
  const shared = [...b].filter((w) => a.has(w)).length;
  return (shared === b.size && b.size >= 2) || shared / (a.size + b.size - shared) >= 0.6;
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
    // A first part that starts with a unique line from the middle of the file (a function the
    // model shows without a leading "..." line) cannot mean "delete everything above": treat the
    // elision as implied.
    const firstAt = ci === 0 && !c.elidedBefore && c.elidedAfter ? uniqueFrom(keys, 0, key(c.lines[0])) : -1;
    const impliedBefore = firstAt > 0 && keys.slice(0, firstAt).some((k) => k !== '');
    if (c.elidedBefore || ci > 0 || impliedBefore) {
      headJ = -1;
      for (let j = 0; j < c.lines.length && headJ < 0; j++) {
        if (isBlank(c.lines[j])) continue;
        const p = uniqueFrom(keys, cursor, key(c.lines[j]));
        if (p >= 0) (headJ = j), (a = p);
      }
      if (headJ < 0) {
        if (last && !c.elidedAfter) return { ok: true, lines: [...out, ...appendAtEnd(file, keys, cursor, c.lines)] };
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
    const toEnd = last && !c.elidedAfter;
    const end = toEnd ? file.length : Math.min(file.length, a + body.length * 2 + 20);
    const steps = alignSteps(body.map(key), keys.slice(a, end), a);
    const lastCommon = steps.reduce((m, st) => (st.kind === 'common' ? st.f + 1 : m), a);
    const b = toEnd ? file.length : lastCommon;
    const pairs: [string, string][] = [];
    for (const st of steps) if (st.kind === 'common' && !isBlank(body[st.k])) pairs.push([leadingWhitespace(body[st.k]), leadingWhitespace(file[st.f])]);
    const reindent = makeReindent(pairs);
    const region: string[] = [];
    let groupDeleted = 0;
    let groupInserted = 0;
    let deleted = 0;
    let inserted = 0;
    let tooMuch = false;
    for (const st of steps) {
      if (st.kind === 'common') {
        tooMuch ||= groupDeleted > groupInserted + 1;
        groupDeleted = groupInserted = 0;
        region.push(file[st.f]);
      } else if (st.kind === 'body') {
        region.push(reindent(body[st.k]));
        groupInserted++;
        inserted++;
      } else if (st.f < b && !isBlank(file[st.f])) {
        groupDeleted++;
        deleted++;
      }
    }
    tooMuch ||= groupDeleted > groupInserted + 1 || deleted > inserted + 2;
    if (tooMuch) {
      return {
        ok: false,
        reason: `part ${ci + 1} of the snippet would delete ${deleted} lines it does not show`,
        hint: 'Mark unchanged code you leave out with a "// ... existing code ..." line, or send a SEARCH/REPLACE block instead.',
      };
    }
    // A changed line at the edge of a part, next to elided code that holds a similar line, reads
    // as "replace" but would be applied as "insert": refuse rather than duplicate.
    const lastCommonStep = steps.reduce((m, st, i) => (st.kind === 'common' ? i : m), -1);
    const tailNew = steps.slice(lastCommonStep + 1).flatMap((st) => (st.kind === 'body' ? [key(body[st.k])] : []));
    const tailClash = !toEnd && tailNew.length > 0 && looksLike(tailNew[0], keys[b]);
    const headClash = headJ > 0 && a > cursor && looksLike(key(c.lines[headJ - 1]), keys[a - 1]);
    if (tailClash || headClash) {
      return {
        ok: false,
        reason: `part ${ci + 1} of the snippet changes a line next to elided code, so it is unclear which line it replaces`,
        hint: 'Include the unchanged line just before and just after each changed line, or send a SEARCH/REPLACE block instead.',
      };
    }
    // New lines appended after a blank context line keep a blank line before the elided code.
    const lastStep = steps.filter((st) => st.kind !== 'file').pop();
    if (!toEnd && lastStep?.kind === 'body' && lastCommon > a && isBlank(file[lastCommon - 1]) && b < file.length && !isBlank(file[b])) region.push('');
    out.push(...c.lines.slice(0, headJ).map(reindent), ...region);
    cursor = b;
  }
  out.push(...file.slice(cursor));
  return { ok: true, lines: out };
}
