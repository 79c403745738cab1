// The patch engine's disk-facing API: propose (read only), apply (a compare-and-swap on the
// file's hash under the workspace lock: check, journal, atomic write) and revalidate a pending
// proposal after the file changed on disk.
import type { ApplyResult, EditInput, ParsedBlock, ParsedEdit, ProposeResult, Proposal, Refusal, SearchReplacePair } from './types';
import { assertNever } from '../util/assert-never';
import { type CasResult, replaceConfined } from '../workspace/confined-file';
import { type LockWait, withApplyLock } from './apply-lock';
import { applyBlocks } from './apply-edits';
import { readFileState } from './file-state';
import { recordChange } from './journal';
import { parseEditText } from './parse-edit-text';
import { alreadyApplied, refusal } from './refusals';
import { toDiskText } from './line-endings';
import { sha256, toPlain } from './text-format';
import { unifiedDiff } from './unified-diff';
import { checkWholeFile } from './whole-file';

const fail = (r: Refusal): ProposeResult => ({ ok: false, refusal: r });
const slash = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '');

/** The blocks of an edit text meant for `relPath`: its path names are ignored unless several files are named. */
export function blocksFor(relPath: string, edits: ParsedEdit[]): ParsedBlock[] | Refusal {
  const named = [
    ...new Set(
      edits
        .map((e) => e.path)
        .filter((p): p is string => !!p)
        .map(slash),
    ),
  ];
  if (named.length <= 1) return edits.flatMap((e) => e.blocks);
  const target = slash(relPath);
  const mine = edits.filter((e) => !e.path || slash(e.path) === target || target.endsWith('/' + slash(e.path)) || slash(e.path).endsWith('/' + target));
  if (mine.length === 0) {
    return refusal('malformed', `the edit names ${named.join(', ')} but not ${relPath}`, `Send only the changes for ${relPath}, one file per edit.`);
  }
  return mine.flatMap((e) => e.blocks);
}

const pairBlock = (p: SearchReplacePair): ParsedBlock => ({
  kind: 'replace',
  search: p.search,
  replace: p.replace,
  substring: true,
  ...(p.replaceAll ? { replaceAll: true } : {}),
});

/** The blocks an edit stands for, as they will be matched (`debug parse` shows them too). */
export function blocksOf(relPath: string, edit: EditInput): ParsedBlock[] | Refusal {
  switch (edit.kind) {
    case 'search_replace':
      return [pairBlock(edit)];
    case 'pairs':
      return edit.pairs.map(pairBlock);
    case 'write':
      return [{ kind: 'write', content: edit.content }];
    case 'text': {
      const parsed = parseEditText(edit.text);
      return 'code' in parsed ? parsed : blocksFor(relPath, parsed);
    }
    default:
      return assertNever(edit);
  }
}

export async function proposeEdit(root: string, relPath: string, edit: EditInput): Promise<ProposeResult> {
  const blocks = blocksOf(slash(relPath), edit);
  if ('code' in blocks) return fail(blocks);
  return proposeBlocks(root, relPath, blocks, edit.kind === 'write' ? edit.content : undefined);
}

/** Proposes already-parsed blocks for one file (`smallcode debug apply --file` uses every block). */
export async function proposeBlocks(root: string, relPath: string, blocks: ParsedBlock[], writeContent?: string): Promise<ProposeResult> {
  const path = slash(relPath);
  const read = await readFileState(root, path);
  if (!read.ok) return fail(read.refusal);
  const { text, hash } = read.state;
  if (text !== null) {
    const rewrite = blocks.find((b) => b.kind === 'write');
    const bad = rewrite && rewrite.kind === 'write' ? checkWholeFile(text, rewrite.content) : undefined;
    if (bad) return fail(bad);
  } else if (blocks.some((b) => b.kind === 'replace' && b.search.trim() !== '') || blocks.some((b) => b.kind === 'lazy')) {
    return fail(refusal('not_found', `${path} does not exist`, 'Check the path (list_files), or create the file with write_file.'));
  } else if (writeContent !== undefined) {
    const bad = checkWholeFile(null, writeContent);
    if (bad) return fail(bad);
  }
  const before = text === null ? null : toPlain(text);
  const result = applyBlocks(before, blocks, path);
  if (!result.ok) return fail(result.refusal);
  if (before !== null && result.after === before) return fail(alreadyApplied(path, ''));
  let after: string;
  if (text !== null) after = toDiskText(text, result.after);
  else after = writeContent ?? result.after;
  const { diff, added, removed } = unifiedDiff(path, text, after);
  const edit = { blocks, ...(writeContent !== undefined ? { writeContent } : {}) };
  const proposal: Proposal = { path, before: text, beforeHash: hash, after, diff, added, removed, strategies: result.strategies, edit };
  return { ok: true, proposal };
}

function stale(path: string, why: string): Refusal {
  return refusal('stale', `${path} changed on disk since the edit was proposed${why}`, `Read ${path} again and redo the edit against its current content.`);
}

/**
 * Applies a proposal as a compare-and-swap under the workspace lock: the file must still hash to
 * `beforeHash` when checked, and again at the moment of the rename (replaceConfined), or the
 * change is refused as stale, never written over someone else's edit.
 */
export async function applyProposal(root: string, proposal: Proposal, opts: LockWait = {}): Promise<ApplyResult> {
  const locked = await withApplyLock(root, () => applyLocked(root, proposal), opts);
  if (locked.ok) return locked.value;
  return { ok: false, refusal: refusal('locked', locked.message, 'Nothing was written. Try again once the other SmallCode process has finished.') };
}

async function applyLocked(root: string, proposal: Proposal): Promise<ApplyResult> {
  const read = await readFileState(root, proposal.path);
  if (!read.ok) return { ok: false, refusal: read.refusal };
  if (read.state.hash !== proposal.beforeHash) return { ok: false, refusal: stale(proposal.path, '') };
  const after = Buffer.from(proposal.after, 'utf8');
  const { entry, drop } = await recordChange(root, proposal.path, read.state.bytes, after);
  let written: CasResult;
  try {
    written = await replaceConfined(root, proposal.path, after, (now) => (now ? sha256(now) : null) === proposal.beforeHash);
  } catch (err) {
    await drop();
    throw err;
  }
  if (written.ok) return { ok: true, entry };
  await drop();
  if (written.changed) return { ok: false, refusal: stale(proposal.path, ' (it changed on disk while being written)') };
  return { ok: false, refusal: refusal('not_found', written.reason, 'Nothing was written; give the path of a regular file inside the workspace.') };
}

/** Re-checks a proposal after the file changed on disk: the same blocks, against the new content. */
export async function revalidate(root: string, proposal: Proposal): Promise<ProposeResult> {
  const read = await readFileState(root, proposal.path);
  if (!read.ok) return fail(read.refusal);
  if (read.state.hash === proposal.beforeHash) return { ok: true, proposal };
  if (!proposal.edit) return fail(stale(proposal.path, ''));
  const again = await proposeBlocks(root, proposal.path, proposal.edit.blocks, proposal.edit.writeContent);
  if (again.ok || again.refusal.code === 'already_applied') return again;
  return fail(stale(proposal.path, ` and the edit no longer applies: ${again.refusal.reason}`));
}
