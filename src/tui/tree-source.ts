// The data source behind the file tree and the plan pane: lists folders as they are expanded,
// watches only what is shown (expanded folders, files with pending patches, the plan file) and
// feeds changes to the store. An edited .gitignore is read again and the folders it governs are
// re-listed at once. A tree search walks the whole workspace once (an index, walked again after
// the disk changed) so folders not opened yet are searched too. It never touches a widget.
import * as path from 'node:path';
import { listDir, parentRel, type TreeEntry } from '../workspace/file-tree';
import { walkWorkspace } from '../workspace/walk';
import { inTreeOrder } from './tree-rows';
import { createWatcher, type WatchChange, type WorkspaceWatcher } from '../workspace/watcher';
import type { IgnoreRules } from '../workspace/ignore-rules';
import { PLAN_FILE, readPlan } from '../plan/plan-file';
import type { Store } from './store';
import type { UiState } from './state';

export interface TreeSource {
  /** Resolves when the current watches are active (tests). */
  ready(): Promise<void>;
  /** Lists and re-reads everything pending now (tests, the benchmark). */
  flush(): Promise<void>;
  watcher(): WorkspaceWatcher;
  close(): Promise<void>;
}

function sameListing(a: readonly TreeEntry[] | undefined, b: readonly TreeEntry[]): boolean {
  return a !== undefined && a.length === b.length && a.every((e, i) => e.rel === b[i].rel && e.dir === b[i].dir);
}

/** The most entries the search index holds (a bigger workspace is searched in its first ones). */
const INDEX_LIMIT = 200_000;

export function createTreeSource(root: string, rules: IgnoreRules, store: Store, onError: (err: unknown) => void): TreeSource {
  const dirty = new Set<string>();
  let planDirty = true;
  let scheduled: Promise<void> | null = null;
  let closed = false;

  let indexStale = true;
  let indexing: AbortController | null = null;
  const buildIndex = () => {
    indexing?.abort();
    const ac = new AbortController();
    indexing = ac;
    indexStale = false;
    const walk = async () => {
      const entries: TreeEntry[] = [];
      for await (const e of walkWorkspace(root, '.', rules, ac.signal)) {
        entries.push({ name: path.posix.basename(e.rel), rel: e.rel, dir: e.isDir });
        if (entries.length >= INDEX_LIMIT) break;
      }
      if (!ac.signal.aborted && !closed) store.dispatch({ type: 'ui.tree.index', entries: inTreeOrder(entries) });
    };
    walk().catch(onError);
  };

  const onChange = (c: WatchChange) => {
    if (c.kind === 'dir') indexStale = true;
    if (c.kind === 'file' && (c.rel === '.gitignore' || c.rel.endsWith('/.gitignore'))) gitignoreChanged(parentRel(c.rel));
    if (c.kind === 'dir') dirty.add(c.rel);
    else if (c.rel === PLAN_FILE) planDirty = true;
    else store.dispatch({ type: 'ui.file.changed', rel: c.rel });
    schedule();
  };
  /** Every listed folder at or under `dir` is listed again under the new rules. */
  const gitignoreChanged = (dir: string) => {
    rules.reload(dir);
    indexStale = true;
    for (const listed of Object.keys(store.get().tree.listings)) if (dir === '' || listed === dir || listed.startsWith(`${dir}/`)) dirty.add(listed);
  };
  const watcher = createWatcher(root, rules, onChange);

  const work = async () => {
    scheduled = null;
    if (closed) return;
    for (const dir of [...dirty]) {
      dirty.delete(dir);
      const entries = listDir(root, dir, rules);
      // A file saved in place lists the same: no new listing, so no re-flatten of a big tree.
      if (!sameListing(store.get().tree.listings[dir], entries)) store.dispatch({ type: 'ui.tree.listing', dir, entries });
    }
    if (planDirty) {
      planDirty = false;
      try {
        store.dispatch({ type: 'ui.plan.file', items: await readPlan(root) });
      } catch (err) {
        onError(err);
      }
    }
  };
  function schedule(): Promise<void> {
    if (!scheduled) scheduled = new Promise<void>((resolve) => setImmediate(resolve)).then(work).catch(onError);
    return scheduled;
  }

  let lastExpanded: ReadonlySet<string> | null = null;
  let lastPatches: UiState['patches'] | null = null;
  const pendingWatched = new Set<string>();
  let searching = false;
  const follow = (s: UiState) => {
    if (closed) return;
    const nowSearching = s.search?.pane === 'tree';
    if (nowSearching && !searching && (indexStale || !s.tree.index)) buildIndex();
    searching = nowSearching;
    if (s.tree.expanded !== lastExpanded) {
      for (const dir of s.tree.expanded) {
        if (lastExpanded?.has(dir)) continue;
        watcher.watchDir(dir);
        if (!s.tree.listings[dir]) dirty.add(dir);
      }
      for (const dir of lastExpanded ?? []) if (!s.tree.expanded.has(dir)) watcher.unwatchDir(dir);
      lastExpanded = s.tree.expanded;
      if (dirty.size) schedule();
    }
    if (s.patches !== lastPatches) {
      lastPatches = s.patches;
      const pending = new Set(s.patches.filter((p) => p.status === 'pending').map((p) => p.path));
      for (const p of pending) {
        if (pendingWatched.has(p)) continue;
        pendingWatched.add(p);
        watcher.watchFile(p);
      }
      for (const p of [...pendingWatched]) {
        if (pending.has(p)) continue;
        pendingWatched.delete(p);
        watcher.unwatchFile(p);
      }
    }
  };
  watcher.watchFile(PLAN_FILE);
  const unsubscribe = store.subscribe(follow);
  follow(store.get());

  return {
    ready: () => watcher.ready(),
    flush: () => schedule(),
    watcher: () => watcher,
    async close() {
      closed = true;
      indexing?.abort();
      unsubscribe();
      await watcher.close();
    },
  };
}
