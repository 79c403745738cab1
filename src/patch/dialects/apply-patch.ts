// Codex apply-patch envelopes: `*** Begin Patch`, `*** Update File: p`, `@@ [context]`, lines
// with " "/"-"/"+", `*** End of File`, `*** Add File: p` (all "+"), `*** End Patch`.
import type { EditBlock, ParsedEdit, Refusal } from '../types';
import { refusal } from '../refusals';

const FORM = '*** Begin Patch\n*** Update File: path/to/file\n@@ optional line above the change\n context line\n-removed line\n+added line\n*** End Patch';

export function looksLikeApplyPatch(text: string): boolean {
  return /^\s*\*\*\* (Begin Patch|Update File:|Add File:)/m.test(text);
}

function malformed(reason: string): Refusal {
  return refusal('malformed', reason, `Write the patch in this form:\n${FORM}`);
}

export function parseApplyPatch(text: string): ParsedEdit[] | Refusal {
  const lines = text.split('\n');
  const edits: ParsedEdit[] = [];
  let current: ParsedEdit | undefined;
  let mode: 'none' | 'update' | 'add' = 'none';
  let chunk: { old: string[]; new: string[]; anchor?: string; atEnd?: boolean } | undefined;
  let added: string[] = [];
  const join = (ls: string[]) => (ls.length ? ls.join('\n') + '\n' : '');
  const flush = () => {
    while (chunk?.old.length && chunk.new.length && chunk.old[chunk.old.length - 1] === '' && chunk.new[chunk.new.length - 1] === '') {
      chunk.old.pop();
      chunk.new.pop();
    }
    if (mode === 'update' && chunk && current && (chunk.old.length || chunk.new.length)) {
      const block: EditBlock = { kind: 'replace', search: join(chunk.old), replace: join(chunk.new), anchor: chunk.anchor, atEnd: chunk.atEnd, ordered: true };
      current.blocks.push(block);
    }
    if (mode === 'add' && current) current.blocks.push({ kind: 'write', content: join(added) });
    chunk = undefined;
    added = [];
  };
  for (const raw of lines) {
    // A blank line is an empty context line, but a context marker followed by spaces stands for a
    // whitespace-only line of the file: flattening it to '' would rewrite that line's bytes.
    const line = raw.trim() === '' && !raw.startsWith(' ') ? '' : raw;
    const header = /^\s*\*\*\* (Begin Patch|End Patch|Update File:|Add File:|Delete File:|Move to:|End of File)\s*(.*)$/.exec(line);
    if (header) {
      const [, kind, rest] = header;
      if (kind === 'End of File') {
        if (chunk) chunk.atEnd = true;
        continue;
      }
      if (kind === 'Move to:') return malformed('"*** Move to:" (renaming a file) is not supported; edit the file in place');
      flush();
      mode = 'none';
      if (kind === 'Delete File:') return malformed(`"*** Delete File: ${rest.trim()}" is not supported here; ask the user to delete files`);
      if (kind === 'Update File:' || kind === 'Add File:') {
        current = { path: rest.trim(), dialect: 'apply_patch', blocks: [] };
        edits.push(current);
        mode = kind === 'Add File:' ? 'add' : 'update';
      }
      continue;
    }
    if (mode === 'add') {
      if (line.startsWith('+')) added.push(line.slice(1));
      else if (line.trim() !== '') return malformed(`a line of "*** Add File: ${current?.path}" does not start with "+"`);
      continue;
    }
    if (mode !== 'update') continue;
    const at = /^@@(.*)$/.exec(line);
    if (at) {
      if (chunk && (chunk.old.length || chunk.new.length)) flush();
      chunk = { old: [], new: [], anchor: at[1].replace(/@@\s*$/, '').trim() || undefined };
      continue;
    }
    chunk ??= { old: [], new: [] };
    if (line.startsWith('\\ ')) continue; // "\ No newline at end of file"
    if (line === '' || line.startsWith(' ')) {
      chunk.old.push(line.slice(1));
      chunk.new.push(line.slice(1));
    } else if (line.startsWith('-')) chunk.old.push(line.slice(1));
    else if (line.startsWith('+')) chunk.new.push(line.slice(1));
    else if (/^(```\w*|EOF|PATCH)\s*$/.test(line.trim())) continue;
    else {
      // A context line whose leading space was dropped; it still has to match the file.
      chunk.old.push(line);
      chunk.new.push(line);
    }
  }
  flush();
  const withBlocks = edits.filter((e) => e.blocks.length > 0);
  return withBlocks.length > 0 ? withBlocks : malformed('the patch has no changes');
}
