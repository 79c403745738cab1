// Pure geometry: where each pane goes for a terminal size. Wide terminals get the panes side by
// side; small ones (80×24) collapse the side panes into tabs above one main area.
import type { FocusId } from './keymap';

export interface Rect {
  top: number;
  left: number;
  width: number;
  height: number;
}

export type PaneId = 'chat' | 'gauge' | 'plan' | 'tree' | 'patches' | 'tabs' | 'input' | 'status' | 'dialog' | 'help' | 'output';

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

/** Rows the panes above an approval dialog keep, so the newest chat lines stay in view. */
export function rowsKeptAboveDialog(size: { cols: number; rows: number }): number {
  return isWide(size) ? 12 : 7;
}

/** Rows between the top and the input (where the panes, or the panes and a dialog, go). */
export function bodyRows(size: { cols: number; rows: number }, inputLines = 1): number {
  const rows = Math.max(10, size.rows);
  return rows - 2 - (Math.min(5, Math.max(1, inputLines)) + 2);
}

/** `inputLines`: lines of text in the input (it grows up to 5). `dialogRows`: an approval dialog
 * takes that many rows just above the input, and the panes above it shrink instead of being covered. */
export function computeLayout(size: { cols: number; rows: number }, tab: Exclude<FocusId, 'input'>, inputLines = 1, dialogRows = 0): Layout {
  const cols = Math.max(20, size.cols);
  const rows = Math.max(10, size.rows);
  const inputH = Math.min(5, Math.max(1, inputLines)) + 2;
  const statusH = 2;
  const input: Rect = { top: rows - statusH - inputH, left: 0, width: cols, height: inputH };
  const status: Rect = { top: rows - statusH, left: 0, width: cols, height: statusH };
  const dialogH = Math.max(0, Math.min(dialogRows, input.top - rowsKeptAboveDialog(size)));
  const bodyH = input.top - dialogH;
  const dialog: Rect = { top: bodyH, left: 0, width: cols, height: Math.max(1, dialogH) };
  const helpW = Math.min(cols, 84);
  const help: Rect = { top: 0, left: Math.floor((cols - helpW) / 2), width: helpW, height: rows - statusH };
  const output: Rect = { top: 0, left: 0, width: cols, height: rows - statusH };
  if (!isWide(size)) {
    const tabs: Rect = { top: 0, left: 0, width: cols, height: 1 };
    const gauge: Rect = { top: 1, left: 0, width: cols, height: 1 };
    const main: Rect = { top: 2, left: 0, width: cols, height: Math.max(3, bodyH - 2) };
    return { mode: 'tabs', rects: { tabs, gauge, [tab]: main, input, status, dialog, help, output } };
  }
  const chatW = Math.floor(cols * 0.55);
  const sideW = cols - chatW;
  const gaugeH = 4;
  const rest = bodyH - gaugeH;
  const planH = Math.max(3, Math.floor(rest * 0.22));
  const treeH = Math.max(3, Math.floor(rest * 0.33));
  const patchesH = Math.max(3, rest - planH - treeH);
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
      output,
    },
  };
}
