// Reads, replaces and removes a file named by a workspace-relative path without ever leaving the
// workspace: every component is checked with lstat at the moment of the operation (a folder must
// be a real folder, the file a regular file, neither a symlink), the file is opened O_NOFOLLOW,
// and a write is a compare-and-swap: the current content is checked right before the rename.
// Used where the path comes from data that could be crafted (the undo journal) and for applying.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFileAtomic, syncDir, writeTemp } from './atomic-write';
import { assertNever } from '../util/assert-never';
import { readRegularFile, specialKind, specialMessage } from './regular-file';

/** Why a path was refused: it leaves the workspace (or passes a symlink), or the file is not a plain file. */
export type ConfineCode = 'outside' | 'symlink' | 'is_dir' | 'special' | 'too_large' | 'unreadable';
export type Refused = { ok: false; code: ConfineCode; reason: string };
export type Confined = { ok: true; abs: string; dir: string; leaf: fs.Stats | null } | Refused;

/** Splits a relative path into its parts, or says why it cannot name a file inside the root. */
function partsOf(rel: string): string[] | string {
  if (typeof rel !== 'string' || rel === '') return 'the path is empty';
  if (rel.includes('\0')) return 'the path contains a NUL byte';
  if (path.isAbsolute(rel) || /^[A-Za-z]:[\\/]/.test(rel)) return 'the path is absolute';
  const parts = rel.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return 'the path climbs out with ".."';
  if (parts.length === 0) return 'the path names the workspace itself';
  return parts;
}

async function lstatOrNull(abs: string): Promise<fs.Stats | null> {
  try {
    return await fs.promises.lstat(abs);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Checks `rel` under `root` (a realpath) component by component with lstat. With `makeDirs`,
 * missing folders are created one at a time (mkdir never follows a symlink at its last part).
 */
export async function confine(root: string, rel: string, opts: { makeDirs?: boolean } = {}): Promise<Confined> {
  const parts = partsOf(rel);
  if (typeof parts === 'string') return { ok: false, code: 'outside', reason: `"${rel}" is not a path inside the workspace: ${parts}` };
  let dir = root;
  for (const part of parts.slice(0, -1)) {
    dir = path.join(dir, part);
    let st = await lstatOrNull(dir);
    if (!st && opts.makeDirs) {
      await fs.promises.mkdir(dir).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
      });
      st = await lstatOrNull(dir);
    }
    if (!st) return { ok: true, abs: path.join(root, ...parts), dir, leaf: null };
    if (st.isSymbolicLink()) return { ok: false, code: 'outside', reason: `"${rel}" goes through ${path.relative(root, dir)}, a symlink: refused` };
    if (!st.isDirectory()) return { ok: false, code: 'unreadable', reason: `"${rel}": ${path.relative(root, dir)} is not a folder` };
  }
  const abs = path.join(root, ...parts);
  // The folder chain is real: its realpath is the root's plus the same parts (no link swapped in).
  const real = (p: string) => fs.promises.realpath(p).catch(() => '');
  const [realRoot, realDir] = await Promise.all([real(root), real(path.dirname(abs))]);
  if (realDir !== path.join(realRoot, ...parts.slice(0, -1))) {
    return { ok: false, code: 'outside', reason: `"${rel}" does not resolve to itself inside the workspace: refused` };
  }
  const leaf = await lstatOrNull(abs);
  if (leaf?.isSymbolicLink()) return { ok: false, code: 'symlink', reason: `"${rel}" is a symlink: refused, it is never followed` };
  if (leaf?.isDirectory()) return { ok: false, code: 'is_dir', reason: `"${rel}" is a folder, not a file` };
  const kind = leaf ? specialKind(leaf) : undefined;
  if (kind) return { ok: false, code: 'special', reason: specialMessage(rel, kind) };
  return { ok: true, abs, dir: path.dirname(abs), leaf };
}

export type ConfinedRead = { ok: true; abs: string; bytes: Buffer | null; mode: number | null } | Refused;

/** The file's bytes (null: it does not exist), read through a confined path with O_NOFOLLOW. */
export async function readConfined(root: string, rel: string, opts: { maxBytes?: number } = {}): Promise<ConfinedRead> {
  const c = await confine(root, rel);
  if (!c.ok) return c;
  const read = await readRegularFile(c.abs, rel, { noFollow: true, maxBytes: opts.maxBytes });
  if (read.ok) return { ok: true, abs: c.abs, bytes: read.bytes, mode: read.mode };
  switch (read.code) {
    case 'missing':
      return { ok: true, abs: c.abs, bytes: null, mode: null };
    case 'is_dir':
    case 'special':
    case 'symlink':
    case 'too_large':
    case 'unreadable':
      return { ok: false, code: read.code, reason: read.message };
    default:
      return assertNever(read.code);
  }
}

/** Decides, from the file's current bytes (null: missing), whether the write may go ahead. */
export type Expectation = (current: Buffer | null) => boolean;

export type CasResult = { ok: true } | { ok: false; changed: true } | (Refused & { changed?: false });

/**
 * Replaces (or creates) `rel` with `content` if `expect(current)` holds at the moment of writing.
 * The temp file is written and synced first; then the path is checked again, the current content
 * read (O_NOFOLLOW) and tested, and only then renamed over (or, for a new file, hard-linked into
 * place, which fails if the name was taken meanwhile). `{changed: true}`: someone else wrote.
 */
export async function replaceConfined(root: string, rel: string, content: Buffer, expect: Expectation): Promise<CasResult> {
  const first = await confine(root, rel, { makeDirs: true });
  if (!first.ok) return first;
  const mode = first.leaf ? first.leaf.mode & 0o7777 : 0o644;
  const tmp = await writeTemp(first.abs, content, mode);
  try {
    const now = await readConfined(root, rel);
    if (!now.ok) return now;
    if (!expect(now.bytes)) return { ok: false, changed: true };
    if (now.bytes === null) {
      try {
        await fs.promises.link(tmp, now.abs);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { ok: false, changed: true };
        throw err;
      }
    } else {
      await fs.promises.rename(tmp, now.abs);
    }
  } finally {
    // After a rename the name is gone already; after a link or a refusal the temp file goes.
    await fs.promises.rm(tmp, { force: true });
  }
  await syncDir(first.dir);
  return { ok: true };
}

/** Removes `rel` if `expect(current)` holds; a missing file counts as removed. */
export async function removeConfined(root: string, rel: string, expect: Expectation): Promise<CasResult> {
  const now = await readConfined(root, rel);
  if (!now.ok) return now;
  if (!expect(now.bytes)) return { ok: false, changed: true };
  if (now.bytes !== null) {
    await fs.promises.unlink(now.abs);
    await syncDir(path.dirname(now.abs));
  }
  return { ok: true };
}

/** Creates `rel` (a confined path) only if it does not exist yet; false when the name is taken. */
export async function createConfined(root: string, rel: string, content: string | Buffer): Promise<boolean | Refused> {
  const c = await confine(root, rel, { makeDirs: true });
  if (!c.ok) return c;
  try {
    await createFileAtomic(c.abs, content);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** Makes sure `rel` is a real folder inside the root (created if missing, never through a symlink). */
export async function ensureConfinedDir(root: string, rel: string): Promise<{ ok: true; abs: string } | Refused> {
  const c = await confine(root, `${rel}/.probe`, { makeDirs: true });
  return c.ok ? { ok: true, abs: c.dir } : c;
}
