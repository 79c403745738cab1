// Changes to the workspace are made under its lock (workspace/workspace-lock), and the first time
// a process takes it, what a killed process left behind is tidied: temp files of atomic writes
// whose writer is dead, in the folders a write could have used (never outside the workspace).
import * as path from 'node:path';
import { confine } from '../workspace/confined-file';
import { STATE_DIR } from '../workspace/state-dir';
import { removeStaleTempFiles } from '../workspace/temp-files';
import { type Locked, withWorkspaceLock } from '../workspace/workspace-lock';
import { journalDir, journaledPaths } from './journal';

/**
 * Removes temp files left by killed writes: in the root, `.smallcode/`, the journal folder and the
 * folder of each recently journaled path (a write is journaled before it starts). Returns them.
 */
export async function recoverInterruptedWrites(root: string): Promise<string[]> {
  const dirs = [root, path.join(root, STATE_DIR), journalDir(root)];
  for (const rel of await journaledPaths(root)) {
    const c = await confine(root, rel);
    if (c.ok) dirs.push(c.dir);
  }
  return removeStaleTempFiles(dirs);
}

const recovered = new Set<string>();

export interface LockWait {
  /** How long to wait for another process's lock (default: workspace-lock's). */
  lockWaitMs?: number;
}

export function withApplyLock<T>(root: string, fn: () => Promise<T>, opts: LockWait = {}): Promise<Locked<T>> {
  return withWorkspaceLock(
    root,
    async () => {
      if (!recovered.has(root)) {
        recovered.add(root);
        await recoverInterruptedWrites(root);
      }
      return fn();
    },
    { waitMs: opts.lockWaitMs },
  );
}
