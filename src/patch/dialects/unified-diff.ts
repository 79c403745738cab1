// Unified-diff hunks (`--- a/x` / `+++ b/x` / `@@ … @@`). Line numbers are ignored: each hunk
// becomes a search/replace block located by its context, hunks in file order.
import type { EditBlock, ParsedEdit, Refusal } from '../types';
import { refusal } from '../refusals';

const HUNK = /^@@+[^@]*@@+\s?(.*)$|^@@+\s*$/;

export function looksLikeUnifiedDiff(text: string): boolean {
  const lines = text.split('\n');
  const hasHunk = lines.some((l) => HUNK.test(l));
  const hasHeaders = lines.some((l) => l.startsWith('--- ')) && lines.some((l) => l.startsWith('+++ '));
  const hasChange = lines.some((l) => /^[-+](?![-+]{2} )/.test(l));
  return (hasHunk || hasHeaders) && hasChange;
}

function stripPrefix(p: string): string | undefined {
  const t = p.trim().split('\t')[0].replace(/^"|"$/g, '');
  if (t === '/dev/null') return undefined;
  return t.replace(/^[ab]\//, '');
}

/** True when a change line follows before the hunk obviously ends (header, fence, blank run). */
function continuesHunk(lines: string[], i: number): boolean {
  if (/^(```|diff |index |--- |\+\+\+ )/.test(lines[i])) return false;
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j];
    if (HUNK.test(l) || /^(```|diff |--- |\+\+\+ )/.test(l)) return false;
    if (/^[-+]/.test(l)) return true;
    if (l === '' && j + 1 < lines.length && lines[j + 1] === '') return false;
  }
  return false;
}

interface Hunk {
  old: string[];
  new: string[];
  anchor?: string;
}

function toBlock(h: Hunk): EditBlock {
  while (h.old.length && h.new.length && h.old[h.old.length - 1] === '' && h.new[h.new.length - 1] === '') {
    h.old.pop();
    h.new.pop();
  }
  const join = (ls: string[]) => (ls.length ? ls.join('\n') + '\n' : '');
  return { kind: 'replace', search: join(h.old), replace: join(h.new), anchor: h.anchor || undefined, ordered: true };
}

export function parseUnifiedDiff(text: string): ParsedEdit[] | Refusal {
  const lines = text.split('\n');
  const edits: ParsedEdit[] = [];
  let current: ParsedEdit | undefined;
  let newFile = false;
  let hunk: Hunk | undefined;
  const flush = () => {
    if (hunk && current && (hunk.old.length || hunk.new.length)) {
      if (newFile) current.blocks.push({ kind: 'write', content: hunk.new.length ? hunk.new.join('\n') + '\n' : '' });
      else current.blocks.push(toBlock(hunk));
    }
    hunk = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('--- ') && i + 1 < lines.length && lines[i + 1].startsWith('+++ ')) {
      flush();
      const from = stripPrefix(line.slice(4));
      const to = stripPrefix(lines[i + 1].slice(4));
      newFile = from === undefined;
      current = { path: to ?? from, dialect: 'unified_diff', blocks: [] };
      edits.push(current);
      i++;
      continue;
    }
    const h = HUNK.exec(line);
    if (h) {
      flush();
      if (!current) edits.push((current = { dialect: 'unified_diff', blocks: [] }));
      hunk = { old: [], new: [], anchor: h[1]?.trim() };
      continue;
    }
    if (!hunk) continue;
    if (line.startsWith('\\')) continue;
    const tag = line[0];
    const body = line.slice(1);
    if (tag === ' ' || line === '') {
      hunk.old.push(line === '' ? '' : body);
      hunk.new.push(line === '' ? '' : body);
    } else if (tag === '-') hunk.old.push(body);
    else if (tag === '+') hunk.new.push(body);
    else if (continuesHunk(lines, i)) {
      // A context line whose leading space the model dropped: later lines still change the hunk.
      hunk.old.push(line);
      hunk.new.push(line);
    } else flush();
  }
  flush();
  const withBlocks = edits.filter((e) => e.blocks.length > 0);
  if (withBlocks.length === 0) {
    return refusal(
      'malformed',
      'the diff has no hunks with changes',
      'Each hunk starts with a line "@@ ... @@", then lines starting with " " (unchanged), "-" (removed) or "+" (added).',
    );
  }
  return withBlocks;
}
