// Merges a lazy snippet (code with `// ... existing code ...` lines) into a file, or refuses it.
// Each part between elisions is pinned by a line with words that occurs once after the previous
// part; a block the part shows whole replaces the file's block; unshown lines are never dropped
// silently. Lines like `}` place nothing by their text: where a reading hangs on one, the two
// readings (the file's closer, or a new one) are both merged and the brackets must decide.
import { indentWidth, isBalanced, structureOf } from './blocks';
import { pinBlocks, pinnedSteps } from './lazy-align';
import { closersAnchorEdits, reachable, tailElsewhere } from './lazy-guards';
import { fitsIndentStyle, type IndentStyle, indentedKey, indentStyleOf, key, looksLike, trailingLayoutOf, trivial, uniqueFrom, worded } from './lazy-lines';
import { hasTypographic, isBlank, isElision, leadingWhitespace, typographicToAscii } from './normalize';
import { makeReindent } from './reindent';

export type LazyResult = { ok: true; lines: string[] } | { ok: false; reason: string; hint: string };

interface Chunk {
  lines: string[];
  elidedBefore: boolean;
  elidedAfter: boolean;
  /** Indentation width of the elision line after the chunk; null when the snippet ends. */
  tail: number | null;
  /** Blank lines written after the chunk, before the elision or the snippet's end (not aligned: placed). */
  blankTail: number;
  /** Blank lines the snippet starts with (first chunk only): the file's where it starts with them. */
  blankHead: number;
}

function chunksOf(snippet: string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let cur: string[] = [];
  let before = false;
  // Blank lines next to an elision line are written by the model like any other line (a blank
  // line before the elided code is one it wants); those at the snippet's two ends are layout,
  // kept only where the file has blank lines there too.
  const push = (elision: string | null) => {
    let blankHead = 0;
    if (!before)
      while (cur.length && isBlank(cur[0])) {
        cur.shift();
        blankHead++;
      }
    let blankTail = 0;
    while (cur.length && isBlank(cur[cur.length - 1])) {
      cur.pop();
      blankTail++;
    }
    if (cur.every(isBlank)) cur = [];
    if (cur.length)
      chunks.push({
        lines: cur,
        elidedBefore: before,
        elidedAfter: elision !== null,
        tail: elision === null ? null : indentWidth(elision),
        blankTail,
        blankHead,
      });
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

/** What both readings of a snippet need to know of the file, worked out once. */
interface FileView {
  lines: string[];
  keys: string[];
  indentedKeys: string[];
  style: IndentStyle;
  /** Trailing whitespace on written lines, as the file has it. */
  layout: (line: string) => string;
  /** Blank lines the file starts with. */
  blankHead: number;
}

function viewOf(file: string[]): FileView {
  let blankHead = 0;
  while (blankHead < file.length && isBlank(file[blankHead])) blankHead++;
  return { lines: file, keys: file.map(key), indentedKeys: file.map(indentedKey), style: indentStyleOf(file), layout: trailingLayoutOf(file), blankHead };
}

/**
 * The last part of a snippet, with no unique line, ends the file: its closing lines (`}` of a
 * class, say) match the file's last lines and the new lines go before them. Closing lines that
 * directly follow new lines belong to the new code, so a matched suffix never starts with one.
 */
function appendAtEnd(view: FileView, cursor: number, chunk: string[]): string[] | null {
  const { lines: file, keys, style, layout } = view;
  let end = file.length;
  while (end > cursor && isBlank(file[end - 1])) end--;
  let n = 0;
  while (n < chunk.length && end - n - 1 >= cursor && keys[end - n - 1] === key(chunk[chunk.length - n - 1])) n++;
  while (n > 1 && trivial(key(chunk[chunk.length - n]))) n--;
  const at = end - n;
  const fresh = chunk.slice(0, chunk.length - n);
  // Appended code is new: a line the file already has (more than once, or it would have pinned
  // the part) is context, and where it stands cannot be told.
  // With no closing line matched, even a `}` the file has is context from somewhere.
  if (fresh.some((l) => !isBlank(l) && (n > 0 ? !trivial(key(l)) : true) && keys.slice(cursor).includes(key(l)))) return null;
  const pairs: [string, string][] = [];
  for (let j = 0; j < n; j++) pairs.push([leadingWhitespace(chunk[chunk.length - n + j]), leadingWhitespace(file[at + j])]);
  const shift = makeReindent(pairs);
  const reindent = (line: string) => layout(shift(line));
  // New lines that start with a line the file has above them (a `},` at its indentation, as
  // written or as shifted by the matched closers): that line shown as context, the lines after
  // it replaced, or written again? Either is a guess.
  const opening = fresh.find((l) => !isBlank(l));
  const asAbove = (l: string) => view.indentedKeys.slice(cursor, at).includes(indentedKey(l));
  if (opening !== undefined && (asAbove(opening) || asAbove(reindent(opening)))) return null;
  if (fresh.some((l) => !fitsIndentStyle(reindent(l), style))) return null;
  return [...file.slice(cursor, at), ...fresh.map(reindent), ...file.slice(at)];
}

/**
 * A reading of the snippet. `placedByCloser`: a part stands where it does because of a line like
 * `}` or `*\/` at its edge, text the file has in many places.
 */
type Reading = { ok: true; lines: string[]; placedByCloser: boolean } | { ok: false; reason: string; hint: string };

/**
 * A closing line (`}`) after a change is the file's, or the new lines' own: the snippet is read
 * both ways, and each reading is held to every rule. A result is taken only when the readings that
 * hold agree on it or exactly one of them keeps the file's bracket and comment structure; a part
 * placed by such a line must keep that structure too. Anything else would be a guess.
 */
export function lazyMerge(file: string[], snippet: string[]): LazyResult {
  const chunks = chunksOf(snippet);
  if (chunks.length === 0)
    return { ok: false, reason: 'the snippet contains only elision lines', hint: 'Show the lines to change with a few unchanged lines around them.' };
  const view = viewOf(file);
  const readings = [readSnippet(view, chunks, true), readSnippet(view, chunks, false)];
  const merged = readings.filter((r) => r.ok);
  if (merged.length === 0) return readings[0];
  const distinct = [...new Set(merged.map((r) => r.lines.join('\n')))];
  const structure = structureOf(file);
  const kept = distinct.filter((text) => structureOf(text.split('\n')) === structure);
  if (distinct.length === 1 && (kept.length === 1 || !merged.some((r) => r.placedByCloser))) return { ok: true, lines: merged[0].lines };
  if (distinct.length > 1 && kept.length === 1) return { ok: true, lines: kept[0].split('\n') };
  if (distinct.length > 1) {
    return {
      ok: false,
      reason: "the snippet's closing lines can be read as the file's or as new ones, and the two readings give different files",
      hint: 'Include the unchanged line just before and just after each changed line, or send a SEARCH/REPLACE block instead.',
    };
  }
  return {
    ok: false,
    reason:
      'the snippet is placed by closing lines such as "}" that the file has in many places, and merged there it leaves the file\'s brackets or comments unbalanced',
    hint: 'Include an unchanged line with words in it just before and just after each change, or send a SEARCH/REPLACE block instead.',
  };
}

function readSnippet(view: FileView, chunks: Chunk[], ownClosers: boolean): Reading {
  const { lines: file, keys, indentedKeys, style, layout } = view;
  const out: string[] = [];
  let cursor = 0;
  let placedByCloser = false;
  const closerAt = (lines: string[], from: 'first' | 'last') => {
    const shown = lines.filter((l) => !isBlank(l));
    const edge = from === 'first' ? shown[0] : shown[shown.length - 1];
    return edge !== undefined && trivial(key(edge));
  };
  for (let ci = 0; ci < chunks.length; ci++) {
    const shown = chunks[ci];
    const last = ci === chunks.length - 1;
    let headJ = 0;
    let a = cursor;
    // A first part that starts with a unique line from the middle of the file (a function the
    // model shows without a leading "..." line) cannot mean "delete everything above": treat the
    // elision as implied.
    const firstAt = ci === 0 && !shown.elidedBefore && shown.elidedAfter ? uniqueFrom(keys, 0, key(shown.lines[0])) : -1;
    // Blank lines above count too: a snippet never deletes lines it does not show.
    const impliedBefore = firstAt > 0;
    // A part that starts the file keeps the blank lines the snippet starts with, as many as the
    // file starts with: they are its first lines, aligned like any other.
    const c =
      ci === 0 && !shown.elidedBefore && !impliedBefore
        ? { ...shown, lines: [...file.slice(0, Math.min(shown.blankHead, view.blankHead)), ...shown.lines] }
        : shown;
    if (c.elidedBefore || ci > 0 || impliedBefore) {
      headJ = -1;
      for (let j = 0; j < c.lines.length && headJ < 0; j++) {
        // A pin is a line with words: a `}` unique by text may still be a new one.
        if (!worded(c.lines[j])) continue;
        const p = uniqueFrom(keys, cursor, key(c.lines[j]));
        if (p >= 0) {
          headJ = j;
          a = p;
        }
      }
      if (headJ < 0) {
        if (last && !c.elidedAfter) {
          const appended = appendAtEnd(view, cursor, c.lines);
          if (appended) return { ok: true, lines: [...out, ...appended], placedByCloser: true };
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
      // Lines above it that the file has just above are context; a `}` only at the same indentation.
      // (indented as the pinned line shows the snippet's indentation maps to the file's).
      const pinShift = makeReindent([[leadingWhitespace(c.lines[headJ]), leadingWhitespace(file[a])]]);
      const sameLine = (l: string, f: number) => (trivial(key(l)) ? indentedKeys[f] === indentedKey(pinShift(l)) : keys[f] === key(l));
      while (headJ > 0 && a - 1 >= cursor && sameLine(c.lines[headJ - 1], a - 1)) {
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
    // New lines shown above the pinned one, after blank lines: those blanks are the file's where
    // it has blank lines just above the pinned line (the mirror of `blankTail`).
    let above = c.lines.slice(0, Math.max(0, headJ));
    const leadBlanks = above.findIndex((l) => !isBlank(l));
    if (leadBlanks > 0) {
      let fileBlanks = 0;
      while (a - fileBlanks - 1 >= cursor && isBlank(file[a - fileBlanks - 1])) fileBlanks++;
      above = above.slice(Math.min(leadBlanks, fileBlanks));
    }
    const body = c.lines.slice(headJ);
    placedByCloser ||=
      (headJ >= 0 && (c.elidedBefore || ci > 0 || impliedBefore) && closerAt(c.lines, 'first')) || (c.elidedAfter && closerAt(c.lines, 'last'));
    const toEnd = last && !c.elidedAfter;
    const pinned = pinBlocks(body, c.tail, file, keys, cursor, a, ci + 1);
    if (!pinned.ok) return pinned;
    const pinsEnd = pinned.pins.reduce((m, p) => Math.max(m, p.f1), a);
    const end = toEnd ? file.length : Math.min(file.length, Math.max(pinsEnd, a + body.length * 2 + 20));
    // Matched on words first, to learn how the snippet's indentation maps to the file's; then
    // again with that indentation as part of each line.
    const byWords = pinnedSteps(body.map(key), keys, file, a, end, pinned.pins, ownClosers);
    // Only lines with words teach it: a `}` matched by text alone may be another block's.
    const learned = makeReindent(
      (byWords?.steps ?? []).flatMap((st): [string, string][] =>
        st.kind === 'common' && !trivial(key(body[st.k])) ? [[leadingWhitespace(body[st.k]), leadingWhitespace(file[st.f])]] : [],
      ),
    );
    const aligned =
      byWords &&
      pinnedSteps(
        body.map((l) => indentedKey(learned(l))),
        indentedKeys,
        file,
        a,
        end,
        pinned.pins,
        ownClosers,
      );
    if (!aligned) {
      return {
        ok: false,
        reason: `part ${ci + 1} of the snippet changes lines of a block it does not show whole, so it is unclear which old lines the new ones replace`,
        hint: 'Show the whole block, or include the unchanged line just before and just after each changed line.',
      };
    }
    const { steps, pinEnd, blocksEnd } = aligned;
    if (!closersAnchorEdits(steps, body, file)) {
      return {
        ok: false,
        reason: `part ${ci + 1} of the snippet is anchored after its change only by closing lines such as "}", and would replace lines it does not resemble`,
        hint: 'Include the unchanged line just after each change, or send a SEARCH/REPLACE block instead.',
      };
    }
    if (!steps.some((st) => st.kind === 'common' && worded(body[st.k]))) {
      return {
        ok: false,
        reason: `part ${ci + 1} of the snippet shares no line with words with the file (a "}" could be any block's), so whether it replaces lines or adds them is unclear`,
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
    const reindent = (line: string) => layout(smart ? typographicToAscii(shift(line)) : shift(line));
    const region: string[] = [];
    /** Which region lines the snippet wrote (not kept from the file). */
    const regionNew: boolean[] = [];
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
        regionNew.push(false);
      } else if (st.kind === 'body') {
        // A line written where its equal is removed keeps the file's bytes (trailing whitespace).
        const mine = reindent(body[st.k]);
        const twin = st.twin !== undefined && st.twin < b ? file[st.twin] : undefined;
        region.push(twin !== undefined && twin.trimEnd() === mine.trimEnd() ? twin : mine);
        regionNew.push(true);
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
    // A written line that the elided code holds within the change's reach (or, after the part's
    // last unchanged line, one like it): that line shown as context, the change replacing the
    // lines up to it, or a new one? Either reading is a guess.
    const lastCommonStep = steps.reduce((m, st, i) => (st.kind === 'common' ? Math.max(i, m) : m), pinEnd);
    const lookalike = toEnd
      ? undefined
      : reachable(file, b, inserted).find((f) =>
          steps.some(
            (st, i) =>
              st.kind === 'body' && !trivial(key(body[st.k])) && (key(body[st.k]) === keys[f] || (i > lastCommonStep && looksLike(key(body[st.k]), keys[f]))),
          ),
        );
    if (lookalike !== undefined) {
      return {
        ok: false,
        reason: `part ${ci + 1} of the snippet writes a line like "${file[lookalike].trim()}" (line ${lookalike + 1}), which it leaves out as existing code, so which lines the change replaces is unclear`,
        hint: 'Show the unchanged lines up to that one, or send a SEARCH/REPLACE block instead.',
      };
    }
    const elsewhere = toEnd ? null : tailElsewhere(steps, keys, file, a);
    if (elsewhere !== null) {
      return {
        ok: false,
        reason: `part ${ci + 1} of the snippet ends with "${file[elsewhere.shown].trim()}", which stands both at line ${elsewhere.shown + 1} and at line ${elsewhere.other + 1}, so which lines the change replaces is unclear`,
        hint: 'Include one more unchanged line after the change, one that occurs once in the file, or send a SEARCH/REPLACE block instead.',
      };
    }
    // A changed line at the edge of a part, next to elided code that holds a similar line, reads
    // as "replace" but would be applied as "insert": refuse rather than duplicate.
    const tailLines = steps.slice(lastCommonStep + 1).flatMap((st) => (st.kind === 'body' ? [body[st.k]] : []));
    const tailNew = tailLines.map(key);
    // A new closing line (`}`) ending a part next to elided code, closing no block the new lines
    // open: the file's closer or a new one? Either reading is a guess (one of them doubles a brace).
    const tailClosers = tailNew.filter((k) => k !== '');
    const closesOwn = isBalanced(tailLines) && /[{[(]/.test(tailLines.join('\n'));
    const closerClash = tailClosers.length > 0 && trivial(tailClosers[tailClosers.length - 1]) && !closesOwn;
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
    for (let k = fileBlanks; k < c.blankTail && !toEnd; k++) {
      region.push('');
      regionNew.push(true);
    }
    // Blank lines the snippet ends with, where the file has them after the part's last line,
    // are the file's: the snippet ends the file after them.
    const lastStep = steps.filter((st) => st.kind !== 'file').pop();
    if (toEnd && lastStep?.kind === 'common') {
      let kept = 0;
      while (kept < c.blankTail && lastStep.f + 1 + kept < file.length && isBlank(file[lastStep.f + 1 + kept])) kept++;
      for (const line of file.slice(lastStep.f + 1, lastStep.f + 1 + kept)) {
        region.push(line);
        regionNew.push(false);
      }
    }
    const written = [...above.map(reindent), ...region.filter((_, i) => regionNew[i])];
    const misfit = written.find((l) => !fitsIndentStyle(l, style));
    if (misfit !== undefined) {
      return {
        ok: false,
        reason: `part ${ci + 1} of the snippet indents "${misfit.trim()}" with ${style === 'spaces' ? 'tabs' : 'spaces'} where the file uses ${style}, and no unchanged line shows how they map`,
        hint: 'Copy the unchanged lines around the change with their indentation, or send a SEARCH/REPLACE block instead.',
      };
    }
    out.push(...above.map(reindent), ...region);
    cursor = b;
  }
  out.push(...file.slice(cursor));
  return { ok: true, lines: out, placedByCloser };
}
