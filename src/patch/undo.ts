// Undo walks the journal back from the newest entry, under the workspace lock. Whatever an entry
// says, it only ever touches a confined path (no "..", no absolute path, no symlink on the way,
// checked at the moment of writing) and only as a compare-and-swap on the file's hash. An entry
// whose write never happened (the process died between journal and write: the file still has the
// entry's *before* content) is skipped and removed, so it never blocks later undos.
import * as path from 'node:path';
import type { JournalEntry, UndoResult } from './types';
import { readConfined, removeConfined, replaceConfined } from '../workspace/confined-file';
import { type LockWait, withApplyLock } from './apply-lock';
import { entryFile, publicEntry, readStored, removeEntry, type StoredEntry } from './journal';
import { sha256 } from './text-format';

interface Step {
  entry: StoredEntry;
  /** revert: restore the before bytes; skip: the change was never written, drop the entry. */
  action: 'revert' | 'skip';
}

interface UndoPlan {
  steps: Step[];
  reverts: number;
  /** Why the undo cannot go ahead; the never-written entries seen on disk are dropped even then. */
  refused?: string;
  /** Skipped entries judged against the file as it is on disk (no revert of that path planned before). */
  certainSkips: StoredEntry[];
}

const hashOf = (bytes: Buffer | null) => (bytes ? sha256(bytes) : null);

function untrusted(root: string, e: StoredEntry, why: string): string {
  const file = path.relative(root, entryFile(root, e.id));
  return `journal entry ${e.id} names ${JSON.stringify(e.path)}: ${why}; undo refused (delete ${file} if you did not make that change)`;
}

/** Decides, newest first, which entries to revert and which to skip; reads only, writes nothing. */
async function planUndo(root: string, stored: StoredEntry[], n: number): Promise<UndoPlan> {
  const current = new Map<string, string | null>();
  const reverted = new Set<string>();
  const plan: UndoPlan = { steps: [], reverts: 0, certainSkips: [] };
  for (const e of [...stored].reverse()) {
    if (plan.reverts === n) break;
    if (e.before !== null && sha256(Buffer.from(e.before, 'base64')) !== e.beforeHash) {
      return { ...plan, refused: untrusted(root, e, 'its saved content does not match its hash') };
    }
    if (!current.has(e.path)) {
      const read = await readConfined(root, e.path);
      if (!read.ok) return { ...plan, refused: untrusted(root, e, read.reason) };
      current.set(e.path, hashOf(read.bytes));
    }
    const now = current.get(e.path);
    if (now === e.afterHash) {
      plan.steps.push({ entry: e, action: 'revert' });
      current.set(e.path, e.beforeHash);
      reverted.add(e.path);
      plan.reverts++;
    } else if (now === e.beforeHash) {
      plan.steps.push({ entry: e, action: 'skip' });
      if (!reverted.has(e.path)) plan.certainSkips.push(e);
    } else {
      return { ...plan, refused: `${e.path} changed since change ${e.id} was applied; undo refused so that those changes are not lost` };
    }
  }
  if (plan.reverts < n) return { ...plan, refused: `cannot undo ${n} change${n === 1 ? '' : 's'}: the journal holds only ${plan.reverts}` };
  return plan;
}

async function undoLocked(root: string, n: number): Promise<UndoResult> {
  const stored = await readStored(root);
  if (stored.length === 0) return { ok: false, reason: 'nothing to undo: the journal is empty' };
  const plan = await planUndo(root, stored, n);
  if (plan.refused !== undefined) {
    for (const e of plan.certainSkips) await removeEntry(root, e.id);
    const dropped = plan.certainSkips.length;
    const note = dropped > 0 ? ` (dropped ${dropped} journal entr${dropped === 1 ? 'y' : 'ies'} for changes that were never written)` : '';
    return { ok: false, reason: plan.refused + note };
  }
  const reverted: JournalEntry[] = [];
  const skipped: JournalEntry[] = [];
  for (const { entry: e, action } of plan.steps) {
    if (action === 'revert') {
      const expect = (cur: Buffer | null) => hashOf(cur) === e.afterHash;
      const r = e.before === null ? await removeConfined(root, e.path, expect) : await replaceConfined(root, e.path, Buffer.from(e.before, 'base64'), expect);
      if (!r.ok) {
        const why = r.changed ? `${e.path} changed on disk during the undo` : r.reason;
        return { ok: false, reason: `${why}; stopped after reverting ${reverted.length} of ${n}` };
      }
      reverted.push(publicEntry(e));
    } else skipped.push(publicEntry(e));
    await removeEntry(root, e.id);
  }
  return { ok: true, reverted, skipped };
}

export async function undo(root: string, n = 1, opts: LockWait = {}): Promise<UndoResult> {
  if (!Number.isInteger(n) || n < 1) return { ok: false, reason: `cannot undo ${n} changes: give a positive whole number` };
  const locked = await withApplyLock(root, () => undoLocked(root, n), opts);
  return locked.ok ? locked.value : { ok: false, reason: locked.message };
}
