// The file tree's rows, flattened once per change of the listings or the expanded set (not per
// keypress or frame: at 10k entries a flatten costs tens of ms), and the rows a search shows:
// matches from the whole workspace index when it is walked, else from the listed folders.
import { ancestors, flattenTree, type TreeEntry, type TreeRow } from '../workspace/file-tree';
import type { TreeState } from './state';

let memo: { listings: TreeState['listings']; expanded: TreeState['expanded']; rows: TreeRow[] } | undefined;
let filtered: { source: readonly TreeEntry[]; query: string; out: TreeRow[] } | undefined;

/** Every row of the expanded tree; the same array until a listing or the expanded set changes. */
export function treeRows(tree: Pick<TreeState, 'listings' | 'expanded'>): TreeRow[] {
  if (memo && memo.listings === tree.listings && memo.expanded === tree.expanded) return memo.rows;
  const rows = flattenTree(tree.listings, tree.expanded);
  memo = { listings: tree.listings, expanded: tree.expanded, rows };
  return rows;
}

/** Does an entry's path match a search (case-insensitive substring of its path)? */
export function rowMatches(row: Pick<TreeEntry, 'rel'>, query: string): boolean {
  return query !== '' && row.rel.toLowerCase().includes(query.toLowerCase());
}

/** Every entry a search looks through: the workspace index once walked, else the listed rows. */
function searchSource(tree: Pick<TreeState, 'listings' | 'expanded' | 'index'>): readonly TreeEntry[] {
  return tree.index ?? treeRows(tree);
}

/** The entries matching a search, in tree order, as flat rows. */
export function matchingRows(tree: Pick<TreeState, 'listings' | 'expanded' | 'index'>, query: string): TreeRow[] {
  const source = searchSource(tree);
  if (filtered && filtered.source === source && filtered.query === query) return filtered.out;
  const out = source.filter((r) => rowMatches(r, query)).map((r) => ({ ...r, depth: 0, expanded: false }));
  filtered = { source, query, out };
  return out;
}

/** The rows the tree pane shows: the tree, or only the matches while a filter is typed. */
export function shownTreeRows(tree: Pick<TreeState, 'listings' | 'expanded' | 'index'>, filter = ''): TreeRow[] {
  return filter ? matchingRows(tree, filter) : treeRows(tree);
}

/** A key whose string order is the tree's order: depth-first, folders before files, by name. */
export const treeOrderKey = (e: { rel: string; dir: boolean }): string =>
  e.rel
    .split('/')
    .map((seg, i, all) => (i < all.length - 1 || e.dir ? '0' : '1') + seg)
    .join('\0');

/** Sorts walked entries the way the tree shows them. */
export function inTreeOrder(entries: readonly TreeEntry[]): TreeEntry[] {
  return entries
    .map((e) => ({ e, k: treeOrderKey(e) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((x) => x.e);
}

/** Selects `rel` in the tree, opening its folders; when their listings are not there yet the
 * selection waits for them (`reveal`). */
export function revealIn<T extends TreeState>(tree: T, rel: string): T {
  const closed = ancestors(rel).filter((a) => !tree.expanded.has(a));
  const expanded = closed.length ? new Set([...tree.expanded, ...closed]) : tree.expanded;
  const next = { ...tree, expanded };
  const at = treeRows(next).findIndex((r) => r.rel === rel);
  return at >= 0 ? { ...next, selected: at, reveal: undefined } : { ...next, reveal: rel };
}
