// Runs one search/replace block down the matcher ladder against plain (LF) text. The first rung
// with any match decides: one match is applied, several are refused as ambiguous.
import type { EditBlock, Refusal } from '../types';
import { alreadyApplied, ambiguous, noMatch, refusal, unanchored } from '../refusals';
import { joinLines, normalizeModelText, splitLines } from '../text-format';
import { anyOccurrences, exactHits } from './exact';
import { findCandidates, normalizedOccurrences } from './line-match';
import { FileIndex } from './file-index';
import { narrow, type NarrowHints } from './narrow';
import { isElision, isElisionMarker } from './normalize';
import { rebuild } from './rebuild';
import { LINE_RUNGS, type Prepared } from './rungs';

export type BlockResult = { ok: true; text: string; strategy: string; cursor: number; noop: boolean } | { ok: false; refusal: Refusal };

function toLines(text: string): string[] {
  if (text === '') return [];
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}

/** Elision lines at both ends of SEARCH and REPLACE say nothing; drop them. */
function trimOuterElisions(p: Prepared): Prepared {
  const s = [...p.search];
  const r = [...p.replace];
  while (s.length > 1 && r.length > 0 && isElision(s[0]) && s[0].trim() === r[0].trim()) {
    s.shift();
    r.shift();
  }
  while (s.length > 1 && r.length > 0 && isElision(s[s.length - 1]) && s[s.length - 1].trim() === r[r.length - 1].trim()) {
    s.pop();
    r.pop();
  }
  return { search: s, replace: r };
}

type Found =
  | { kind: 'none' }
  | { kind: 'ambiguous'; starts: number[] }
  | { kind: 'one'; text: string; strategy: string; cursor: number }
  | { kind: 'error'; reason: string };

/** The candidate lines named in a refusal: every place the text occurs, in file order. */
const union = (a: number[], b: number[]) => [...new Set([...a, ...b])].sort((x, y) => x - y);

/**
 * Several places hold the search text (inside longer lines too): ambiguous unless the edit's own
 * hints pick one; 'elsewhere' when they pick another place than this rung's match (a later rung,
 * which matches that place, decides).
 */
function repeated(starts: number[], length: number, lines: string[], hints: NarrowHints, at: number): Found | 'elsewhere' | undefined {
  if (starts.length < 2) return undefined;
  const left = narrow(
    starts.map((start) => ({ start, end: start + Math.max(1, length) })),
    lines,
    hints,
  );
  if (left.length > 1) return { kind: 'ambiguous', starts: left.map((s) => s.start) };
  return left.length === 1 && left[0].start !== at ? 'elsewhere' : undefined;
}

function find(text: string, getIndex: () => FileIndex, search: string, replace: string, block: EditBlock, hints: NarrowHints): Found {
  const lines = splitLines(text).lines;
  const finalNewline = text.endsWith('\n');
  const hits = narrow(
    exactHits(text, search, block.substring === true, replace.includes('\n')).map((h) => ({ ...h, start: h.startLine, end: h.endLine })),
    lines,
    hints,
  );
  if (hits.length > 1 && block.replaceAll) {
    let out = text;
    const apart = hits.filter((h, i) => i === 0 || h.index >= hits[i - 1].index + search.length);
    for (const h of apart.reverse()) out = out.slice(0, h.index) + replace + out.slice(h.index + search.length);
    return { kind: 'one', text: out, strategy: 'exact_all', cursor: 0 };
  }
  if (hits.length > 1)
    return {
      kind: 'ambiguous',
      starts: union(
        hits.map((h) => h.start),
        anyOccurrences(text, search),
      ),
    };
  const exact = hits.length === 1 ? repeated(anyOccurrences(text, search), toLines(search).length, lines, hints, hits[0].start) : undefined;
  if (hits.length === 1 && exact !== 'elsewhere') {
    if (exact) return exact;
    const h = hits[0];
    const out = text.slice(0, h.index) + replace + text.slice(h.index + search.length);
    return { kind: 'one', text: out, strategy: 'exact', cursor: h.start + toLines(replace).length };
  }
  // Line rungs read text as whole lines. A str_replace pair whose halves differ in their final
  // line break means "glue to the next line" (or "split it"), which no line edit expresses.
  if (block.substring && replace !== '' && search.endsWith('\n') !== replace.endsWith('\n')) return { kind: 'none' };
  // Likewise a search that starts with the line break before its text: its lines are not whole.
  if (block.substring && search.startsWith('\n') && !search.endsWith('\n')) return { kind: 'none' };
  const index = getIndex();
  const base: Prepared = { search: toLines(search), replace: toLines(replace) };
  for (const rung of LINE_RUNGS) {
    const p = rung.prep(rung.elision ? trimOuterElisions(base) : base);
    if (!p || p.search.every((l) => l.trim() === '')) continue;
    const cands = narrow(findCandidates(index, p.search, rung), lines, hints);
    if (cands.length > 1) {
      const all = rung.elision ? [] : normalizedOccurrences(index, p.search, rung);
      return {
        kind: 'ambiguous',
        starts: union(
          cands.map((c) => c.start),
          all,
        ),
      };
    }
    if (cands.length === 0) continue;
    const c = cands[0];
    if (!rung.elision) {
      const repeats = repeated(normalizedOccurrences(index, p.search, rung), c.end - c.start, lines, hints, c.start);
      if (repeats === 'elsewhere') continue;
      if (repeats) return repeats;
    }
    const built = rebuild(lines, p.search, p.replace, c, rung);
    if (!built.ok) return { kind: 'error', reason: built.reason };
    const next = [...lines.slice(0, c.start), ...built.lines, ...lines.slice(c.end)];
    return { kind: 'one', text: joinLines(next, finalNewline), strategy: rung.name, cursor: c.start + built.lines.length };
  }
  return { kind: 'none' };
}

const unescapeOnce = (t: string) => t.replace(/\\(n|t|"|'|\\)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));

function elisionsOnlyIn(replace: string, search: string): boolean {
  const count = (t: string) => toLines(t).filter(isElisionMarker).length;
  return count(replace) > count(search);
}

/** `where` names the block for messages, e.g. " (block 2 of 3)". */
export function applyBlock(text: string, block: EditBlock, path: string, cursor: number, where = ''): BlockResult {
  const search = normalizeModelText(block.search);
  const replace = normalizeModelText(block.replace);
  const hints: NarrowHints = { anchor: block.anchor, atEnd: block.atEnd, ordered: block.ordered, cursor };
  if (search.trim() === '') {
    if (block.atEnd && text !== '') {
      // Codex: added lines with no context under `*** End of File` go at the end of the file.
      const { lines, finalNewline } = splitLines(text);
      return { ok: true, text: joinLines([...lines, ...toLines(replace)], finalNewline), strategy: 'end_of_file', cursor: lines.length, noop: false };
    }
    if (text.trim() !== '') return { ok: false, refusal: unanchored(path) };
    return { ok: true, text: replace, strategy: 'empty_file', cursor: toLines(replace).length, noop: false };
  }
  if (elisionsOnlyIn(replace, search)) {
    return {
      ok: false,
      refusal: refusal(
        'malformed',
        `REPLACE${where} contains an elision line ("... existing code ...") that SEARCH does not`,
        'Write out every line of the replacement in full; elision lines are allowed only where SEARCH has the same elision line.',
      ),
    };
  }
  if (search === replace) return { ok: true, text, strategy: 'unchanged', cursor, noop: true };
  if (replace.includes(search) && replace.trim() !== '') {
    const inside = exactHits(text, replace, true);
    if (inside.length === 1) {
      const outer = inside[0];
      const all = exactHits(text, search, true);
      if (all.every((h) => h.index >= outer.index && h.index + search.length <= outer.index + replace.length)) {
        return { ok: false, refusal: alreadyApplied(path, where) };
      }
    }
  }
  let built: FileIndex | undefined;
  const index = () => (built ??= new FileIndex(text, splitLines(text).lines));
  let found = find(text, index, search, replace, block, hints);
  if (found.kind === 'none' && !search.includes('\n') && search.includes('\\n')) {
    // Arguments escaped twice (`\\n` inside JSON): the text is the same once unescaped.
    const again = find(text, index, unescapeOnce(search), unescapeOnce(replace), block, hints);
    if (again.kind === 'one') found = { ...again, strategy: `unescaped+${again.strategy}` };
  }
  if (found.kind === 'one') return { ok: true, text: found.text, strategy: found.strategy, cursor: found.cursor, noop: false };
  if (found.kind === 'ambiguous') return { ok: false, refusal: ambiguous(path, found.starts, where) };
  if (found.kind === 'error')
    return {
      ok: false,
      refusal: refusal('malformed', `${found.reason}${where}`, 'Keep each "... existing code ..." line of SEARCH in REPLACE at the same place.'),
    };
  if (replace.replace(/[^A-Za-z0-9_]/g, '').length >= 2) {
    // Only a unique, non-trivial replacement counts as "already there"; a stray `}` does not.
    const back = find(text, index, replace, search, { ...block, anchor: undefined, atEnd: undefined, ordered: false }, { cursor: 0 });
    if (back.kind === 'one') return { ok: false, refusal: alreadyApplied(path, where) };
  }
  return { ok: false, refusal: noMatch(path, index(), toLines(search), where) };
}
