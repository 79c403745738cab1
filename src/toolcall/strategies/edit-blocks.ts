// SEARCH/REPLACE blocks written as prose (Aider, Cline and ORIGINAL/UPDATED markers; the file
// name on a line before, often inside a fence) → one edit_file call per file with the blocks as
// its `diff`, untouched: the patch engine reads them. Only when edit_file is offered, or no tools.
import { BLOCK_END, BLOCK_START, pathFromLine } from '../../util/edit-markers';
import { lineStartsOf } from '../../util/line-starts';
import { framingBefore } from '../prose-guard';
import type { Found, Strategy } from '../types';

interface Block {
  /** Offsets of the region claimed (path line or fence included) and of the block itself. */
  start: number;
  end: number;
  blockStart: number;
  path?: string;
  closed: boolean;
}

const FENCE = /^\s*```/;

/** The blocks in order: each from its start marker to its end marker (or the text's end). */
function findBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const at = lineStartsOf(text);
  const endOf = (i: number) => at[i] + lines[i].length;
  const blocks: Block[] = [];
  let floor = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!BLOCK_START.test(lines[i])) continue;
    // The path: up to three lines back (a fence line between is fine), not into the previous block.
    let start = at[i];
    let path: string | undefined;
    for (let back = i - 1; back >= Math.max(floor, i - 3); back--) {
      if (FENCE.test(lines[back]) && !pathFromLine(lines[back])) {
        start = at[back];
        continue;
      }
      path = pathFromLine(lines[back]);
      if (path) start = at[back];
      break;
    }
    let j = i + 1;
    while (j < lines.length && !BLOCK_END.test(lines[j]) && !BLOCK_START.test(lines[j])) j++;
    const closed = j < lines.length && BLOCK_END.test(lines[j]);
    const last = closed ? j : j - 1;
    let end = endOf(last);
    if (closed && j + 1 < lines.length && /^\s*```\s*$/.test(lines[j + 1])) end = endOf(j + 1);
    blocks.push({ start, end, blockStart: at[i], path, closed });
    floor = last + 1;
    i = last;
  }
  return blocks;
}

export const editBlocks: Strategy = {
  name: 'edit-blocks',
  find(text, ctx) {
    if (!/SEARCH|ORIGINAL/i.test(text)) return [];
    if (ctx.tools && !ctx.tools.some((t) => t.name === 'edit_file')) return [];
    const out: Found[] = [];
    let lastPath: string | undefined;
    /** The call collecting the blocks of the current file: blocks for one file in a row are one edit. */
    let open: { path: string; parts: string[]; found: Found } | undefined;
    for (const b of findBlocks(text)) {
      const region = { start: b.start, end: b.end, calls: [], repairs: [] };
      if (framingBefore(text, b.start, true) !== 'call') {
        out.push({ ...region, ignored: 'SEARCH/REPLACE shown as an example' });
        continue;
      }
      if (!b.closed) {
        out.push({ ...region, unreadable: 'a SEARCH/REPLACE block without its closing ">>>>>>> REPLACE" line' });
        open = undefined;
        continue;
      }
      const path = b.path ?? lastPath;
      if (!path) {
        out.push({ ...region, unreadable: 'SEARCH/REPLACE block without a file name' });
        continue;
      }
      lastPath = path;
      const body = text.slice(b.blockStart, b.end).replace(/\n\s*```\s*$/, '');
      if (open && open.path === path) {
        open.parts.push(body);
        open.found.calls[0].args = { path, diff: open.parts.join('\n') };
        out.push(region);
        continue;
      }
      const found: Found = { ...region, calls: [{ name: 'edit_file', args: { path, diff: body }, explicit: true }], repairs: ['SEARCH/REPLACE block'] };
      open = { path, parts: [body], found };
      out.push(found);
    }
    return out;
  },
};
