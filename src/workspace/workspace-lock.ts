// One SmallCode process at a time applies changes in a workspace: a lock (proper-lockfile: an
// atomic mkdir, kept fresh by mtime so a frozen holder's lock goes stale) held only while a change
// is checked, journaled and written. The holder leaves a note (pid, host, command, since); a lock
// whose noted holder on this host is dead is taken over at once instead of after the stale time.
// A second process waits briefly, since an apply takes milliseconds, and past that gets one line
// naming the holder. Two holders at once (the stale-takeover race every lockfile has) cannot lose
// an edit: each write is still a compare-and-swap on the file's hash (confined-file.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sleep } from '../util/abort';
import { ensureConfinedDir } from './confined-file';
import { STATE_DIR } from './state-dir';
import { pidAlive } from './temp-files';

/** The lock sits beside the journal it protects (a folder already ignored by git). */
const LOCK_FOLDER = `${STATE_DIR}/journal`;
export const lockPath = (root: string) => path.join(root, LOCK_FOLDER, 'apply.lock');
const ownerPath = (root: string) => path.join(root, LOCK_FOLDER, 'apply.owner.json');

/** A holder that stopped refreshing for this long (killed, frozen) has lost the lock. */
const STALE_MS = 5_000;
/** How long a second process waits before it gives up with the holder's name. */
export const DEFAULT_LOCK_WAIT_MS = 10_000;

export interface LockOwner {
  pid: number;
  host: string;
  command: string;
  /** ISO time the lock was taken. */
  since: string;
  /** Inode of the lock folder this note belongs to (a note left by an earlier holder does not count). */
  lock: number;
}

export type Locked<T> = { ok: true; value: T } | { ok: false; message: string };

function commandLine(): string {
  const [, script, ...rest] = process.argv;
  const text = [script ? path.basename(script) : 'node', ...rest].join(' ');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

async function readOwner(root: string): Promise<LockOwner | undefined> {
  try {
    const o = JSON.parse(await fs.promises.readFile(ownerPath(root), 'utf8')) as Partial<LockOwner>;
    const lock = await fs.promises.stat(lockPath(root));
    const valid = typeof o.pid === 'number' && typeof o.command === 'string' && typeof o.since === 'string' && typeof o.host === 'string';
    if (valid && o.lock === lock.ino) return o as LockOwner;
  } catch {
    // No lock, no owner note yet, or a torn one: the holder is then described without it.
  }
  return undefined;
}

/** The noted holder ran on this machine and is gone: its lock is abandoned. */
const abandoned = (owner: LockOwner | undefined): owner is LockOwner => !!owner && owner.host === os.hostname() && !pidAlive(owner.pid);

const clock = (d: Date) => [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');

/** The one line a second process gets. */
export function heldMessage(owner: LockOwner | undefined, waitedMs: number, now = new Date()): string {
  const waited = `waited ${Math.round(waitedMs / 1000)} s`;
  if (!owner) return `another SmallCode process is applying changes in this workspace (${waited}); try again when it has finished`;
  const since = new Date(owner.since);
  const ago = Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000));
  return `another SmallCode process is applying changes in this workspace: pid ${owner.pid} (${owner.command}), since ${clock(since)} (${ago} s ago); ${waited} — try again when it has finished, or stop it`;
}

type Release = () => Promise<void>;

async function acquire(root: string, waitMs: number): Promise<{ ok: true; release: Release } | { ok: false; message: string }> {
  const dir = await ensureConfinedDir(root, LOCK_FOLDER);
  if (!dir.ok) return { ok: false, message: `cannot lock the workspace: ${dir.reason}` };
  // Loaded on first use: most sessions start without applying anything.
  const lockfile = require('proper-lockfile') as typeof import('proper-lockfile');
  const started = Date.now();
  let delay = 5;
  for (;;) {
    try {
      const release = await lockfile.lock(root, {
        lockfilePath: lockPath(root),
        realpath: false,
        stale: STALE_MS,
        retries: 0,
        // The default throws from a timer; a lost lock is harmless here since every write is a
        // compare-and-swap of its own.
        onCompromised: () => {},
      });
      const ino = (await fs.promises.stat(lockPath(root))).ino;
      const owner: LockOwner = { pid: process.pid, host: os.hostname(), command: commandLine(), since: new Date().toISOString(), lock: ino };
      await fs.promises.writeFile(ownerPath(root), `${JSON.stringify(owner)}\n`).catch(() => {});
      // The note lives only as long as the lock: removed while still holding it.
      const unlock = async () => {
        await fs.promises.rm(ownerPath(root), { force: true });
        await release().catch(() => {});
      };
      return { ok: true, release: unlock };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ELOCKED') return { ok: false, message: `cannot lock the workspace at ${lockPath(root)}: ${code ?? (err as Error).message}` };
    }
    const owner = await readOwner(root);
    // A holder killed while applying: take its lock over now rather than after STALE_MS.
    if (
      abandoned(owner) &&
      (await fs.promises.rmdir(lockPath(root)).then(
        () => true,
        () => false,
      ))
    )
      continue;
    const waited = Date.now() - started;
    if (waited >= waitMs) return { ok: false, message: heldMessage(owner, waited) };
    await sleep(Math.min(delay, waitMs - waited));
    delay = Math.min(delay * 2, 50);
  }
}

/** Calls within one process queue up here first, so they never poll each other's lock. */
const queues = new Map<string, Promise<void>>();

/** Runs `fn` holding the workspace's apply lock; `{ok: false}` when another process kept it. */
export async function withWorkspaceLock<T>(root: string, fn: () => Promise<T>, opts: { waitMs?: number } = {}): Promise<Locked<T>> {
  const before = queues.get(root) ?? Promise.resolve();
  let done!: () => void;
  const gate = new Promise<void>((resolve) => (done = resolve));
  const mine = before.then(() => gate);
  queues.set(root, mine);
  await before;
  try {
    const held = await acquire(root, opts.waitMs ?? DEFAULT_LOCK_WAIT_MS);
    if (!held.ok) return held;
    try {
      return { ok: true, value: await fn() };
    } finally {
      await held.release();
    }
  } finally {
    done();
    if (queues.get(root) === mine) queues.delete(root);
  }
}
