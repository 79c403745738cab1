// Lazy workspace watching with chokidar: only what is shown (expanded folders, files with
// pending patches, the plan file) is watched, one level deep — never the whole repository.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { IgnoreRules } from './ignore-rules';
import { parentRel } from './file-tree';

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
  /** Resolves once every watch added so far is active. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

interface Armed {
  w: FSWatcher;
  ready: Promise<void>;
}

export function createWatcher(root: string, rules: IgnoreRules, onChange: (c: WatchChange) => void): WorkspaceWatcher {
  const dirs = new Map<string, Armed>();
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
    if (!fs.existsSync(parent)) return files.set(rel, null);
    files.set(rel, arm(parent, (p) => p !== abs && p !== parent, (event, r) => {
      if (r === rel && (event === 'add' || event === 'change' || event === 'unlink')) onChange({ kind: 'file', rel });
    }));
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
      const ignored = (abs: string, stats?: fs.Stats) => {
        const r = relOf(abs);
        if (r === rel || r.startsWith('..') || isAncestorOfFile(r)) return false;
        return rules.ignores(r, stats ? stats.isDirectory() : false);
      };
      dirs.set(rel, arm(path.join(root, rel), ignored, (event, r) => {
        if (r === rel) return;
        if (event === 'change') return onChange({ kind: 'file', rel: r });
        if (event === 'add' || event === 'unlink') onChange({ kind: 'file', rel: r });
        if (event === 'addDir') rearmPending();
        onChange({ kind: 'dir', rel: parentRel(r) });
      }));
    },
    unwatchDir(rel) {
      const armed = dirs.get(rel);
      if (!armed) return;
      dirs.delete(rel);
      void armed.w.close();
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
      await Promise.all([...dirs.values(), ...files.values()].map((a) => a?.ready));
    },
    async close() {
      closed = true;
      const all = [...dirs.values(), ...files.values()].filter((a): a is Armed => a !== null);
      dirs.clear();
      files.clear();
      await Promise.all(all.map((a) => a.w.close()));
    },
  };
}
