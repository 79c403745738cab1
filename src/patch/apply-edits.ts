// Applies the parsed blocks for one file, in order, to its plain text: all or nothing. Blocks
// whose change is already present are skipped; if every block is, that is `already_applied`.
import type { ParsedBlock, Refusal } from './types';
import { applyBlock } from './match/apply-block';
import { lazyMerge } from './match/lazy-merge';
import { isElision, stripLineNumbers } from './match/normalize';
import { alreadyApplied, refusal } from './refusals';
import { joinLines, normalizeModelText, splitLines } from './text-format';

/** Line-number prefixes copied from read output, when every shown line (not the elisions) has one. */
function withoutLineNumbers(snippet: string[]): string[] {
  const shown = snippet.filter((l) => !isElision(l));
  const stripped = stripLineNumbers(shown);
  if (!stripped) return snippet;
  let i = 0;
  return snippet.map((l) => (isElision(l) ? l : stripped.lines[i++]));
}

export type EditsResult = { ok: true; after: string; strategies: string[] } | { ok: false; refusal: Refusal };

function lazy(text: string, snippet: string, path: string): EditsResult {
  const { lines, finalNewline } = splitLines(text);
  if (lines.length === 0) {
    return {
      ok: false,
      refusal: refusal(
        'malformed',
        `${path} is empty or new, so "... existing code ..." lines stand for nothing`,
        'Write the complete file content without elision lines.',
      ),
    };
  }
  const merged = lazyMerge(lines, withoutLineNumbers(splitLines(normalizeModelText(snippet)).lines));
  if (!merged.ok) return { ok: false, refusal: refusal('no_match', merged.reason, merged.hint) };
  return { ok: true, after: joinLines(merged.lines, finalNewline), strategies: ['lazy_snippet'] };
}

/** A bare code block replaces the file only if it starts and ends like the file does. */
function partialSnippet(before: string, content: string, path: string): Refusal | undefined {
  const ends = (t: string) => {
    const lines = splitLines(t)
      .lines.map((l) => l.trim())
      .filter((l) => l !== '');
    return [lines[0], lines[lines.length - 1]];
  };
  if (before.trim() === '') return undefined;
  const [a, z] = ends(before);
  const [b, y] = ends(content);
  if (a === b && z === y) return undefined;
  return refusal(
    'malformed',
    `the code block does not look like the whole of ${path} (its first or last line differs), and it has no "... existing code ..." markers`,
    'To change part of the file send SEARCH/REPLACE blocks (<<<<<<< SEARCH / ======= / >>>>>>> REPLACE); to rewrite it, send the complete file.',
  );
}

export function applyBlocks(before: string | null, blocks: ParsedBlock[], path: string): EditsResult {
  let text = before ?? '';
  let cursor = 0;
  let changed = 0;
  let skipped = 0;
  const strategies: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const where = blocks.length > 1 ? ` (block ${i + 1} of ${blocks.length})` : '';
    if (block.kind === 'write') {
      const partial = block.fromSnippet ? partialSnippet(text, normalizeModelText(block.content), path) : undefined;
      if (partial) return { ok: false, refusal: partial };
      text = normalizeModelText(block.content);
      // A fenced block cannot say whether the file ends with a line break: it keeps the file's.
      if (block.fromSnippet && before && !before.endsWith('\n') && text.endsWith('\n')) text = text.slice(0, -1);
      strategies.push('write');
      changed++;
      continue;
    }
    if (block.kind === 'lazy') {
      const r = lazy(text, block.text, path);
      if (!r.ok) return r;
      if (r.after === text) skipped++;
      else changed++;
      text = r.after;
      strategies.push(...r.strategies);
      continue;
    }
    const r = applyBlock(text, block, path, cursor, where);
    if (!r.ok) {
      if (r.refusal.code === 'already_applied') {
        skipped++;
        continue;
      }
      if (blocks.length > 1) {
        const note = `No block of this edit was applied (all or nothing per file): fix block ${i + 1} and send all ${blocks.length} blocks again.`;
        return { ok: false, refusal: { ...r.refusal, hint: `${r.refusal.hint}\n${note}` } };
      }
      return r;
    }
    if (r.noop) skipped++;
    else changed++;
    text = r.text;
    cursor = r.cursor;
    strategies.push(r.strategy);
  }
  if (changed === 0 && skipped > 0) return { ok: false, refusal: alreadyApplied(path, '') };
  return { ok: true, after: text, strategies };
}
