// SEARCH/REPLACE blocks: Aider (`<<<<<<< SEARCH` / `=======` / `>>>>>>> REPLACE`), Cline
// (`------- SEARCH` / `=======` / `+++++++ REPLACE`) and ORIGINAL/UPDATED, prose around. The only
// reader of what lies between the markers (the parser just finds the blocks).
import type { EditBlock, ParsedEdit, Refusal } from '../types';
import { refusal } from '../refusals';
import { BLOCK_DIVIDER as DIVIDER, BLOCK_END as END, BLOCK_START as START, pathFromLine } from '../../util/edit-markers';

const ESCAPED = /^\\(?=<{5,9}|={5,9}|>{5,9}|-{5,9}|\+{5,9})/;
const FORM = '<<<<<<< SEARCH\n(exact lines from the file)\n=======\n(new lines)\n>>>>>>> REPLACE';

export function looksLikeSearchReplace(text: string): boolean {
  return text.split('\n').some((l) => START.test(l) || END.test(l));
}

function malformed(reason: string): Refusal {
  return refusal('malformed', reason, `Write each edit exactly in this form (the file path on the line before):\n${FORM}`);
}

/** Roo's `:start_line:N` / `-------` header lines inside SEARCH carry no text to match. */
function dropRooHeader(lines: string[]): string[] {
  let i = 0;
  while (i < lines.length && /^:(start|end)_line:\s*\d*\s*$/.test(lines[i].trim())) i++;
  if (i > 0 && i < lines.length && /^-{3,}$/.test(lines[i].trim())) i++;
  return lines.slice(i);
}

/**
 * Models sometimes fence the code inside both halves of a block; the fences are not file text.
 * Only both halves fenced says so: a fenced SEARCH with an empty REPLACE may delete a fenced block
 * of a Markdown file, fences and all.
 */
function unfenceBoth(search: string[], replace: string[]): [string[], string[]] {
  const fenced = (ls: string[]) => ls.length >= 2 && /^\s*```[\w+-]*\s*$/.test(ls[0]) && /^\s*```\s*$/.test(ls[ls.length - 1]);
  if (!fenced(search) || !fenced(replace)) return [search, replace];
  return [search.slice(1, -1), replace.slice(1, -1)];
}

const join = (lines: string[]) => (lines.length ? lines.map((l) => l.replace(ESCAPED, '')).join('\n') + '\n' : '');

export function parseSearchReplace(text: string): ParsedEdit[] | Refusal {
  const lines = text.split('\n');
  const edits: ParsedEdit[] = [];
  let path: string | undefined;
  let lastEnd = 0;
  let i = 0;
  while (i < lines.length) {
    if (DIVIDER.test(lines[i]) || END.test(lines[i])) {
      return malformed(`found "${lines[i].trim()}" without a "<<<<<<< SEARCH" line before it`);
    }
    if (!START.test(lines[i])) {
      i++;
      continue;
    }
    for (let back = i - 1; back >= Math.max(lastEnd, i - 3); back--) {
      const p = pathFromLine(lines[back]);
      if (p) {
        path = p;
        break;
      }
    }
    const search: string[] = [];
    let j = i + 1;
    while (j < lines.length && !DIVIDER.test(lines[j])) {
      if (START.test(lines[j]) || END.test(lines[j])) return malformed(`the "=======" line between SEARCH and REPLACE is missing (block at line ${i + 1})`);
      search.push(lines[j++]);
    }
    if (j >= lines.length) return malformed(`the "=======" line between SEARCH and REPLACE is missing (block at line ${i + 1})`);
    const replace: string[] = [];
    j++;
    while (j < lines.length && !END.test(lines[j])) {
      if (START.test(lines[j]) || DIVIDER.test(lines[j])) return malformed(`the ">>>>>>> REPLACE" line closing the block at line ${i + 1} is missing`);
      replace.push(lines[j++]);
    }
    if (j >= lines.length) return malformed(`the ">>>>>>> REPLACE" line closing the block at line ${i + 1} is missing`);
    const [s, r] = unfenceBoth(dropRooHeader(search), replace);
    const block: EditBlock = { kind: 'replace', search: join(s), replace: join(r) };
    const dialect = /^\s*-/.test(lines[i]) ? 'search_replace_cline' : 'search_replace';
    const prev = edits[edits.length - 1];
    if (prev && prev.path === path) prev.blocks.push(block);
    else edits.push({ path, dialect, blocks: [block] });
    lastEnd = j + 1;
    i = j + 1;
  }
  return edits.length > 0 ? edits : malformed('no complete SEARCH/REPLACE block was found');
}
