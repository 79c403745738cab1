// Pure geometry: where each pane goes for a terminal size. Wide terminals get the panes side by
// side; small ones (80×24) collapse the side panes into tabs above one main area.
import type { FocusId } from './keymap';

export interface Rect {
  top: number;
  left: number;
  width: number;
  height: number;
}

export type PaneId = 'chat' | 'gauge' | 'plan' | 'tree' | 'patches' | 'tabs' | 'input' | 'status' | 'dialog' | 'help';

export interface Layout {
  mode: 'wide' | 'tabs';
  /** Hidden panes are absent. In tabs mode the main pane (chat/patches/tree/plan) is the shown tab. */
  rects: Partial<Record<PaneId, Rect>>;
}

export const WIDE_MIN_COLS = 110;
export const WIDE_MIN_ROWS = 28;

export function isWide(size: { cols: number; rows: number }): boolean {
  return size.cols >= WIDE_MIN_COLS && size.rows >= WIDE_MIN_ROWS;
}

/** Tab / Shift-Tab order. */
export function focusOrder(): FocusId[] {
  return ['input', 'chat', 'patches', 'tree', 'plan'];
}

/** `inputLines`: lines of text in the input (it grows up to 5). */
export function computeLayout(size: { cols: number; rows: number }, tab: Exclude<FocusId, 'input'>, inputLines = 1): Layout {
  const cols = Math.max(20, size.cols);
  const rows = Math.max(10, size.rows);
  const inputH = Math.min(5, Math.max(1, inputLines)) + 2;
  const statusH = 2;
  const input: Rect = { top: rows - statusH - inputH, left: 0, width: cols, height: inputH };
  const status: Rect = { top: rows - statusH, left: 0, width: cols, height: statusH };
  const bodyH = input.top;
  const dialog: Rect = { top: 0, left: 0, width: cols, height: bodyH };
  const helpW = Math.min(cols, 84);
  const help: Rect = { top: 0, left: Math.floor((cols - helpW) / 2), width: helpW, height: rows - statusH };
  if (!isWide(size)) {
    const tabs: Rect = { top: 0, left: 0, width: cols, height: 1 };
    const gauge: Rect = { top: 1, left: 0, width: cols, height: 1 };
    const main: Rect = { top: 2, left: 0, width: cols, height: Math.max(3, bodyH - 2) };
    return { mode: 'tabs', rects: { tabs, gauge, [tab]: main, input, status, dialog, help } };
  }
  const chatW = Math.floor(cols * 0.55);
  const sideW = cols - chatW;
  const gaugeH = 4;
  const rest = bodyH - gaugeH;
  const planH = Math.max(4, Math.floor(rest * 0.22));
  const treeH = Math.max(5, Math.floor(rest * 0.33));
  const patchesH = Math.max(4, rest - planH - treeH);
  return {
    mode: 'wide',
    rects: {
      chat: { top: 0, left: 0, width: chatW, height: bodyH },
      gauge: { top: 0, left: chatW, width: sideW, height: gaugeH },
      plan: { top: gaugeH, left: chatW, width: sideW, height: planH },
      tree: { top: gaugeH + planH, left: chatW, width: sideW, height: treeH },
      patches: { top: gaugeH + planH + treeH, left: chatW, width: sideW, height: patchesH },
      input,
      status,
      dialog,
      help,
    },
  };
}
