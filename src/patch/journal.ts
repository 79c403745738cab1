// The undo journal under `.smallcode/journal/`: one JSON file per applied change (hashes and the
// bytes before), written atomically. Undo walks back from the newest, refusing if a file moved on.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JournalEntry, UndoResult } from './types';
import { writeFileAtomic } from '../workspace/atomic-write';
import { absInside, readBytes } from './file-state';
import { sha256 } from './text-format';
import { ensureStateDir } from '../workspace/state-dir';
import { removeFile } from '../workspace/file-ops';

interface StoredEntry extends JournalEntry {
  /** base64 of the file's bytes before the change; null when the change created the file. */
  before: string | null;
}

export const journalDir = (root: string) => path.join(root, '.smallcode', 'journal');
const entryFile = (root: string, id: number) => path.join(journalDir(root), `${String(id).padStart(6, '0')}.json`);

async function readStored(root: string): Promise<StoredEntry[]> {
  const names = await fs.promises.readdir(journalDir(root)).catch(() => [] as string[]);
  const entries: StoredEntry[] = [];
  for (const name of names.filter((n) => /^\d+\.json$/.test(n))) {
    try {
      entries.push(JSON.parse(await fs.promises.readFile(path.join(journalDir(root), name), 'utf8')) as StoredEntry);
    } catch {
      // A torn or foreign file is not an entry; ignore it.
    }
  }
  return entries.sort((a, b) => a.id - b.id);
}

const publicEntry = ({ id, path: p, time, beforeHash, afterHash }: StoredEntry): JournalEntry => ({ id, path: p, time, beforeHash, afterHash });

export async function listJournal(root: string): Promise<JournalEntry[]> {
  return (await readStored(root)).map(publicEntry);
}

/** Records a change about to be written; returns the entry and a function that drops it again. */
export async function recordChange(
  root: string,
  relPath: string,
  before: Buffer | null,
  after: Buffer,
): Promise<{ entry: JournalEntry; drop: () => Promise<void> }> {
  const names = await fs.promises.readdir(journalDir(root)).catch(() => [] as string[]);
  const id = names.reduce((max, n) => (/^\d+\.json$/.test(n) ? Math.max(max, parseInt(n, 10)) : max), 0) + 1;
  const entry: StoredEntry = {
    id,
    path: relPath,
    time: new Date().toISOString(),
    beforeHash: before ? sha256(before) : null,
    afterHash: sha256(after),
    before: before ? before.toString('base64') : null,
  };
  ensureStateDir(root);
  await writeFileAtomic(entryFile(root, id), JSON.stringify(entry) + '\n');
  return { entry: publicEntry(entry), drop: () => removeFile(entryFile(root, id)) };
}

export async function undo(root: string, n = 1): Promise<UndoResult> {
  const stored = await readStored(root);
  if (stored.length === 0) return { ok: false, reason: 'nothing to undo: the journal is empty' };
  if (!Number.isInteger(n) || n < 1) return { ok: false, reason: `cannot undo ${n} changes: give a positive whole number` };
  if (n > stored.length) return { ok: false, reason: `cannot undo ${n} changes: the journal holds only ${stored.length}` };
  const chosen = stored.slice(-n).reverse();
  const current = new Map<string, string | null>();
  for (const e of chosen) {
    const abs = absInside(root, e.path);
    if (!abs) return { ok: false, reason: `journal entry ${e.id} names a path outside the workspace: ${e.path}` };
    if (!current.has(e.path)) {
      const bytes = await readBytes(abs);
      current.set(e.path, bytes ? sha256(bytes) : null);
    }
    if (current.get(e.path) !== e.afterHash) {
      return { ok: false, reason: `${e.path} changed since change ${e.id} was applied; undo refused so that those changes are not lost` };
    }
    current.set(e.path, e.beforeHash);
  }
  for (const e of chosen) {
    const abs = absInside(root, e.path)!;
    if (e.before === null) await removeFile(abs);
    else await writeFileAtomic(abs, Buffer.from(e.before, 'base64'));
    await removeFile(entryFile(root, e.id));
  }
  return { ok: true, reverted: chosen.map(publicEntry) };
}
