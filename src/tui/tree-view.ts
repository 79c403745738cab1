// The file tree pane: expanded folders listed lazily, files with pending changes marked ●,
// applied ones ✓ (and their folders), the selected row highlighted while focused.
import { ancestors, flattenTree, type TreeRow } from '../workspace/file-tree';
import type { UiState } from './state';
import { paint, type Theme } from './theme';
import { esc, truncate } from './text';

export function changeMarks(patches: UiState['patches']): Map<string, 'pending' | 'applied'> {
  const marks = new Map<string, 'pending' | 'applied'>();
  for (const p of patches) {
    const kind = p.status === 'pending' || p.status === 'stale' ? 'pending' : p.status === 'applied' ? 'applied' : null;
    if (!kind) continue;
    for (const rel of [p.path, ...ancestors(p.path)]) if (marks.get(rel) !== 'pending') marks.set(rel, kind);
  }
  return marks;
}

let memo: { tree: UiState['tree']; rows: TreeRow[] } | undefined;

export function treeRows(tree: UiState['tree']): TreeRow[] {
  if (memo && memo.tree.listings === tree.listings && memo.tree.expanded === tree.expanded) return memo.rows;
  const rows = flattenTree(tree.listings, tree.expanded);
  memo = { tree, rows };
  return rows;
}

export function treeView(state: Pick<UiState, 'tree' | 'patches' | 'focus'>, width: number, theme: Theme): string[] {
  const rows = treeRows(state.tree);
  if (!rows.length) return [paint(theme, 'dim', state.tree.listings[''] ? '(empty workspace)' : 'listing…')];
  const marks = changeMarks(state.patches);
  const focused = state.focus === 'tree';
  return rows.map((r, i) => {
    const icon = r.dir ? (r.expanded ? '▾ ' : '▸ ') : '  ';
    const mark = marks.get(r.rel);
    const suffix = mark === 'pending' ? ' ●' : mark === 'applied' ? ' ✓' : '';
    const name = truncate(' '.repeat(r.depth * 2) + icon + r.name + (r.dir ? '/' : ''), Math.max(1, width - suffix.length));
    let text = esc(name);
    text = r.dir ? paint(theme, 'treeDir', text) : text;
    if (mark) text += paint(theme, mark === 'pending' ? 'treePending' : 'treeApplied', suffix);
    return focused && i === state.tree.selected ? `{inverse}${text}{/inverse}` : text;
  });
}
