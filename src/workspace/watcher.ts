// Lazy workspace watching: only what is shown (expanded folders, files with pending patches, the
// plan file) is watched, one level deep — never the whole repository. A shown folder costs one
// fs.watch (chokidar would stat and watch every file in it: ~27 MiB for a 2,000-file folder);
// single files go through chokidar, which copes with editors' write-and-rename saves.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { IgnoreRules } from './ignore-rules';
import { joinRel } from './file-tree';

export type WatchChange =
  /** A folder's listing changed (an entry was added or removed). */
  | { kind: 'dir'; rel: string }
  /** A file's content changed, or it appeared / disappeared. */
  | { kind: 'file'; rel: string };

export interface WorkspaceWatcher {
  /** Watches a folder's direct entries ('' is the root). */
  watchDir(rel: string): void;
  unwatchDir(rel: string): void;
  /** Watches one file even if ignore rules would skip it (e.g. .smallcode/TODO.md), and even
   * before it or its folder exists (it is picked up when a watched folder gains that folder). */
  watchFile(rel: string): void;
  unwatchFile(rel: string): void;
  /** What is watched now, for tests and the benchmark. */
  watched(): { dirs: string[]; files: string[] };
  /** Resolves once every watch added so far is active (folder watches are active at once). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

interface Armed {
  w: FSWatcher;
  ready: Promise<void>;
}

interface DirWatch {
  close(): void;
}

export function createWatcher(root: string, rules: IgnoreRules, onChange: (c: WatchChange) => void): WorkspaceWatcher {
  const dirs = new Map<string, DirWatch>();
  /** Files asked for; the value is null while the file's folder does not exist yet. */
  const files = new Map<string, Armed | null>();
  const relOf = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  const isAncestorOfFile = (rel: string) => [...files.keys()].some((f) => f.startsWith(rel + '/'));
  let closed = false;

  const arm = (abs: string, ignored: (p: string, stats?: fs.Stats) => boolean, onEvent: (event: string, rel: string) => void): Armed => {
    const w = watch(abs, { ignoreInitial: true, depth: 0, ignored, persistent: true, ignorePermissionErrors: true });
    const ready = new Promise<void>((resolve) => w.once('ready', () => resolve()));
    w.on('all', (event, p) => onEvent(event, relOf(p)));
    w.on('error', () => undefined); // a folder vanishing under us is not worth surfacing
    return { w, ready };
  };

  const armFile = (rel: string) => {
    const abs = path.join(root, rel);
    const parent = path.dirname(abs);
    if (!fs.existsSync(parent)) {
      files.set(rel, null);
      return;
    }
    files.set(
      rel,
      arm(
        parent,
        (p) => p !== abs && p !== parent,
        (event, r) => {
          if (r === rel && (event === 'add' || event === 'change' || event === 'unlink')) onChange({ kind: 'file', rel });
        },
      ),
    );
  };

  const armDir = (rel: string): DirWatch => {
    let w: fs.FSWatcher;
    try {
      w = fs.watch(path.join(root, rel), { persistent: true });
    } catch {
      return { close: () => undefined }; // the folder is gone; its listing is simply empty
    }
    w.on('error', () => w.close());
    w.on('change', (event, name) => {
      if (typeof name !== 'string' || !name) return onChange({ kind: 'dir', rel });
      const child = joinRel(rel, name);
      if (rules.ignores(child, false) && !isAncestorOfFile(child)) return;
      if (event === 'change') return onChange({ kind: 'file', rel: child });
      onChange({ kind: 'file', rel: child });
      onChange({ kind: 'dir', rel });
      if (isAncestorOfFile(child)) rearmPending();
    });
    return { close: () => w.close() };
  };

  const rearmPending = () => {
    for (const [rel, armed] of files) {
      if (armed || !fs.existsSync(path.dirname(path.join(root, rel)))) continue;
      armFile(rel);
      if (fs.existsSync(path.join(root, rel))) onChange({ kind: 'file', rel });
    }
  };

  return {
    watchDir(rel) {
      if (dirs.has(rel) || closed) return;
      dirs.set(rel, armDir(rel));
    },
    unwatchDir(rel) {
      const armed = dirs.get(rel);
      if (!armed) return;
      dirs.delete(rel);
      armed.close();
    },
    watchFile(rel) {
      if (files.has(rel) || closed) return;
      armFile(rel);
    },
    unwatchFile(rel) {
      const armed = files.get(rel);
      files.delete(rel);
      if (armed) void armed.w.close();
    },
    watched: () => ({ dirs: [...dirs.keys()].sort(), files: [...files.keys()].sort() }),
    async ready() {
      await Promise.all([...files.values()].map((a) => a?.ready));
    },
    async close() {
      closed = true;
      for (const d of dirs.values()) d.close();
      const all = [...files.values()].filter((a): a is Armed => a !== null);
      dirs.clear();
      files.clear();
      await Promise.all(all.map((a) => a.w.close()));
    },
  };
}
