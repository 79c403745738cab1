// Aligns a lazy snippet's part with the file's lines: blocks the part shows whole are pinned to
// the file's blocks, the lines around them are diffed, and closing lines may be read as the new
// lines' own (one of the two readings lazyMerge weighs).
import { diffArrays } from 'diff';
import { delimitBlock, indentWidth, isBalanced } from './blocks';
import { closingOf, key, trivial, uniqueFrom } from './lazy-lines';
import { isBlank } from './normalize';

/** `twin`: a body line first matched to this file line, then not trusted as context (alignSteps). */
export type Step = { kind: 'common'; k: number; f: number; pinned?: true } | { kind: 'body'; k: number; twin?: number } | { kind: 'file'; f: number };

/**
 * Aligns chunk lines with file lines (from file index `base`). With `ownClosers`, a run of matches
 * made only of trivial lines (`}`, blank) right after new lines that leave a bracket open is
 * read as those lines' own closer, not the file's: as many of its lines as close them are new.
 */
function alignSteps(body: string[], window: string[], base: number, kBase: number, ownClosers: boolean): Step[] {
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
  let written: string[] = [];
  for (let i = 0; i < steps.length; ) {
    const st = steps[i];
    if (st.kind !== 'common') {
      if (st.kind === 'body') written.push(body[st.k - kBase]);
      i++;
      continue;
    }
    let j = i;
    while (j < steps.length && steps[j].kind === 'common') j++;
    const run = steps.slice(i, j) as { kind: 'common'; k: number; f: number }[];
    let closing = 0;
    if (ownClosers && written.length > 0 && !isBalanced(written)) {
      for (let q = 1; q <= run.length && trivial(body[run[q - 1].k - kBase]); q++) {
        if (isBalanced([...written, ...run.slice(0, q).map((r) => body[r.k - kBase])])) {
          closing = q;
          break;
        }
      }
    }
    const own = run.slice(0, closing);
    steps.splice(i, closing, ...own.map((r): Step => ({ kind: 'body', k: r.k, twin: r.f })), ...own.map((r): Step => ({ kind: 'file', f: r.f })));
    i = j + closing;
    written = [];
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
export function pinBlocks(body: string[], tail: number | null, file: string[], keys: string[], cursor: number, from: number, part: number): Pins {
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
    // A closer written differently may be the file's, changed (`}); // done`), only when it
    // closes with the same brackets; else it is another line, and the block's end a guess.
    const closesAlike = !shown.closer || inFile.kind !== 'block' || closingOf(body[shown.end - 1]) === closingOf(file[inFile.end - 1]);
    if (inFile.kind !== 'block' || inFile.closer !== shown.closer || !closesAlike) {
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
export function pinnedSteps(
  body: string[],
  keys: string[],
  file: string[],
  a: number,
  end: number,
  pins: Pin[],
  ownClosers: boolean,
): { steps: Step[]; pinEnd: number; blocksEnd: number } | null {
  const steps: Step[] = [];
  // A pinned block's opener and closer are the file's lines only when written the same way.
  const pair = (k: number, f: number): Step[] =>
    body[k] === keys[f]
      ? [{ kind: 'common', k, f, pinned: true }]
      : [
          { kind: 'body', k },
          { kind: 'file', f },
        ];
  let k = 0;
  let f = a;
  let pinEnd = -1;
  for (const p of pins) {
    steps.push(...alignSteps(body.slice(k, p.k0), keys.slice(f, p.f0), f, k, ownClosers));
    const c = p.closer ? 1 : 0;
    let inner = alignSteps(body.slice(p.k0 + 1, p.k1 - c), keys.slice(p.f0 + 1, p.f1 - c), p.f0 + 1, p.k0 + 1, ownClosers);
    let f1 = p.f1;
    if (p.elided) {
      const trimmed = elidedEnd(inner, file, f1);
      if (!trimmed) return null;
      inner = trimmed.steps;
      f1 = trimmed.f1;
    }
    steps.push(...pair(p.k0, p.f0), ...inner);
    if (p.closer) steps.push(...pair(p.k1 - 1, f1 - 1));
    pinEnd = steps.length - 1;
    k = p.k1;
    f = f1;
  }
  steps.push(...alignSteps(body.slice(k), keys.slice(f, Math.max(f, end)), f, k, ownClosers));
  return { steps, pinEnd, blocksEnd: f };
}
