// Every pane of the workbench, laid out for the current size and filled from the store's state
// through the pure views. `sync(state)` is the only place widgets change; it never renders.
import type blessed from 'blessed';
import type { UiState, ScrollPane } from './state';
import type { Theme } from './theme';
import { computeLayout, type Rect } from './layout';
import { createViewPane } from './view-pane';
import { chatView } from './chat-view';
import { gaugeView } from './gauge-view';
import { planView } from './plan-view';
import { treeView, treeRows } from './tree-view';
import { patchesView } from './patches-view';
import { approvalView } from './approval-view';
import { statusView } from './status-view';
import { inputLineCount, inputTitle, inputView } from './input-view';
import { helpView } from './help-view';
import { tabsView } from './tabs-view';
import type { FocusId } from './keymap';

export interface PaneMetrics {
  lines: number;
  height: number;
}

export interface Panes {
  sync(state: UiState): void;
  /** Content and visible height of a scrollable pane as last drawn (for scroll actions). */
  metrics(pane: ScrollPane | 'help'): PaneMetrics;
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
  };
  const metrics: Record<ScrollPane | 'help', PaneMetrics> = {
    chat: { lines: 0, height: 1 },
    patches: { lines: 0, height: 1 },
    tree: { lines: 0, height: 1 },
    plan: { lines: 0, height: 1 },
    help: { lines: 0, height: 1 },
  };
  let treeOffset = 0;

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
    chat: (s, w) => chatView(s, w, theme),
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
    return ` ${base}${more ? ` ${more}` : ''} `;
  };

  function syncScrollable(id: ScrollPane, s: UiState, rect: Rect | undefined): void {
    if (!rect) return panes[id].hide();
    const box = inner(rect);
    const all = views[id](s, box.width);
    const max = Math.max(0, all.length - box.height);
    let off: number;
    if (id === 'tree') {
      const sel = Math.min(s.tree.selected, Math.max(0, treeRows(s.tree).length - 1));
      if (sel < treeOffset) treeOffset = sel;
      if (sel >= treeOffset + box.height) treeOffset = sel - box.height + 1;
      off = Math.min(treeOffset, max);
    } else off = Math.min(s.scroll[id] ?? max, max);
    metrics[id] = { lines: all.length, height: box.height };
    const shown = all.slice(off, off + box.height);
    panes[id].show(rect, shown.join('\n'), { label: labelOf(id, s, off, Math.max(0, all.length - off - box.height)), focused: s.focus === id });
  }

  return {
    metrics: (pane) => metrics[pane],
    sync(s) {
      const layout = computeLayout(s.size, s.tab, inputLineCount(s));
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
      if (s.approvals.length && r.dialog) {
        // Sized to its content and anchored above the input, so the chat stays visible above it.
        const d = inner(r.dialog);
        const req = s.approvals[0];
        const lines = approvalView(s, d.width, d.height, theme);
        const height = Math.min(r.dialog.height, lines.length + 2);
        const rect = { ...r.dialog, top: r.dialog.top + r.dialog.height - height, height };
        panes.dialog.show(rect, lines.join('\n'), {
          label: req.command ? ' Approval needed: command ' : ' Approval needed: change ',
          borderRole: 'warn',
        });
        panes.dialog.box.setFront();
      } else panes.dialog.hide();
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
