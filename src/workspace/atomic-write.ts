// Writes a file so that a crash at any moment leaves either the old or the new content:
// temp file in the same folder, fsync, rename over the target, fsync the folder. A temp file
// left by a killed process is named `.<name>.<pid>.<hex>.tmp`, so temp-files.ts can find it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface AtomicWriteOptions {
  /** File mode for the new file; defaults to the existing file's mode, else 0o644. */
  mode?: number;
}

const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs.constants;

/** The temp name for `base` written by this process. */
export const tempNameFor = (base: string) => `.${base}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;

/** Writes `content` to a fresh temp file beside `absPath` (never through a symlink) and fsyncs it. */
export async function writeTemp(absPath: string, content: string | Buffer, mode: number): Promise<string> {
  const tmp = path.join(path.dirname(absPath), tempNameFor(path.basename(absPath)));
  const handle = await fs.promises.open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode);
  try {
    await handle.writeFile(content);
    await handle.chmod(mode);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  return tmp;
}

async function existingMode(absPath: string, fallback: number): Promise<number> {
  try {
    return (await fs.promises.stat(absPath)).mode & 0o7777;
  } catch {
    return fallback;
  }
}

export async function writeFileAtomic(absPath: string, content: string | Buffer, opts: AtomicWriteOptions = {}): Promise<void> {
  const dir = path.dirname(absPath);
  await fs.promises.mkdir(dir, { recursive: true });
  const tmp = await writeTemp(absPath, content, opts.mode ?? (await existingMode(absPath, 0o644)));
  try {
    await fs.promises.rename(tmp, absPath);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
  await syncDir(dir);
}

/**
 * Creates `absPath` with `content`, atomically and only if nothing is there yet: the temp file is
 * hard-linked to the name, which fails with EEXIST (as an error with that code) if the name is
 * taken, even by a dangling symlink. Readers never see a partial file.
 */
export async function createFileAtomic(absPath: string, content: string | Buffer, mode = 0o644): Promise<void> {
  const tmp = await writeTemp(absPath, content, mode);
  try {
    await fs.promises.link(tmp, absPath);
  } finally {
    await fs.promises.rm(tmp, { force: true });
  }
  await syncDir(path.dirname(absPath));
}

export async function syncDir(dir: string): Promise<void> {
  try {
    const d = await fs.promises.open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // Some filesystems refuse fsync on a directory; the rename is still atomic.
  }
}
