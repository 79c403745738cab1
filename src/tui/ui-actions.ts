// Actions the UI itself feeds the store (keys, resize, disk listings). Agent events and these
// share one `type` namespace: agent events are `noun.verb`, UI actions start with `ui.`.
import type { TreeEntry } from '../workspace/file-tree';
import type { PlanItem } from '../types/plan';
import type { FocusId } from './keymap';
import type { InputOp, InputState } from './input-editor';
import type { ChangeRecord } from '../agent/types';
import type { SessionInfo } from '../session/session-summary';
import type { NoticeLevel, ScrollPane } from './state';

export type UiAction =
  | { type: 'ui.resize'; cols: number; rows: number }
  | { type: 'ui.focus'; focus: FocusId }
  | { type: 'ui.focusCycle'; dir: 1 | -1 }
  | { type: 'ui.help'; open: boolean }
  | { type: 'ui.helpScroll'; delta: number; max: number }
  | { type: 'ui.input'; edit: InputOp }
  | { type: 'ui.reason'; open: boolean }
  | {
      type: 'ui.scroll';
      pane: ScrollPane;
      delta: number;
      /** Largest offset (content lines − visible lines). */
      max: number;
      /** The offset as drawn, when the view moved on its own (to a search match or a selected card). */
      from?: number;
    }
  | { type: 'ui.diffScroll'; delta: number /** Largest offset (diff lines − visible lines). */; max?: number }
  | { type: 'ui.diffCol'; delta: number; max: number }
  | { type: 'ui.diffWrap'; wrap: boolean }
  | { type: 'ui.dialogFocus'; focused: boolean }
  | { type: 'ui.tool.select'; delta: number }
  | { type: 'ui.tool.view'; id: string | null }
  | { type: 'ui.tool.scroll'; delta: number; max: number }
  | { type: 'ui.toggleDiff' }
  | { type: 'ui.toggleThinking' }
  | { type: 'ui.tree.listing'; dir: string; entries: TreeEntry[] }
  | { type: 'ui.tree.toggle'; rel: string }
  | { type: 'ui.tree.index'; entries: readonly TreeEntry[] | undefined }
  | { type: 'ui.tree.select'; delta: number }
  | { type: 'ui.file.changed'; rel: string }
  | { type: 'ui.patch.select'; delta: number }
  | { type: 'ui.plan.file'; items: PlanItem[] }
  | { type: 'ui.notice'; level: NoticeLevel; text: string }
  | { type: 'ui.quitArm'; armed: false | 'ctrl-c' | 'q' }
  | { type: 'ui.clearChat' }
  | { type: 'ui.model'; model: string }
  /** `/` in the chat or the tree; done = Enter (keep it for n / N), cancel = Esc; step = n / N. */
  | { type: 'ui.search.open'; pane: 'chat' | 'tree' }
  | { type: 'ui.search.done' }
  | { type: 'ui.search.cancel' }
  | { type: 'ui.search.step'; dir: 1 | -1 }
  // The changes view, the message queue and the clock (session totals).
  | { type: 'ui.changes.open'; open: boolean }
  | { type: 'ui.changes.list'; list: readonly ChangeRecord[] }
  | { type: 'ui.changes.select'; delta: number }
  | { type: 'ui.changes.scroll'; delta: number; max: number }
  | { type: 'ui.changes.note'; text: string }
  | { type: 'ui.queue.add'; text: string }
  | { type: 'ui.queue.take' }
  | { type: 'ui.clock'; now: number }
  | { type: 'ui.input.set'; input: InputState; choices: readonly string[] }
  | { type: 'ui.sessions.open'; open: boolean }
  | { type: 'ui.sessions.list'; list: readonly SessionInfo[] }
  | { type: 'ui.sessions.select'; delta: number }
  | { type: 'ui.sessions.note'; text: string };
