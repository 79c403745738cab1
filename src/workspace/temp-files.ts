// Removes temp files that a killed atomic write left behind (`.<name>.<pid>.<hex>.tmp`, see
// atomic-write.ts). Only ours (that exact shape) and only stale ones: the pid is not alive.
import * as fs from 'node:fs';
import * as path from 'node:path';

const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** True while a process with this pid exists (EPERM: it exists, owned by someone else). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid that wrote a temp file of ours, or undefined for any other name. */
export function tempFileOwner(name: string): number | undefined {
  const m = TEMP.exec(name);
  return m ? Number(m[2]) : undefined;
}

/**
 * Looks in each folder (not below it) for our temp files whose writer is dead, and removes them.
 * Symlinks and non-files with a matching name are left alone. Returns the paths removed.
 */
export async function removeStaleTempFiles(dirs: string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of new Set(dirs)) {
    const entries = await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => [] as fs.Dirent[]);
    for (const e of entries) {
      const pid = tempFileOwner(e.name);
      if (pid === undefined || !e.isFile() || pidAlive(pid)) continue;
      const abs = path.join(dir, e.name);
      try {
        await fs.promises.unlink(abs);
        removed.push(abs);
      } catch {
        // Gone already, or not ours to remove: leave it.
      }
    }
  }
  return removed;
}
