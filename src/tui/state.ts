// The shape of the TUI store: everything every pane shows, as plain immutable data. Changed only
// by `reduce` (store.ts); panes and views only read it.
import type { ApprovalRequest } from '../agent/events';
import type { ChangeRecord } from '../agent/types';
import type { SessionInfo } from '../session/session-summary';
import type { BudgetReport } from '../types/budget';
import type { PlanItem } from '../types/plan';
import type { ToolDetails, Risk } from '../tools/types';
import type { Proposal } from '../patch/types';
import type { TreeEntry } from '../workspace/file-tree';
import type { FocusId } from './keymap';
import { emptyInput, type InputState } from './input-editor';

export type NoticeLevel = 'info' | 'warn' | 'error' | 'guard' | 'escalate';

/** One chat entry. Every change makes a new object, so views can memoize per item. */
export type ChatItem =
  | { kind: 'user'; key: number; text: string }
  | { kind: 'assistant'; key: number; text: string; reasoning: string; streaming: boolean }
  | {
      kind: 'tool';
      key: number;
      id: string;
      name: string;
      args: Record<string, unknown>;
      risk: Risk;
      status: 'proposed' | 'awaiting' | 'running' | 'ok' | 'failed' | 'rejected';
      summary?: string;
      details?: ToolDetails;
      /** The user's reason when they rejected it (the model was told). */
      feedback?: string;
    }
  | { kind: 'notice'; key: number; level: NoticeLevel; text: string };

export type PatchStatus = 'pending' | 'applied' | 'rejected' | 'stale' | 'undone';

export interface PatchEntry {
  id: string;
  path: string;
  proposal: Proposal;
  status: PatchStatus;
  /** The file changed on disk after the proposal (the watcher saw it): `y` re-validates. */
  changedOnDisk: boolean;
  /** The agent re-diffed it against a changed file (after `patch.stale`): the diff shown is new. */
  revalidated?: boolean;
  reason?: string;
  /** The undo journal's id once applied (the changes view's undo/redo names it). */
  journalId?: number;
}

/** The changes view (all changes of this session, `c`): the list, the selected row, the diff's scroll. */
export interface ChangesView {
  list: readonly ChangeRecord[];
  selected: number;
  scroll: number;
  /** The list is being fetched (first open) — shown as "loading…". */
  loading: boolean;
  /** Why the last undo / redo was refused (shown in the view; cleared by moving). */
  note?: string;
}

/** The session picker (/sessions): past sessions of this workspace, newest first. */
export interface SessionsView {
  list: readonly SessionInfo[];
  selected: number;
  loading: boolean;
  /** The outcome of the last action (an export's path, a refusal). */
  note?: string;
}

/** Session totals for the status line: tokens this session, and the clock of the running turn. */
export interface Totals {
  tokensIn: number;
  tokensOut: number;
  /** When the running turn started / the current reply began streaming (ms, the UI clock). */
  turnStartedAt?: number;
  streamStartedAt?: number;
  /** streamChars when the reply began streaming (its live tok/s counts from there). */
  streamBase: number;
  /** The UI clock's last tick (ms). */
  now: number;
}

export type Phase = 'idle' | 'thinking' | 'streaming' | 'approval' | 'command' | 'tool';

export interface TreeState {
  listings: Readonly<Record<string, readonly TreeEntry[]>>;
  expanded: ReadonlySet<string>;
  selected: number;
  /** Every entry of the workspace in tree order, walked when a tree search begins (so folders
   * not opened yet are searched too); dropped when the disk changes, walked again on the next. */
  index?: readonly TreeEntry[];
  /** An entry to select once its folders' listings arrive (a search result in a closed folder). */
  reveal?: string;
}

export type ScrollPane = 'chat' | 'patches' | 'tree' | 'plan';

/** A search in the chat or the file tree (`/`): the query, whether it is still being typed, and
 * which match is current (n / N). */
export interface SearchState {
  pane: 'chat' | 'tree';
  query: InputState;
  /** The query is being typed (keys edit it); false once Enter accepted it. */
  typing: boolean;
  /** Chat: the current match, counted back from the newest (0). */
  match: number;
  /** Tree: the selected row before the search began (Esc goes back to it). */
  from: number;
}

export interface UiState {
  /** `profile`: the model profile's name (model profiles), once the server is discovered. */
  header: { server: string; model: string; contextWindow: number; profile?: string };
  size: { cols: number; rows: number };
  chat: readonly ChatItem[];
  nextKey: number;
  busy: boolean;
  phase: Phase;
  step: number;
  tokensPerSecond?: number;
  /** Seconds the model has been silent (prefill, loading, a stall); undefined once it speaks. */
  waitingSeconds?: number;
  /** Characters streamed since the last budget report: the gauge adds them live (≈ 4 chars/token). */
  streamChars: number;
  budget?: BudgetReport;
  plan: readonly PlanItem[];
  patches: readonly PatchEntry[];
  selectedPatch: number;
  /** FIFO; the first is the one the dialog shows. */
  approvals: readonly ApprovalRequest[];
  tree: TreeState;
  focus: FocusId;
  /** The pane shown in the main area when the layout collapses into tabs. */
  tab: Exclude<FocusId, 'input'>;
  help: boolean;
  helpScroll: number;
  input: InputState;
  /** Non-null while typing a rejection reason after `n`. */
  reason: InputState | null;
  /** Scroll offsets from the top; chat null = follow the newest line. */
  scroll: Record<ScrollPane, number | null>;
  fullDiff: boolean;
  diffScroll: number;
  /** First column shown of a diff that scrolls sideways (when not wrapping). */
  diffCol: number;
  /** Long diff lines wrap (true) or scroll sideways (false); the user's choice, remembered. */
  diffWrap: boolean;
  /** Shows the model's full thinking instead of its last lines. */
  showDetails: boolean;
  /** The user moved focus to the approval dialog on purpose (Esc from the input): its keys act at once. */
  dialogFocus: boolean;
  /** The tool card `x`/Enter opens (null: the newest). */
  selectedTool: string | null;
  /** The tool output view, when open: which card and how far it is scrolled. */
  toolView: { id: string; scroll: number } | null;
  /** A second Ctrl-C (or q) quits. */
  quitArmed: false | 'ctrl-c' | 'q';
  /** The project check running now (its card in the chat, seconds so far). */
  check?: { id: string; name: string; seconds: number };
  /** The last result of each project check, in the order they ran: the status line shows them. */
  checkResults: readonly { name: string; passed: boolean }[];
  search: SearchState | null;
  /** /clear during a turn: what that turn still streams is dropped until it ends. */
  dropStream: boolean;
  /** The changes view, when open. */
  changes: ChangesView | null;
  /** Messages typed while a turn ran: sent, in order, when it ends. */
  queued: readonly string[];
  totals: Totals;
  sessions: SessionsView | null;
  /** This session's id (the picker marks it; /export writes it). */
  sessionId?: string;
  /** Paths an @file Tab could not decide between (shown in the input's title until the next edit). */
  pathChoices: readonly string[];
}

export function initialState(header: UiState['header'], size = { cols: 80, rows: 24 }): UiState {
  return {
    header,
    size,
    chat: [],
    nextKey: 1,
    busy: false,
    phase: 'idle',
    step: 0,
    streamChars: 0,
    plan: [],
    patches: [],
    selectedPatch: 0,
    approvals: [],
    tree: { listings: {}, expanded: new Set(['']), selected: 0 },
    focus: 'input',
    tab: 'chat',
    help: false,
    helpScroll: 0,
    input: emptyInput(),
    reason: null,
    scroll: { chat: null, patches: 0, tree: 0, plan: 0 },
    fullDiff: false,
    diffScroll: 0,
    diffCol: 0,
    diffWrap: true,
    showDetails: false,
    dialogFocus: false,
    selectedTool: null,
    toolView: null,
    quitArmed: false,
    checkResults: [],
    search: null,
    dropStream: false,
    changes: null,
    queued: [],
    totals: { tokensIn: 0, tokensOut: 0, streamBase: 0, now: 0 },
    pathChoices: [],
    sessions: null,
  };
}
