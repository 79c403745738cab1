// The undo journal under `.smallcode/journal/`: one JSON file per applied change (hashes and the
// bytes before), each created atomically and exclusively, so two processes can never hand out
// the same id (the loser of a race takes the next one). Undo lives in undo.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JournalEntry } from './types';
import { createConfined, ensureConfinedDir } from '../workspace/confined-file';
import { removeFile } from '../workspace/file-ops';
import { ensureStateDir, STATE_DIR } from '../workspace/state-dir';
import { sha256 } from './text-format';

export interface StoredEntry extends JournalEntry {
  /** base64 of the file's bytes before the change; null when the change created the file. */
  before: string | null;
  /** base64 of the bytes written (absent in entries from before it was kept; null: the file was
   * removed). Lets a middle change be undone on its own and the changes view show its diff. */
  after?: string | null;
}

export const JOURNAL_REL = `${STATE_DIR}/journal`;
export const journalDir = (root: string) => path.join(root, JOURNAL_REL);
const entryName = (id: number) => `${String(id).padStart(6, '0')}.json`;
export const entryFile = (root: string, id: number) => path.join(journalDir(root), entryName(id));
const ENTRY = /^\d+\.json$/;

const isHash = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);

/** A stored entry as read from disk, or undefined when the file is not one (torn, foreign). */
function asEntry(v: unknown): StoredEntry | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const e = v as Record<string, unknown>;
  const ok =
    Number.isInteger(e.id) &&
    typeof e.path === 'string' &&
    typeof e.time === 'string' &&
    (e.beforeHash === null || isHash(e.beforeHash)) &&
    (e.afterHash === null || isHash(e.afterHash)) &&
    (e.before === null || typeof e.before === 'string') &&
    (e.after === undefined || e.after === null || typeof e.after === 'string') &&
    (e.undoes === undefined || Number.isInteger(e.undoes));
  return ok ? (e as unknown as StoredEntry) : undefined;
}

export async function readStored(root: string): Promise<StoredEntry[]> {
  const names = await fs.promises.readdir(journalDir(root)).catch(() => [] as string[]);
  const entries: StoredEntry[] = [];
  for (const name of names.filter((n) => ENTRY.test(n))) {
    try {
      const entry = asEntry(JSON.parse(await fs.promises.readFile(path.join(journalDir(root), name), 'utf8')));
      // The id is the file's name; an entry whose text claims another id is not trusted.
      if (entry && entry.id === parseInt(name, 10)) entries.push(entry);
    } catch {
      // A torn or foreign file is not an entry; ignore it.
    }
  }
  return entries.sort((a, b) => a.id - b.id);
}

/**
 * The paths the newest `limit` entries name, read from each file's first bytes only (an entry
 * starts `{"id":N,"path":"…"`; its saved content comes later and may be megabytes).
 */
export async function journaledPaths(root: string, limit = 500): Promise<string[]> {
  const names = (await fs.promises.readdir(journalDir(root)).catch(() => [] as string[])).filter((n) => ENTRY.test(n));
  const newest = names.sort((a, b) => parseInt(b, 10) - parseInt(a, 10)).slice(0, limit);
  const paths = new Set<string>();
  const head = Buffer.alloc(4096);
  for (const name of newest) {
    let handle: fs.promises.FileHandle | undefined;
    try {
      handle = await fs.promises.open(path.join(journalDir(root), name), 'r');
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const m = /^\{"id":\d+,"path":("(?:[^"\\]|\\.)*")/.exec(head.subarray(0, bytesRead).toString('utf8'));
      if (m) paths.add(JSON.parse(m[1]) as string);
    } catch {
      // Unreadable or foreign: it names no path.
    } finally {
      await handle?.close();
    }
  }
  return [...paths];
}

/** The bytes an entry stored as base64 (`before`, `after`); null where the file did not exist. */
export const storedBytes = (b64: string | null | undefined): Buffer | null => (b64 === null || b64 === undefined ? null : Buffer.from(b64, 'base64'));

export const publicEntry = ({ id, path: p, time, beforeHash, afterHash, undoes }: StoredEntry): JournalEntry => ({
  id,
  path: p,
  time,
  beforeHash,
  afterHash,
  ...(undoes !== undefined ? { undoes } : {}),
});

export async function listJournal(root: string): Promise<JournalEntry[]> {
  return (await readStored(root)).map(publicEntry);
}

export const removeEntry = (root: string, id: number) => removeFile(entryFile(root, id));

/**
 * Records a change about to be written; returns the entry and a function that drops it again.
 * Called under the workspace lock; the exclusive create keeps ids unique even without it.
 * `after` null: the change removes the file. `undoes`: the id of the change this one reverts.
 */
export async function recordChange(
  root: string,
  relPath: string,
  before: Buffer | null,
  after: Buffer | null,
  undoes?: number,
): Promise<{ entry: JournalEntry; drop: () => Promise<void> }> {
  const dir = await ensureConfinedDir(root, JOURNAL_REL);
  if (!dir.ok) throw new Error(`cannot keep the undo journal: ${dir.reason}`);
  ensureStateDir(root);
  const names = await fs.promises.readdir(journalDir(root));
  let id = names.reduce((max, n) => (ENTRY.test(n) ? Math.max(max, parseInt(n, 10)) : max), 0) + 1;
  for (;;) {
    // `id` and `path` first: journaledPaths reads them from the file's first bytes.
    const entry: StoredEntry = {
      id,
      path: relPath,
      time: new Date().toISOString(),
      beforeHash: before ? sha256(before) : null,
      afterHash: after ? sha256(after) : null,
      before: before ? before.toString('base64') : null,
      after: after ? after.toString('base64') : null,
      ...(undoes !== undefined ? { undoes } : {}),
    };
    const created = await createConfined(root, `${JOURNAL_REL}/${entryName(id)}`, `${JSON.stringify(entry)}\n`);
    if (created === true) return { entry: publicEntry(entry), drop: () => removeEntry(root, id) };
    if (created !== false) throw new Error(`cannot write the undo journal: ${created.reason}`);
    id++;
  }
}
