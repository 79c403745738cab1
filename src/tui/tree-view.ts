// The file tree pane: expanded folders listed lazily, files with pending changes marked ●,
// applied ones ✓ (and their folders), the selected row highlighted while focused, a search's
// matches underlined. Only the rows on screen are drawn (a 10k-entry tree costs a window, not 10k).
import { ancestors, type TreeRow } from '../workspace/file-tree';
import type { UiState } from './state';
import { paint, type Theme } from './theme';
import { esc, truncate } from './text';
import { rowMatches, shownTreeRows } from './tree-rows';
import { paneSearch, treeFilter } from './search';

export function changeMarks(patches: UiState['patches']): Map<string, 'pending' | 'applied'> {
  const marks = new Map<string, 'pending' | 'applied'>();
  for (const p of patches) {
    const kind = p.status === 'pending' || p.status === 'stale' ? 'pending' : p.status === 'applied' ? 'applied' : null;
    if (!kind) continue;
    for (const rel of [p.path, ...ancestors(p.path)]) if (marks.get(rel) !== 'pending') marks.set(rel, kind);
  }
  return marks;
}

type TreeViewState = Pick<UiState, 'tree' | 'patches' | 'focus'> & Partial<Pick<UiState, 'search'>>;

/** How many rows the tree pane has (with a filter being typed: the matching ones). */
export function treeRowCount(state: TreeViewState): number {
  return shownTreeRows(state.tree, treeFilter({ search: state.search ?? null })).length;
}

/** The tree's rows `from` … `from + count` (all of them when `count` is left out). */
export function treeView(state: TreeViewState, width: number, theme: Theme, from = 0, count = Number.MAX_SAFE_INTEGER): string[] {
  const search = { search: state.search ?? null };
  const filter = treeFilter(search);
  const rows = shownTreeRows(state.tree, filter);
  if (!rows.length) {
    if (filter) return [paint(theme, 'dim', esc(`no entry matches "${filter}"${state.tree.index ? '' : ' (still reading the workspace…)'}`))];
    return [paint(theme, 'dim', state.tree.listings[''] ? '(empty workspace)' : 'listing…')];
  }
  const marks = changeMarks(state.patches);
  const focused = state.focus === 'tree';
  const query = paneSearch(search, 'tree');
  return rows.slice(from, from + count).map((r, k) => rowLine(r, from + k, { state, width, theme, marks, focused, query, flat: filter !== '' }));
}

function rowLine(
  r: TreeRow,
  i: number,
  c: { state: TreeViewState; width: number; theme: Theme; marks: Map<string, string>; focused: boolean; query: string; flat: boolean },
): string {
  const { theme } = c;
  const icon = r.dir ? (r.expanded ? '▾ ' : '▸ ') : '  ';
  const mark = c.marks.get(r.rel);
  const suffix = mark === 'pending' ? ' ●' : mark === 'applied' ? ' ✓' : '';
  // While filtering, a match shows its whole path (its folders are not on screen).
  const label = c.flat ? icon + r.rel + (r.dir ? '/' : '') : ' '.repeat(r.depth * 2) + icon + r.name + (r.dir ? '/' : '');
  const name = truncate(label, Math.max(1, c.width - suffix.length));
  let text = esc(name);
  text = r.dir ? paint(theme, 'treeDir', text) : text;
  if (c.query && rowMatches(r, c.query)) text = `{underline}${text}{/underline}`;
  if (mark) text += paint(theme, mark === 'pending' ? 'treePending' : 'treeApplied', suffix);
  return c.focused && i === c.state.tree.selected ? `{inverse}${text}{/inverse}` : text;
}
