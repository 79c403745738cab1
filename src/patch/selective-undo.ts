// Undo of any one journaled change, not only the newest (the changes view's undo and redo). The
// revert is itself a journal entry (`undoes`: the change it reverts), so it is undoable in turn:
// redo is the undo of that revert. Later changes to the same file are kept: the change is taken
// back out of the current text as a patch, and refused when a later change edited the same lines.
import { applyPatch, structuredPatch } from 'diff';
import type { JournalEntry } from './types';
import { readConfined, removeConfined, replaceConfined } from '../workspace/confined-file';
import { type LockWait, withApplyLock } from './apply-lock';
import { publicEntry, readStored, recordChange, storedBytes, type StoredEntry } from './journal';
import { sha256 } from './text-format';

/** `by`: the revert's own journal entry (undoing it is the redo). */
export type RevertResult = { ok: true; reverted: JournalEntry; by: JournalEntry } | { ok: false; reason: string };

const hashOf = (bytes: Buffer | null) => (bytes ? sha256(bytes) : null);

/** Ids of the changes undone on their own: those a still-standing revert entry names. */
export function undoneIds(entries: readonly Pick<JournalEntry, 'id' | 'undoes'>[]): Set<number> {
  const undone = new Set<number>();
  // Newest first: a revert that was itself reverted (a redo) no longer counts.
  for (const e of [...entries].sort((a, b) => b.id - a.id)) {
    if (e.undoes !== undefined && !undone.has(e.id)) undone.add(e.undoes);
  }
  return undone;
}

/** Text that survives a round trip through UTF-8 (so a text patch cannot corrupt bytes). */
function asText(b: Buffer): string | null {
  const t = b.toString('utf8');
  return Buffer.from(t, 'utf8').equals(b) ? t : null;
}

type Target = { ok: true; bytes: Buffer | null } | { ok: false; reason: string };

/** What the file becomes without change `e`, given what it holds now. Reads nothing, writes nothing. */
function withoutChange(e: StoredEntry, now: Buffer | null, later: StoredEntry[]): Target {
  const before = storedBytes(e.before);
  if (hashOf(now) === e.afterHash) return { ok: true, bytes: before };
  const touched = later.map((l) => `#${l.id}`).join(', ');
  const conflict = (why: string): Target => ({
    ok: false,
    reason: `change #${e.id} to ${e.path} cannot be undone on its own: ${why}${touched ? ` (later change ${touched} touched it)` : ''}; undo the later change first — nothing was written`,
  });
  const after = storedBytes(e.after);
  if (e.after === undefined) return conflict('the file changed since, and this older journal entry does not keep the text it wrote');
  if (now === null) return conflict('the file was removed since');
  if (before === null || after === null) return conflict('the change created or removed the whole file, and the file changed since');
  const [b, a, n] = [asText(before), asText(after), asText(now)];
  if (b === null || a === null || n === null) return conflict('the file is not plain UTF-8 text');
  const reverse = structuredPatch(e.path, e.path, a, b, '', '', { context: 3 });
  const result = applyPatch(n, reverse);
  if (result === false) return conflict('a later change edited the same lines');
  return { ok: true, bytes: Buffer.from(result, 'utf8') };
}

async function revertLocked(root: string, id: number): Promise<RevertResult> {
  const stored = await readStored(root);
  const e = stored.find((x) => x.id === id);
  if (!e) return { ok: false, reason: `change #${id} is not in the undo journal (it was undone with \`undo\` or never recorded)` };
  if (undoneIds(stored).has(id)) return { ok: false, reason: `change #${id} to ${e.path} is already undone` };
  if (e.before !== null && sha256(Buffer.from(e.before, 'base64')) !== e.beforeHash) {
    return { ok: false, reason: `journal entry ${id} does not match its own hash; undo refused` };
  }
  const read = await readConfined(root, e.path);
  if (!read.ok) return { ok: false, reason: `cannot undo change #${id}: ${read.reason}` };
  const later = stored.filter((x) => x.id > id && x.path === e.path);
  const target = withoutChange(e, read.bytes, later);
  if (!target.ok) return { ok: false, reason: target.reason };
  const nowHash = hashOf(read.bytes);
  const expect = (cur: Buffer | null) => hashOf(cur) === nowHash;
  // Journal first (the revert is undoable, and a crash leaves an entry `undo` recognises as unwritten).
  const { entry, drop } = await recordChange(root, e.path, read.bytes, target.bytes, id);
  try {
    const written = target.bytes === null ? await removeConfined(root, e.path, expect) : await replaceConfined(root, e.path, target.bytes, expect);
    if (!written.ok) {
      await drop();
      return { ok: false, reason: written.changed ? `${e.path} changed on disk during the undo; nothing was written` : written.reason };
    }
  } catch (err) {
    await drop();
    throw err;
  }
  return { ok: true, reverted: publicEntry(e), by: entry };
}

/** Undoes change `id` on its own (see the header). */
export async function revertChange(root: string, id: number, opts: LockWait = {}): Promise<RevertResult> {
  const locked = await withApplyLock(root, () => revertLocked(root, id), opts);
  return locked.ok ? locked.value : { ok: false, reason: locked.message };
}

/** Redoes change `id`: undoes the revert that took it back. */
export async function redoChange(root: string, id: number, opts: LockWait = {}): Promise<RevertResult> {
  const stored = await readStored(root);
  const undone = undoneIds(stored);
  if (!undone.has(id)) return { ok: false, reason: `change #${id} is not undone; there is nothing to redo` };
  const revert = [...stored].reverse().find((x) => x.undoes === id && !undone.has(x.id));
  if (!revert) return { ok: false, reason: `change #${id} has no revert entry to take back` };
  return revertChange(root, revert.id, opts);
}
