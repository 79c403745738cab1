// Merges a lazy snippet (code with `// ... existing code ...` lines) into a file. Each chunk
// between elisions must be pinned by a line that occurs exactly once after the previous chunk;
// a block the chunk shows whole replaces the file's block; unshown lines are never dropped silently.
import { diffArrays } from 'diff';
import { delimitBlock, indentWidth } from './blocks';
import { collapseWhitespace, hasTypographic, isBlank, isElision, leadingWhitespace, typographicToAscii } from './normalize';
import { makeReindent } from './reindent';

export type LazyResult = { ok: true; lines: string[] } | { ok: false; reason: string; hint: string };

interface Chunk {
  lines: string[];
  elidedBefore: boolean;
  elidedAfter: boolean;
  /** Indentation width of the elision line after the chunk; null when the snippet ends. */
  tail: number | null;
  /** Blank lines written between the chunk and the elision after it (not aligned: placed). */
  blankTail: number;
}

const key = (l: string) => collapseWhitespace(typographicToAscii(l));

function chunksOf(snippet: string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let cur: string[] = [];
  let before = false;
  // Blank lines next to an elision line are written by the model like any other line (a blank
  // line before the elided code is one it wants); only those at the snippet's two ends go.
  const push = (elision: string | null) => {
    if (!before) while (cur.length && isBlank(cur[0])) cur.shift();
    let blankTail = 0;
    while (cur.length && isBlank(cur[cur.length - 1])) {
      cur.pop();
      blankTail++;
    }
    if (elision === null) blankTail = 0;
    if (cur.every(isBlank)) cur = [];
    if (cur.length)
      chunks.push({ lines: cur, elidedBefore: before, elidedAfter: elision !== null, tail: elision === null ? null : indentWidth(elision), blankTail });
    cur = [];
  };
  for (const line of snippet) {
    if (isElision(line)) {
      push(line);
      before = true;
    } else cur.push(line);
  }
  push(null);
  return chunks;
}

/** `twin`: a body line first matched to this file line, then not trusted as context (alignSteps). */
type Step = { kind: 'common'; k: number; f: number } | { kind: 'body'; k: number; twin?: number } | { kind: 'file'; f: number };

const trivial = (k: string) => k.replace(/[^A-Za-z0-9_]/g, '').length < 2;

/**
 * Aligns chunk lines with file lines (from file index `base`). A run of matches made only of
 * trivial lines (`}`, blank) after the first real change is not trusted as context: it is far
 * more often a new block's closing brace than the file's.
 */
function alignSteps(body: string[], window: string[], base: number, kBase = 0): Step[] {
  const steps: Step[] = [];
  let k = kBase;
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
    if (changed && run.every((st) => trivial(body[st.k - kBase]))) {
      const replaced: Step[] = [...run.map((st): Step => ({ kind: 'body', k: st.k, twin: st.f })), ...run.map((st): Step => ({ kind: 'file', f: st.f }))];
      steps.splice(i, run.length, ...replaced);
      i += replaced.length;
    } else i = j;
  }
  return steps;
}

/** A block the snippet shows whole (opener to closer or dedent), pinned to the file's block. */
interface Pin {
  k0: number;
  k1: number;
  f0: number;
  f1: number;
  closer: boolean;
  /** Ended only by the elision after the part (indentation languages), not by a shown line. */
  elided: boolean;
}

type Pins = { ok: true; pins: Pin[] } | { ok: false; reason: string; hint: string };

/**
 * Blocks opened on a line unique in the file after `cursor` and closed within the part. Each
 * replaces the whole file block: aligning it line by line instead would trust no closing brace
 * after a change and keep the old body after the new one. A block the file does not delimit
 * the same way is refused.
 */
function pinBlocks(body: string[], tail: number | null, file: string[], keys: string[], cursor: number, from: number, part: number): Pins {
  const pins: Pin[] = [];
  let minF = from;
  for (let k = 0; k < body.length; k++) {
    if (isBlank(body[k])) continue;
    const shown = delimitBlock(body, k, tail === null || tail <= indentWidth(body[k]));
    if (shown.kind !== 'block') continue;
    const f0 = uniqueFrom(keys, cursor, key(body[k]));
    if (f0 < 0) continue;
    const inFile = f0 >= minF ? delimitBlock(file, f0, true) : { kind: 'open' as const };
    // An indentation block the snippet ends with a line the file's block does not end with (a new
    // line written at the opener's depth, say) is not shown whole: it is not pinned as one.
    const endsElsewhere =
      inFile.kind === 'block' && !shown.closer && shown.end < body.length && (inFile.end >= file.length || key(body[shown.end]) !== keys[inFile.end]);
    if (endsElsewhere) continue;
    if (inFile.kind !== 'block' || inFile.closer !== shown.closer) {
      return {
        ok: false,
        reason: `part ${part} of the snippet replaces the block opened by "${body[k].trim()}", but its end in the file cannot be found unambiguously`,
        hint: 'Send a SEARCH/REPLACE block with the exact lines to change instead.',
      };
    }
    pins.push({ k0: k, k1: shown.end, f0, f1: inFile.end, closer: shown.closer, elided: tail !== null && !shown.closer && shown.end === body.length });
    minF = inFile.end;
    k = shown.end - 1;
  }
  return { ok: true, pins };
}

/**
 * A block ended by the elision after the part: old lines after its last shown line stay (the
 * elision stands for them); anywhere else an old line may only go with a new one in its place.
 * Returns the steps kept and the block's new end, or null when lines would be dropped unshown.
 */
function elidedEnd(inner: Step[], file: string[], f1: number): { steps: Step[]; f1: number } | null {
  let cut = inner.length;
  while (cut > 0 && inner[cut - 1].kind === 'file') cut--;
  const kept = cut > 0 && inner[cut - 1].kind === 'common' && cut < inner.length ? inner.slice(0, cut) : inner;
  let deleted = 0;
  let inserted = 0;
  for (const st of [...kept, null]) {
    if (st === null || st.kind === 'common') {
      if (deleted > inserted) return null;
      deleted = inserted = 0;
    } else if (st.kind === 'body') inserted++;
    else if (!isBlank(file[st.f])) deleted++;
  }
  const first = inner[kept.length];
  return { steps: kept, f1: first?.kind === 'file' ? first.f : f1 };
}

/** Steps for a part: pinned blocks aligned within their bounds, the lines around them as before. */
function pinnedSteps(
  body: string[],
  keys: string[],
  file: string[],
  a: number,
  end: number,
  pins: Pin[],
): { steps: Step[]; pinEnd: number; blocksEnd: number } | null {
  const steps: Step[] = [];
  let k = 0;
  let f = a;
  let pinEnd = -1;
  for (const p of pins) {
    steps.push(...alignSteps(body.slice(k, p.k0), keys.slice(f, p.f0), f, k));
    const c = p.closer ? 1 : 0;
    let inner = alignSteps(body.slice(p.k0 + 1, p.k1 - c), keys.slice(p.f0 + 1, p.f1 - c), p.f0 + 1, p.k0 + 1);
    let f1 = p.f1;
    if (p.elided) {
      const trimmed = elidedEnd(inner, file, f1);
      if (!trimmed) return null;
      inner = trimmed.steps;
      f1 = trimmed.f1;
    }
    steps.push({ kind: 'common', k: p.k0, f: p.f0 }, ...inner);
    if (p.closer) steps.push({ kind: 'common', k: p.k1 - 1, f: f1 - 1 });
    pinEnd = steps.length - 1;
    k = p.k1;
    f = f1;
  }
  steps.push(...alignSteps(body.slice(k), keys.slice(f, Math.max(f, end)), f, k));
  return { steps, pinEnd, blocksEnd: f };
}

/**
 * The last part of a snippet, with no unique line, ends the file: its closing lines (`}` of a
 * class, say) match the file's last lines and the new lines go before them. Closing lines that
 * directly follow new lines belong to the new code, so a matched suffix never starts with one.
 */
function appendAtEnd(file: string[], keys: string[], cursor: number, chunk: string[]): string[] | null {
  let end = file.length;
  while (end > cursor && isBlank(file[end - 1])) end--;
  let n = 0;
  while (n < chunk.length && end - n - 1 >= cursor && keys[end - n - 1] === key(chunk[chunk.length - n - 1])) n++;
  while (n > 1 && trivial(key(chunk[chunk.length - n]))) n--;
  const at = end - n;
  const fresh = chunk.slice(0, chunk.length - n);
  // Appended code is new: a line the file already has (more than once, or it would have pinned
  // the part) is context, and where it stands cannot be told.
  if (fresh.some((l) => !trivial(key(l)) && keys.slice(cursor).includes(key(l)))) return null;
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
  if (chunks.length === 0)
    return { ok: false, reason: 'the snippet contains only elision lines', hint: 'Show the lines to change with a few unchanged lines around them.' };
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
    // Blank lines above count too: a snippet never deletes lines it does not show.
    const impliedBefore = firstAt > 0;
    if (c.elidedBefore || ci > 0 || impliedBefore) {
      headJ = -1;
      for (let j = 0; j < c.lines.length && headJ < 0; j++) {
        if (isBlank(c.lines[j])) continue;
        const p = uniqueFrom(keys, cursor, key(c.lines[j]));
        if (p >= 0) {
          headJ = j;
          a = p;
        }
      }
      if (headJ < 0) {
        if (last && !c.elidedAfter) {
          const appended = appendAtEnd(file, keys, cursor, c.lines);
          if (appended) return { ok: true, lines: [...out, ...appended] };
          return {
            ok: false,
            reason: `part ${ci + 1} of the snippet has no line that occurs once in the file, yet it shows lines the file already has, so it is unclear where they stand`,
            hint: 'Include an unchanged line that is unique in the file (copied exactly, without line numbers) in each part, or send a SEARCH/REPLACE block instead.',
          };
        }
        return {
          ok: false,
          reason: `part ${ci + 1} of the snippet cannot be placed: none of its lines occurs exactly once in the file after the previous part`,
          hint: 'Include at least one unchanged line that is unique in the file (a function signature, for instance) in each part between "... existing code ..." lines.',
        };
      }
      while (headJ > 0 && a - 1 >= cursor && keys[a - 1] === key(c.lines[headJ - 1])) {
        headJ--;
        a--;
      }
      // Lines shown above the pinned one that the file has higher up are context from there:
      // the lines between would be kept or dropped by guess.
      const above = c.lines.slice(0, headJ).find((l) => !isBlank(l) && keys.slice(cursor, a).includes(key(l)));
      if (above !== undefined) {
        return {
          ok: false,
          reason: `part ${ci + 1} of the snippet shows "${above.trim()}" above its first unique line, but in the file other lines stand between them`,
          hint: 'Show the lines between too (or mark them with "... existing code ..."), or send a SEARCH/REPLACE block instead.',
        };
      }
    }
    out.push(...file.slice(cursor, a));
    const body = c.lines.slice(headJ);
    const toEnd = last && !c.elidedAfter;
    const pinned = pinBlocks(body, c.tail, file, keys, cursor, a, ci + 1);
    if (!pinned.ok) return pinned;
    const pinsEnd = pinned.pins.reduce((m, p) => Math.max(m, p.f1), a);
    const end = toEnd ? file.length : Math.min(file.length, Math.max(pinsEnd, a + body.length * 2 + 20));
    const aligned = pinnedSteps(body.map(key), keys, file, a, end, pinned.pins);
    if (!aligned) {
      return {
        ok: false,
        reason: `part ${ci + 1} of the snippet changes lines of a block it does not show whole, so it is unclear which old lines the new ones replace`,
        hint: 'Show the whole block, or include the unchanged line just before and just after each changed line.',
      };
    }
    const { steps, pinEnd, blocksEnd } = aligned;
    if (!steps.some((st) => st.kind === 'common')) {
      return {
        ok: false,
        reason: `part ${ci + 1} of the snippet shares no line with the file, so whether it replaces lines or adds them is unclear`,
        hint: 'Include the unchanged lines just before and after the change (copied exactly, without line numbers), or send a SEARCH/REPLACE block instead.',
      };
    }
    const lastCommon = steps.reduce((m, st) => (st.kind === 'common' ? st.f + 1 : m), a);
    const b = toEnd ? file.length : Math.max(lastCommon, blocksEnd);
    const pairs: [string, string][] = [];
    for (const st of steps) if (st.kind === 'common' && !isBlank(body[st.k])) pairs.push([leadingWhitespace(body[st.k]), leadingWhitespace(file[st.f])]);
    // Context shown with smart quotes where the file has ASCII ones: the model's new lines have
    // them too, and are written in the file's ASCII (as the typographic rung does).
    const smart = steps.some((st) => st.kind === 'common' && hasTypographic(body[st.k]) && !hasTypographic(file[st.f]));
    const shift = makeReindent(pairs);
    const reindent = (line: string) => (smart ? typographicToAscii(shift(line)) : shift(line));
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
        // A line written where its equal is removed keeps the file's bytes (trailing whitespace).
        const mine = reindent(body[st.k]);
        const twin = st.twin !== undefined && st.twin < b ? file[st.twin] : undefined;
        region.push(twin !== undefined && twin.trimEnd() === mine.trimEnd() ? twin : mine);
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
    const lastCommonStep = steps.reduce((m, st, i) => (st.kind === 'common' ? Math.max(i, m) : m), pinEnd);
    const tailNew = steps.slice(lastCommonStep + 1).flatMap((st) => (st.kind === 'body' ? [key(body[st.k])] : []));
    // New closing lines (`}`) at the end of a part, where the elided code starts with the same
    // ones: the file's closers or new ones? Either reading is a guess (one of them doubles a brace).
    let next = b;
    while (next < file.length && isBlank(file[next])) next++;
    const tailClosers = tailNew.filter((k) => k !== '');
    const closerClash =
      !toEnd &&
      tailClosers.length > 0 &&
      trivial(tailClosers[tailClosers.length - 1]) &&
      next < file.length &&
      keys[next] === tailClosers[tailClosers.length - 1];
    const tailClash = !toEnd && tailNew.length > 0 && (looksLike(tailNew[0], keys[b]) || closerClash);
    const headClash = headJ > 0 && a > cursor && looksLike(key(c.lines[headJ - 1]), keys[a - 1]);
    if (tailClash || headClash) {
      return {
        ok: false,
        reason: `part ${ci + 1} of the snippet changes a line next to elided code, so it is unclear which line it replaces`,
        hint: 'Include the unchanged line just before and just after each changed line, or send a SEARCH/REPLACE block instead.',
      };
    }
    // Blank lines written before the elided code: the file's own where it has them there.
    let fileBlanks = 0;
    while (b + fileBlanks < file.length && isBlank(file[b + fileBlanks])) fileBlanks++;
    for (let k = fileBlanks; k < c.blankTail && !toEnd; k++) region.push('');
    out.push(...c.lines.slice(0, headJ).map(reindent), ...region);
    cursor = b;
  }
  out.push(...file.slice(cursor));
  return { ok: true, lines: out };
}
