// Writes a file so that a crash at any moment leaves either the old or the new content:
// temp file in the same folder, fsync, rename over the target, fsync the folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface AtomicWriteOptions {
  /** File mode for the new file; defaults to the existing file's mode, else 0o644. */
  mode?: number;
}

export async function writeFileAtomic(absPath: string, content: string | Buffer, opts: AtomicWriteOptions = {}): Promise<void> {
  const dir = path.dirname(absPath);
  await fs.promises.mkdir(dir, { recursive: true });
  let mode = opts.mode;
  if (mode === undefined) {
    try {
      mode = (await fs.promises.stat(absPath)).mode & 0o7777;
    } catch {
      mode = 0o644;
    }
  }
  const tmp = path.join(dir, `.${path.basename(absPath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.promises.open(tmp, 'wx', mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.promises.chmod(tmp, mode);
    await fs.promises.rename(tmp, absPath);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
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
