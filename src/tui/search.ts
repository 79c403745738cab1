// Search in the chat and the file tree (`/`), as pure state changes: the tree filters to matching
// entries while the query is typed (the selection on the first match: type-ahead), Enter jumps to
// the chosen entry in the whole tree, n / N go to the next / previous match, Esc goes back.
import { applyInput, emptyInput, type InputOp } from './input-editor';
import { rowMatches, shownTreeRows, treeRows } from './tree-rows';
import type { UiState } from './state';
import type { UiAction } from './ui-actions';

type SearchAction = Extract<UiAction, { type: `ui.search.${string}` }>;

/** The filter the tree shows: the query while it is being typed, else none. */
export function treeFilter(s: Pick<UiState, 'search'>): string {
  return s.search?.pane === 'tree' && s.search.typing ? s.search.query.text : '';
}

/** The search a focused pane shows (its query highlighted), if any. */
export function paneSearch(s: Pick<UiState, 'search'>, pane: 'chat' | 'tree'): string {
  return s.search?.pane === pane ? s.search.query.text : '';
}

/** An edit of the query being typed. */
export function editQuery(s: UiState, edit: InputOp): UiState {
  if (!s.search) return s;
  const query = applyInput(s.search.query, edit);
  const search = { ...s.search, query, match: 0 };
  return search.pane === 'tree' ? { ...s, search, tree: { ...s.tree, selected: 0 } } : { ...s, search };
}

export function reduceSearch(s: UiState, a: SearchAction): UiState {
  switch (a.type) {
    case 'ui.search.open':
      return { ...s, search: { pane: a.pane, query: emptyInput(), typing: true, match: 0, from: s.tree.selected } };
    case 'ui.search.cancel':
      if (s.search?.pane === 'tree' && s.search.typing) return { ...s, search: null, tree: { ...s.tree, selected: s.search.from } };
      return { ...s, search: null };
    case 'ui.search.done': {
      const q = s.search;
      if (!q) return s;
      if (!q.query.text) return reduceSearch(s, { type: 'ui.search.cancel' });
      if (q.pane === 'chat') return { ...s, search: { ...q, typing: false } };
      // The entry chosen in the filtered list, found again in the whole tree.
      const chosen = shownTreeRows(s.tree, q.query.text)[s.tree.selected];
      const at = chosen ? treeRows(s.tree).findIndex((r) => r.rel === chosen.rel) : -1;
      return { ...s, search: { ...q, typing: false }, tree: { ...s.tree, selected: at < 0 ? q.from : at } };
    }
    case 'ui.search.step': {
      const q = s.search;
      if (!q || (q.typing && q.pane === 'tree')) return s;
      if (q.pane === 'chat') return { ...s, search: { ...q, match: q.match + a.dir } };
      const rows = treeRows(s.tree);
      for (let n = 1; n <= rows.length; n++) {
        const i = (((s.tree.selected + a.dir * n) % rows.length) + rows.length) % rows.length;
        if (rowMatches(rows[i], q.query.text)) return { ...s, tree: { ...s.tree, selected: i } };
      }
      return s;
    }
    default:
      return s;
  }
}
