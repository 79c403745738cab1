// Copies a folder tree (files, modes, symlinks as links) and removes one: the bench's fresh task
// workspaces and check folders are made and cleaned up through here.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CopyOptions {
  /** Top-level names to leave out (e.g. ".smallcode"). */
  skip?: string[];
}

/** Copies `src` into `dst` (created if missing); files already in `dst` are overwritten. */
export async function copyTree(src: string, dst: string, opts: CopyOptions = {}): Promise<void> {
  const skip = new Set(opts.skip ?? []);
  await fs.promises.mkdir(dst, { recursive: true });
  await fs.promises.cp(src, dst, {
    recursive: true,
    force: true,
    verbatimSymlinks: true,
    filter: (from) => {
      const rel = path.relative(src, from);
      return rel === '' || !skip.has(rel.split(path.sep)[0]);
    },
  });
}

/** Removes a tree; a missing one is fine. */
export async function removeTree(dir: string): Promise<void> {
  await fs.promises.rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** A new empty folder under `parent` named `prefix` plus a random suffix. */
export async function makeTempDir(parent: string, prefix: string): Promise<string> {
  await fs.promises.mkdir(parent, { recursive: true });
  return fs.realpathSync(await fs.promises.mkdtemp(path.join(parent, prefix)));
}
