// Breadth-first, gitignore-aware walk of the workspace shared by list_files and search_files.
// Deterministic: folders first, then files, each sorted by code point; symlinked folders are not entered.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadIgnoreRules, type IgnoreRules } from './ignore-rules';
import { resolveInWorkspace } from './jail';

export interface WalkEntry {
  /** Relative to the workspace root, forward slashes, no trailing slash. */
  rel: string;
  isDir: boolean;
}

/**
 * The rules for a walk starting at `startRel`. When the start folder is itself ignored, the user
 * or model asked for it by name (e.g. node_modules/pkg): walk it with only .git skipped.
 */
export function rulesForStart(root: string, startRel: string): { rules: IgnoreRules; startIgnored: boolean } {
  const rules = loadIgnoreRules(root);
  if (startRel === '.' || !rules.ignores(startRel, true)) return { rules, startIgnored: false };
  return { rules: { ignores: (rel) => rel.split('/').includes('.git'), reload: () => undefined }, startIgnored: true };
}

const byName = (a: fs.Dirent, b: fs.Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** A symlink counts only when it resolves inside the workspace; it is listed but never entered. */
function symlinkKind(root: string, rel: string): 'file' | 'dir' | undefined {
  const jailed = resolveInWorkspace(root, rel);
  if (!jailed.ok) return undefined;
  try {
    return fs.statSync(jailed.abs).isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
}

async function readDir(abs: string): Promise<fs.Dirent[]> {
  try {
    return (await fs.promises.readdir(abs, { withFileTypes: true })).sort(byName);
  } catch {
    return [];
  }
}

/**
 * Yields every non-ignored entry below `startRel` ('.' for the root), level by level.
 * Stops early when `signal` aborts.
 */
export async function* walkWorkspace(root: string, startRel: string, rules: IgnoreRules, signal?: AbortSignal): AsyncGenerator<WalkEntry> {
  const queue: string[] = [startRel === '.' ? '' : startRel];
  while (queue.length > 0) {
    if (signal?.aborted) return;
    const dirRel = queue.shift()!;
    const entries = await readDir(path.join(root, dirRel));
    const dirs: WalkEntry[] = [];
    const files: WalkEntry[] = [];
    const linkedDirs: WalkEntry[] = [];
    for (const e of entries) {
      const rel = dirRel === '' ? e.name : `${dirRel}/${e.name}`;
      if (e.isSymbolicLink()) {
        const kind = symlinkKind(root, rel);
        if (kind && !rules.ignores(rel, kind === 'dir')) (kind === 'dir' ? linkedDirs : files).push({ rel, isDir: kind === 'dir' });
        continue;
      }
      const isDir = e.isDirectory();
      if (!isDir && !e.isFile()) continue;
      if (rules.ignores(rel, isDir)) continue;
      (isDir ? dirs : files).push({ rel, isDir });
    }
    for (const d of dirs) {
      queue.push(d.rel);
      yield d;
    }
    yield* linkedDirs;
    yield* files;
  }
}
