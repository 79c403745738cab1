// The file tree's rows, flattened once per change of the listings or the expanded set (not per
// keypress or frame: at 10k entries a flatten costs tens of ms), optionally filtered by a search.
import { flattenTree, type TreeRow } from '../workspace/file-tree';
import type { TreeState } from './state';

let memo: { listings: TreeState['listings']; expanded: TreeState['expanded']; rows: TreeRow[] } | undefined;
let filtered: { rows: TreeRow[]; query: string; out: TreeRow[] } | undefined;

/** Every row of the expanded tree; the same array until a listing or the expanded set changes. */
export function treeRows(tree: Pick<TreeState, 'listings' | 'expanded'>): TreeRow[] {
  if (memo && memo.listings === tree.listings && memo.expanded === tree.expanded) return memo.rows;
  const rows = flattenTree(tree.listings, tree.expanded);
  memo = { listings: tree.listings, expanded: tree.expanded, rows };
  return rows;
}

/** Does a row's path match a search (case-insensitive substring of its path)? */
export function rowMatches(row: TreeRow, query: string): boolean {
  return query !== '' && row.rel.toLowerCase().includes(query.toLowerCase());
}

/** The rows the tree pane shows: all of them, or only those matching `filter` while one is typed. */
export function shownTreeRows(tree: Pick<TreeState, 'listings' | 'expanded'>, filter = ''): TreeRow[] {
  const rows = treeRows(tree);
  if (!filter) return rows;
  if (filtered && filtered.rows === rows && filtered.query === filter) return filtered.out;
  const out = rows.filter((r) => rowMatches(r, filter));
  filtered = { rows, query: filter, out };
  return out;
}
