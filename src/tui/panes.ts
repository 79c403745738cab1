// Every pane of the workbench, laid out for the current size and filled from the store's state
// through the pure views. `sync(state)` is the only place widgets change; it never renders.
import type blessed from 'blessed';
import type { UiState, ScrollPane } from './state';
import type { Theme } from './theme';
import { bodyRows, computeLayout, rowsKeptAboveDialog, type Rect } from './layout';
import { createViewPane } from './view-pane';
import { chatLayout, markSelected, queuedView } from './chat-view';
import { gaugeView } from './gauge-view';
import { planView } from './plan-view';
import { treeView, treeRowCount } from './tree-view';
import { chatMatches, highlightChat, type ChatMatches } from './chat-search-view';
import { paneSearch } from './search';
import { patchesView } from './patches-view';
import { approvalLayout } from './approval-view';
import { toolOutputView } from './tool-output-view';
import { changesView } from './changes-view';
import { sessionsView } from './sessions-view';
import { diffMaxCol } from './diff-view';
import { selectedToolId } from './store';
import { statusView } from './status-view';
import { inputLineCount, inputTitle, inputView } from './input-view';
import { helpView } from './help-view';
import { tabsView } from './tabs-view';
import type { FocusId } from './keymap';

export interface PaneMetrics {
  lines: number;
  height: number;
  width?: number;
  /** How far the diff it shows can scroll sideways. */
  maxCol?: number;
  /** The first line shown (scrolling goes on from there). */
  offset?: number;
}

export type MetricsPane = ScrollPane | 'help' | 'dialog' | 'output' | 'changes';

export interface Panes {
  sync(state: UiState): void;
  /** Content and visible height of a scrollable pane as last drawn (for scroll actions). */
  metrics(pane: MetricsPane): PaneMetrics;
}

export interface PaneEvents {
  onFocus(focus: FocusId): void;
  onWheel(pane: ScrollPane, delta: number): void;
}

const inner = (r: Rect): Rect => ({ top: r.top + 1, left: r.left + 1, width: Math.max(1, r.width - 2), height: Math.max(1, r.height - 2) });

export function createPanes(screen: blessed.Widgets.Screen, theme: Theme, events: PaneEvents, safe: (fn: () => void) => () => void): Panes {
  const mk = (bordered: boolean) => createViewPane(screen, theme, bordered);
  const panes = {
    tabs: mk(false),
    gaugeLine: mk(false),
    gauge: mk(true),
    chat: mk(true),
    plan: mk(true),
    tree: mk(true),
    patches: mk(true),
    input: mk(true),
    status: createViewPane(screen, theme, false, theme.mono ? {} : { style: { bg: theme.colors.statusBg, fg: theme.colors.statusFg } }),
    dialog: mk(true),
    help: mk(true),
    output: mk(true),
    changes: mk(true),
    sessions: mk(true),
  };
  const metrics: Record<MetricsPane, PaneMetrics> = {
    dialog: { lines: 0, height: 1 },
    output: { lines: 0, height: 1 },
    changes: { lines: 0, height: 1 },
    chat: { lines: 0, height: 1 },
    patches: { lines: 0, height: 1 },
    tree: { lines: 0, height: 1 },
    plan: { lines: 0, height: 1 },
    help: { lines: 0, height: 1 },
  };
  let treeOffset = 0;
  /** The chat scrolled to show a newly selected tool card, until the user scrolls it. */
  let chatSel: { id: string | null; scroll: number | null; offset: number | null } = { id: null, scroll: null, offset: null };
  /** The same for the current search match (its key: query and match number). */
  let chatFind: { key: string; scroll: number | null; offset: number | null } = { key: '', scroll: null, offset: null };
  let found: ChatMatches = { lines: [], current: -1, position: 0 };

  const scrollables: ScrollPane[] = ['chat', 'plan', 'tree', 'patches'];
  for (const id of scrollables) {
    const box = panes[id].box;
    box.on(
      'click',
      safe(() => events.onFocus(id)),
    );
    box.on(
      'wheelup',
      safe(() => events.onWheel(id, -3)),
    );
    box.on(
      'wheeldown',
      safe(() => events.onWheel(id, 3)),
    );
  }
  panes.input.box.on(
    'click',
    safe(() => events.onFocus('input')),
  );

  const views: Record<ScrollPane, (s: UiState, w: number) => string[]> = {
    chat: (s, w) => {
      const layout = chatLayout(s, w, theme);
      const lines = s.focus === 'chat' ? markSelected(layout, s.chat, selectedToolId(s), theme) : layout.lines;
      const query = paneSearch(s, 'chat');
      found = chatMatches(layout.lines, query, s.search?.match ?? 0);
      const shown = found.lines.length ? highlightChat(lines, query, found) : lines;
      return s.queued.length ? [...shown, ...queuedView(s.queued, w, theme)] : shown;
    },
    plan: (s, w) => planView(s, w, theme),
    tree: (s, w) => treeView(s, w, theme),
    patches: (s, w) => patchesView(s, w, theme),
  };

  const labelOf = (id: ScrollPane, s: UiState, hiddenAbove: number, hiddenBelow: number): string => {
    const base = {
      chat: 'Chat',
      plan: s.plan.length ? `Plan ${s.plan.filter((p) => p.done).length}/${s.plan.length}` : 'Plan',
      tree: 'Files',
      patches: `Patches${s.patches.some((p) => p.status === 'pending') ? ` (${s.patches.filter((p) => p.status === 'pending').length} pending)` : ''}`,
    }[id];
    const more = [hiddenAbove ? `↑${hiddenAbove}` : '', hiddenBelow ? `↓${hiddenBelow}` : ''].filter(Boolean).join(' ');
    return ` ${base}${searchLabel(id, s)}${more ? ` ${more}` : ''} `;
  };

  /** ` /query 3 of 17` on the searched pane's border (`/query▏` while typed). */
  function searchLabel(id: ScrollPane, s: UiState): string {
    if (s.search?.pane !== id) return '';
    const q = s.search.query.text;
    const typed = s.search.typing ? '▏' : '';
    if (id === 'tree') return ` /${q}${typed}`;
    const where = !q ? '' : found.lines.length ? ` ${found.position} of ${found.lines.length}` : ' no match';
    return ` /${q}${typed}${where}`;
  }

  /** The tree draws only its visible window of rows; the view follows the selection. */
  function syncTree(s: UiState, rect: Rect): void {
    const box = inner(rect);
    const total = treeRowCount(s);
    const sel = Math.min(s.tree.selected, Math.max(0, total - 1));
    if (sel < treeOffset) treeOffset = sel;
    if (sel >= treeOffset + box.height) treeOffset = sel - box.height + 1;
    const off = Math.max(0, Math.min(treeOffset, total - box.height));
    metrics.tree = { lines: total, height: box.height, width: box.width, maxCol: 0 };
    const shown = treeView(s, box.width, theme, off, box.height);
    panes.tree.show(rect, shown.join('\n'), { label: labelOf('tree', s, off, Math.max(0, total - off - box.height)), focused: s.focus === 'tree' });
  }

  function syncScrollable(id: ScrollPane, s: UiState, rect: Rect | undefined): void {
    if (!rect) return panes[id].hide();
    if (id === 'tree') return syncTree(s, rect);
    const box = inner(rect);
    const all = views[id](s, box.width);
    const max = Math.max(0, all.length - box.height);
    let off = Math.min(s.scroll[id] ?? max, max);
    if (id === 'chat') off = findOffset(s, box.height, chatOffset(s, box.width, box.height, off, max), max);
    const shownDiff = id === 'patches' ? s.patches[s.selectedPatch]?.proposal.diff : undefined;
    metrics[id] = { lines: all.length, height: box.height, width: box.width, maxCol: shownDiff ? diffMaxCol(shownDiff, box.width) : 0, offset: off };
    const shown = all.slice(off, off + box.height);
    panes[id].show(rect, shown.join('\n'), { label: labelOf(id, s, off, Math.max(0, all.length - off - box.height)), focused: s.focus === id });
  }

  /** Keeps a newly selected tool card in view (until the user scrolls the chat). */
  function chatOffset(s: UiState, width: number, height: number, off: number, max: number): number {
    if (s.focus !== 'chat' || s.selectedTool === null) {
      chatSel = { id: null, scroll: null, offset: null };
      return off;
    }
    if (s.selectedTool !== chatSel.id) {
      const i = s.chat.findIndex((c) => c.kind === 'tool' && c.id === s.selectedTool);
      const start = i < 0 ? off : chatLayout(s, width, theme).starts[i];
      const offset = start >= off && start < off + height ? null : Math.max(0, Math.min(max, start - 1));
      chatSel = { id: s.selectedTool, scroll: s.scroll.chat, offset };
    } else if (s.scroll.chat !== chatSel.scroll) chatSel = { ...chatSel, offset: null, scroll: s.scroll.chat };
    return chatSel.offset ?? off;
  }

  /** Keeps the current search match in view (a third from the top), until the user scrolls. */
  function findOffset(s: UiState, height: number, off: number, max: number): number {
    if (found.current < 0) {
      chatFind = { key: '', scroll: null, offset: null };
      return off;
    }
    const key = `${s.search?.query.text}|${s.search?.match}`;
    if (key !== chatFind.key) {
      const line = found.current;
      const offset = line >= off && line < off + height ? null : Math.max(0, Math.min(max, line - Math.floor(height / 3)));
      chatFind = { key, scroll: s.scroll.chat, offset };
    } else if (s.scroll.chat !== chatFind.scroll) chatFind = { ...chatFind, offset: null, scroll: s.scroll.chat };
    return chatFind.offset ?? off;
  }

  /** The dialog's lines for the room it may take, and the rows it needs (borders included). */
  function dialogContent(s: UiState): { lines: string[]; rows: number; diffRows: number; diffRoom: number } | null {
    if (!s.approvals.length) return null;
    const maxRows = bodyRows(s.size, inputLineCount(s)) - rowsKeptAboveDialog(s.size);
    const d = approvalLayout(s, Math.max(1, s.size.cols - 2), Math.max(1, maxRows - 2), theme);
    return { ...d, rows: d.lines.length + 2 };
  }

  return {
    metrics: (pane) => metrics[pane],
    sync(s) {
      const dialog = dialogContent(s);
      const layout = computeLayout(s.size, s.tab, inputLineCount(s), dialog?.rows ?? 0);
      const r = layout.rects;
      for (const id of scrollables) syncScrollable(id, s, r[id]);
      if (layout.mode === 'wide' && r.gauge) {
        panes.gaugeLine.hide();
        panes.tabs.hide();
        panes.gauge.show(r.gauge, gaugeView(s, inner(r.gauge).width, theme, 2).join('\n'), { label: ' Context ' });
      } else {
        panes.gauge.hide();
        if (r.gauge) panes.gaugeLine.show(r.gauge, gaugeView(s, r.gauge.width, theme, 1)[0]);
        if (r.tabs) panes.tabs.show(r.tabs, tabsView(s, r.tabs.width, theme)[0]);
      }
      const inRect = r.input!;
      panes.input.show(inRect, inputView(s, inner(inRect).width, inner(inRect).height, theme).join('\n'), {
        label: inputTitle(s),
        focused: s.focus === 'input' || s.reason !== null,
        borderRole: s.reason ? 'warn' : undefined,
      });
      panes.status.show(r.status!, statusView(s, r.status!.width, theme).join('\n'));
      if (dialog && r.dialog) {
        // Above the input, with the panes above shrunk to make room: the newest chat lines (the
        // model's explanation of this very change, notices) stay visible.
        const req = s.approvals[0];
        const dw = inner(r.dialog).width;
        metrics.dialog = { lines: dialog.diffRows, height: dialog.diffRoom, width: dw, maxCol: req.proposal ? diffMaxCol(req.proposal.diff, dw) : 0 };
        panes.dialog.show(r.dialog, dialog.lines.slice(0, Math.max(1, r.dialog.height - 2)).join('\n'), {
          label: req.command ? ' Approval needed: command ' : ' Approval needed: change ',
          borderRole: s.dialogFocus ? 'borderFocus' : 'warn',
        });
        panes.dialog.box.setFront();
      } else panes.dialog.hide();
      const viewed = s.toolView && s.chat.find((c) => c.kind === 'tool' && c.id === s.toolView?.id);
      if (viewed && viewed.kind === 'tool' && r.output) {
        const o = inner(r.output);
        const all = toolOutputView(viewed, o.width, theme);
        metrics.output = { lines: all.length, height: o.height };
        const off = Math.min(s.toolView?.scroll ?? 0, Math.max(0, all.length - o.height));
        const more = all.length > o.height ? ` lines ${off + 1}–${Math.min(all.length, off + o.height)} of ${all.length} ` : ' ';
        panes.output.show(r.output, all.slice(off, off + o.height).join('\n'), { label: ` Tool output:${more}(Esc closes) `, borderRole: 'borderFocus' });
        panes.output.box.setFront();
      } else panes.output.hide();
      if (s.changes && r.output) {
        const o = inner(r.output);
        const view = changesView(s.changes, o.width, o.height, theme, s.diffWrap);
        metrics.changes = { lines: view.diffLines, height: view.diffRoom };
        panes.changes.show(r.output, view.lines.join('\n'), { label: ' Changes this session (Esc closes) ', borderRole: 'borderFocus' });
        panes.changes.box.setFront();
      } else panes.changes.hide();
      if (s.sessions && r.output) {
        const o = inner(r.output);
        panes.sessions.show(r.output, sessionsView(s.sessions, s.sessionId, o.width, o.height, theme).join('\n'), {
          label: ' Sessions (Esc closes) ',
          borderRole: 'borderFocus',
        });
        panes.sessions.box.setFront();
      } else panes.sessions.hide();
      if (s.help && r.help) {
        const h = inner(r.help);
        const all = helpView(h.width, theme);
        metrics.help = { lines: all.length, height: h.height };
        const off = Math.min(s.helpScroll, Math.max(0, all.length - h.height));
        panes.help.show(r.help, all.slice(off, off + h.height).join('\n'), { label: ' Help ', borderRole: 'borderFocus' });
        panes.help.box.setFront();
      } else panes.help.hide();
    },
  };
}
