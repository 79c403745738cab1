// The one declarative keymap: {action, keys, when, label}. Key dispatch, the help overlay and
// the status-line hints are all generated from this table; tests press actions, not keys.

export type Action =
  | 'approve'
  | 'reject'
  | 'approveTurn'
  | 'allowCommand'
  | 'edit'
  | 'toggleDiff'
  | 'diffDown'
  | 'diffUp'
  | 'diffPageDown'
  | 'diffPageUp'
  | 'diffLeft'
  | 'diffRight'
  | 'diffWrap'
  | 'rejectSend'
  | 'rejectBack'
  | 'closeHelp'
  | 'helpUp'
  | 'helpDown'
  | 'closeOutput'
  | 'outputUp'
  | 'outputDown'
  | 'outputPageUp'
  | 'outputPageDown'
  | 'outputTop'
  | 'outputBottom'
  | 'complete'
  | 'cancel'
  | 'focusNext'
  | 'focusPrev'
  | 'send'
  | 'newline'
  | 'historyPrev'
  | 'historyNext'
  | 'leaveInput'
  | 'focusInput'
  | 'help'
  | 'quit'
  | 'undo'
  | 'scrollUp'
  | 'scrollDown'
  | 'pageUp'
  | 'pageDown'
  | 'openOutput'
  | 'toggleThinking'
  | 'treeToggle'
  | 'selectPrev'
  | 'selectNext'
  | 'cursorLeft'
  | 'cursorRight'
  | 'lineStart'
  | 'lineEnd'
  | 'deleteBack'
  | 'deleteForward'
  | 'clearInput'
  | 'wordLeft'
  | 'wordRight'
  | 'deleteWordBack'
  | 'killToEnd'
  | 'scrollTop'
  | 'scrollBottom'
  | 'search'
  | 'searchDone'
  | 'searchCancel'
  | 'searchNext'
  | 'searchPrev'
  // tui-b: the changes view, interrupting with Esc
  | 'openChanges'
  | 'closeChanges'
  | 'changeUndo'
  | 'changeRedo'
  | 'changesPageDown'
  | 'changesPageUp'
  | 'interrupt'
  | 'completePath'
  | 'closeSessions'
  | 'resumeSession'
  | 'exportSession';

/** Where a binding applies. Checked in the order of WHEN_ORDER; the first match wins.
 * 'approval' applies to every request; 'change' only to a file change, 'command' only to a command. */
export type When =
  | 'reason'
  | 'search'
  | 'help'
  | 'output'
  | 'changes'
  | 'sessions'
  | 'approval'
  | 'change'
  | 'command'
  | 'slash'
  | 'mention'
  | 'always'
  | 'typing'
  | 'input'
  | 'chat'
  | 'found'
  | 'tree'
  | 'patches'
  | 'panes';

export interface KeyBinding {
  action: Action;
  /** blessed key names (`key.full`): 'y', 'enter', 'C-c', 'S-tab', 'pageup', 'S-a' (A). */
  keys: string[];
  when: When;
  label: string;
  /** Shown in the status line when its scope is active. */
  hint?: boolean;
  /** Shorter label for the status line (defaults to `label`). */
  short?: string;
}

export const KEYMAP: readonly KeyBinding[] = [
  { action: 'approve', keys: ['y'], when: 'approval', label: 'approve: apply this change / run this command once', hint: true, short: 'approve' },
  { action: 'reject', keys: ['n'], when: 'approval', label: 'reject (type a reason for the model)', hint: true, short: 'reject' },
  {
    action: 'approveTurn',
    keys: ['a'],
    when: 'change',
    label: "approve the rest of this turn's file changes (never commands)",
    hint: true,
    short: 'approve all changes this turn',
  },
  { action: 'edit', keys: ['e'], when: 'change', label: 'edit the change in $EDITOR', hint: true, short: 'edit' },
  { action: 'toggleDiff', keys: ['d'], when: 'change', label: 'toggle the full diff', hint: true, short: 'full diff' },
  { action: 'diffWrap', keys: ['w'], when: 'change', label: 'wrap long diff lines / scroll them sideways (remembered)', short: 'wrap' },
  { action: 'diffDown', keys: ['down', 'j'], when: 'change', label: 'scroll the diff down a line' },
  { action: 'diffUp', keys: ['up', 'k'], when: 'change', label: 'scroll the diff up a line' },
  { action: 'diffPageDown', keys: ['pagedown', 'space'], when: 'change', label: 'scroll the diff down a page' },
  { action: 'diffPageUp', keys: ['pageup'], when: 'change', label: 'scroll the diff up a page' },
  { action: 'diffRight', keys: ['right'], when: 'change', label: 'scroll the diff right (when not wrapping)' },
  { action: 'diffLeft', keys: ['left'], when: 'change', label: 'scroll the diff left' },
  {
    action: 'allowCommand',
    keys: ['S-a'],
    when: 'command',
    label: 'always allow this exact command line, or this MCP tool (this session)',
    hint: true,
    short: 'always allow this command',
  },
  { action: 'rejectSend', keys: ['enter'], when: 'reason', label: 'send the rejection (reason optional)', hint: true, short: 'send rejection' },
  { action: 'rejectBack', keys: ['escape'], when: 'reason', label: 'back to the approval', hint: true },
  { action: 'closeHelp', keys: ['escape', '?', 'q'], when: 'help', label: 'close help', hint: true },
  { action: 'helpDown', keys: ['down', 'j', 'pagedown', 'space'], when: 'help', label: 'scroll the help down', hint: true, short: 'scroll' },
  { action: 'helpUp', keys: ['up', 'k', 'pageup'], when: 'help', label: 'scroll the help up' },
  { action: 'closeOutput', keys: ['escape', 'q', 'x'], when: 'output', label: 'close the tool output', hint: true, short: 'close' },
  { action: 'outputDown', keys: ['down', 'j'], when: 'output', label: 'scroll the output down', hint: true, short: 'scroll' },
  { action: 'outputUp', keys: ['up', 'k'], when: 'output', label: 'scroll the output up' },
  { action: 'outputPageDown', keys: ['pagedown', 'space'], when: 'output', label: 'scroll the output down a page', hint: true, short: 'page' },
  { action: 'outputPageUp', keys: ['pageup'], when: 'output', label: 'scroll the output up a page' },
  { action: 'outputTop', keys: ['home', 'g'], when: 'output', label: 'top of the output' },
  { action: 'outputBottom', keys: ['end', 'S-g'], when: 'output', label: 'end of the output' },
  // The changes view (c): every change of this session, undo / redo any one of them.
  { action: 'closeChanges', keys: ['escape', 'q', 'c'], when: 'changes', label: 'close the changes view', hint: true, short: 'close' },
  { action: 'selectPrev', keys: ['up', 'k'], when: 'changes', label: 'previous change' },
  { action: 'selectNext', keys: ['down', 'j'], when: 'changes', label: 'next change' },
  { action: 'changeUndo', keys: ['u'], when: 'changes', label: 'undo the selected change (later changes are kept)', hint: true, short: 'undo' },
  { action: 'changeRedo', keys: ['r'], when: 'changes', label: 'redo the selected change (after u)', hint: true, short: 'redo' },
  {
    action: 'changesPageDown',
    keys: ['pagedown', 'space'],
    when: 'changes',
    label: "scroll the selected change's diff down a page",
    hint: true,
    short: 'scroll diff',
  },
  { action: 'changesPageUp', keys: ['pageup'], when: 'changes', label: "scroll the selected change's diff up a page" },
  // The session picker (/sessions): resume a past session of this workspace, or export one.
  { action: 'closeSessions', keys: ['escape', 'q'], when: 'sessions', label: 'close the session list', hint: true, short: 'close' },
  { action: 'selectPrev', keys: ['up', 'k'], when: 'sessions', label: 'previous session' },
  { action: 'selectNext', keys: ['down', 'j'], when: 'sessions', label: 'next session' },
  { action: 'resumeSession', keys: ['enter'], when: 'sessions', label: 'resume the selected session here', hint: true, short: 'resume' },
  { action: 'exportSession', keys: ['e'], when: 'sessions', label: 'export the selected session to Markdown', hint: true, short: 'export' },
  { action: 'complete', keys: ['tab'], when: 'slash', label: 'complete the slash command' },
  {
    action: 'completePath',
    keys: ['tab'],
    when: 'mention',
    label: 'complete the @file path (the file goes with the message, within the budget)',
    hint: true,
    short: 'complete path',
  },
  { action: 'cancel', keys: ['C-c'], when: 'always', label: 'cancel the generation (twice: quit)', hint: true, short: 'cancel/quit' },
  { action: 'focusNext', keys: ['tab'], when: 'always', label: 'next pane', hint: true },
  { action: 'focusPrev', keys: ['S-tab'], when: 'always', label: 'previous pane' },
  { action: 'send', keys: ['enter'], when: 'input', label: 'send', hint: true },
  { action: 'newline', keys: ['linefeed', 'C-j'], when: 'input', label: 'new line (or end a line with \\)' },
  { action: 'historyPrev', keys: ['up'], when: 'input', label: 'line up; on the first line: the previous input (kept across restarts)' },
  { action: 'historyNext', keys: ['down'], when: 'input', label: 'line down; on the last line: the next input' },
  {
    action: 'leaveInput',
    keys: ['escape'],
    when: 'input',
    label: 'leave the input (request pending: answer it; model working: interrupt it too)',
    hint: true,
    short: 'leave input / interrupt',
  },
  { action: 'cursorLeft', keys: ['left'], when: 'typing', label: 'cursor left' },
  { action: 'cursorRight', keys: ['right'], when: 'typing', label: 'cursor right' },
  { action: 'lineStart', keys: ['home', 'C-a'], when: 'typing', label: 'start of the line' },
  { action: 'lineEnd', keys: ['end', 'C-e'], when: 'typing', label: 'end of the line' },
  { action: 'deleteBack', keys: ['backspace'], when: 'typing', label: 'delete before the cursor' },
  { action: 'deleteForward', keys: ['delete'], when: 'typing', label: 'delete at the cursor' },
  { action: 'clearInput', keys: ['C-u'], when: 'typing', label: 'delete to the start of the line' },
  { action: 'killToEnd', keys: ['C-k'], when: 'typing', label: 'delete to the end of the line' },
  { action: 'deleteWordBack', keys: ['C-w', 'M-backspace'], when: 'typing', label: 'delete the word before the cursor' },
  { action: 'wordLeft', keys: ['M-b', 'C-left', 'M-left'], when: 'typing', label: 'a word left' },
  { action: 'wordRight', keys: ['M-f', 'C-right', 'M-right'], when: 'typing', label: 'a word right' },
  { action: 'searchDone', keys: ['enter'], when: 'search', label: 'keep the search (the tree: go to the entry)', hint: true, short: 'go' },
  { action: 'searchCancel', keys: ['escape'], when: 'search', label: 'cancel the search', hint: true, short: 'cancel' },
  { action: 'selectNext', keys: ['down'], when: 'search', label: 'next match' },
  { action: 'selectPrev', keys: ['up'], when: 'search', label: 'previous match' },
  { action: 'searchNext', keys: ['n'], when: 'found', label: 'next match (the chat: older)', hint: true, short: 'next match' },
  { action: 'searchPrev', keys: ['S-n'], when: 'found', label: 'previous match (the chat: newer)', hint: true, short: 'previous' },
  { action: 'searchCancel', keys: ['escape'], when: 'found', label: 'clear the search', hint: true, short: 'clear search' },
  { action: 'openOutput', keys: ['x', 'enter'], when: 'chat', label: "show the selected tool card's full result", hint: true, short: 'tool output' },
  { action: 'selectPrev', keys: ['['], when: 'chat', label: 'select the previous tool card' },
  { action: 'selectNext', keys: [']'], when: 'chat', label: 'select the next tool card' },
  { action: 'toggleThinking', keys: ['t'], when: 'chat', label: "show / hide the model's full thinking" },
  { action: 'treeToggle', keys: ['enter', 'space'], when: 'tree', label: 'open / close folder' },
  { action: 'selectPrev', keys: ['up', 'k'], when: 'tree', label: 'previous entry' },
  { action: 'selectNext', keys: ['down', 'j'], when: 'tree', label: 'next entry' },
  { action: 'selectPrev', keys: ['['], when: 'patches', label: 'previous patch' },
  { action: 'selectNext', keys: [']'], when: 'patches', label: 'next patch' },
  { action: 'diffWrap', keys: ['w'], when: 'patches', label: 'wrap long diff lines / scroll them sideways (remembered)' },
  { action: 'diffRight', keys: ['right'], when: 'patches', label: 'scroll the diff right (when not wrapping)' },
  { action: 'diffLeft', keys: ['left'], when: 'patches', label: 'scroll the diff left' },
  { action: 'focusInput', keys: ['i', 'enter'], when: 'panes', label: 'type a message', hint: true },
  { action: 'undo', keys: ['u'], when: 'panes', label: 'undo the last applied change', hint: true, short: 'undo' },
  {
    action: 'openChanges',
    keys: ['c'],
    when: 'panes',
    label: 'all changes of this session, with their diffs (undo / redo any one)',
    hint: true,
    short: 'changes',
  },
  { action: 'interrupt', keys: ['escape'], when: 'panes', label: 'interrupt the generation (as Ctrl-C does)' },
  { action: 'help', keys: ['?'], when: 'panes', label: 'help', hint: true },
  { action: 'quit', keys: ['q'], when: 'panes', label: 'quit (asks first while a turn runs or a change is pending)', hint: true, short: 'quit' },
  { action: 'scrollUp', keys: ['up', 'k'], when: 'panes', label: 'scroll up' },
  { action: 'scrollDown', keys: ['down', 'j'], when: 'panes', label: 'scroll down' },
  { action: 'pageUp', keys: ['pageup'], when: 'panes', label: 'page up' },
  { action: 'pageDown', keys: ['pagedown', 'space'], when: 'panes', label: 'page down' },
  { action: 'scrollTop', keys: ['home', 'g'], when: 'panes', label: 'to the top' },
  { action: 'scrollBottom', keys: ['end', 'S-g'], when: 'panes', label: 'to the end' },
  { action: 'search', keys: ['/'], when: 'panes', label: 'search the chat / filter the file tree as you type', hint: true, short: 'search' },
];

export const WHEN_LABEL: Record<When, string> = {
  approval: 'While a change or command awaits approval (not while you type in the input)',
  change: 'While a file change awaits approval',
  command: 'While a command awaits approval',
  output: 'In the tool output view',
  changes: 'In the changes view',
  sessions: 'In the session list (/sessions)',
  reason: 'While typing a rejection reason',
  search: 'While typing a search (after / in the chat or the file tree)',
  found: 'After a search, in its pane',
  help: 'In this help',
  slash: 'In the input, after /',
  mention: 'In the input, in an @file word',
  always: 'Anywhere',
  typing: 'Editing text (the input or a rejection reason)',
  input: 'In the input',
  chat: 'In the chat',
  tree: 'In the file tree',
  patches: 'In the patches pane',
  panes: 'Outside the input',
};

const WHEN_ORDER: When[] = [
  'reason',
  'search',
  'help',
  'output',
  'changes',
  'sessions',
  'approval',
  'change',
  'command',
  'slash',
  'mention',
  'always',
  'typing',
  'input',
  'found',
  'chat',
  'tree',
  'patches',
  'panes',
];

export type FocusId = 'input' | 'chat' | 'patches' | 'tree' | 'plan';

/** What the dispatcher needs to know about the screen to pick a binding. */
export interface KeyScope {
  focus: FocusId;
  /** A request awaits approval and its keys are live (false while the user writes in the input). */
  approval: boolean;
  /** What the pending request is: a file change (default) or a command. */
  request?: 'change' | 'command';
  /** The tool output view is open. */
  output?: boolean;
  /** The changes view is open. */
  changes?: boolean;
  /** The session list is open. */
  sessions?: boolean;
  reason: boolean;
  /** A search query is being typed. */
  search?: boolean;
  /** The focused pane shows an accepted search (n / N apply). */
  found?: boolean;
  help: boolean;
  /** The input starts with '/' (completion applies). */
  slash: boolean;
  /** The cursor ends an `@path` word (Tab completes the path). */
  mention?: boolean;
}

export function activeScopes(s: KeyScope): When[] {
  if (s.reason) return ['reason', 'always', 'typing'];
  if (s.search && !s.help && !s.output) return ['search', 'always', 'typing'];
  if (s.help) return ['help', 'always'];
  if (s.output) return ['output', 'always'];
  if (s.changes) return ['changes', 'always'];
  if (s.sessions) return ['sessions', 'always'];
  const out: When[] = [];
  if (s.approval) out.push('approval', s.request === 'command' ? 'command' : 'change');
  if (s.focus === 'input' && s.slash) out.push('slash');
  if (s.focus === 'input' && s.mention) out.push('mention');
  out.push('always');
  if (s.focus === 'input') out.push('typing', 'input');
  else {
    if (s.found) out.push('found');
    if (s.focus === 'chat' || s.focus === 'tree' || s.focus === 'patches') out.push(s.focus);
    out.push('panes');
  }
  return WHEN_ORDER.filter((w) => out.includes(w));
}

/** The action a key triggers in this scope, or undefined (then printable keys go to the input). */
export function actionFor(key: string, scope: KeyScope, table: readonly KeyBinding[] = KEYMAP): Action | undefined {
  for (const when of activeScopes(scope)) {
    const hit = table.find((b) => b.when === when && b.keys.includes(key));
    if (hit) return hit.action;
  }
  return undefined;
}

const KEY_NAMES: Record<string, string> = {
  enter: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  'S-tab': 'Shift-Tab',
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  home: 'Home',
  end: 'End',
  backspace: 'Backspace',
  delete: 'Del',
  pagedown: 'PgDn',
  space: 'Space',
  linefeed: 'Ctrl-J',
  'C-j': 'Ctrl-J',
  'C-left': 'Ctrl-←',
  'C-right': 'Ctrl-→',
  'M-left': 'Alt-←',
  'M-right': 'Alt-→',
  'M-backspace': 'Alt-Backspace',
};

export function keyLabel(key: string): string {
  if (KEY_NAMES[key]) return KEY_NAMES[key];
  if (/^S-[a-z]$/.test(key)) return key.slice(2).toUpperCase();
  if (key.startsWith('C-')) return `Ctrl-${key.slice(2).toUpperCase()}`;
  if (key.startsWith('M-')) return `Alt-${key.slice(2)}`;
  return key;
}

/** "y" / "↑ k" — the distinct display names of a binding's keys. */
export function keysLabel(b: KeyBinding): string {
  return [...new Set(b.keys.map(keyLabel))].join(' ');
}

/** Status-line hints for a scope: the first key of each hinted binding, most specific first. */
const hintMemo = new Map<string, { key: string; label: string }[]>();

export function hintsFor(scope: KeyScope, table: readonly KeyBinding[] = KEYMAP): { key: string; label: string }[] {
  const memoKey = `${scope.focus}|${scope.approval}|${scope.request}|${scope.output}|${scope.changes}|${scope.sessions}|${scope.reason}|${scope.help}|${scope.slash}|${scope.mention}|${scope.search}|${scope.found}`;
  if (table === KEYMAP) {
    const hit = hintMemo.get(memoKey);
    if (hit) return hit;
  }
  const out = buildHints(scope, table);
  if (table === KEYMAP) hintMemo.set(memoKey, out);
  return out;
}

function buildHints(scope: KeyScope, table: readonly KeyBinding[]): { key: string; label: string }[] {
  const seen = new Set<Action>();
  const out: { key: string; label: string }[] = [];
  // Most specific scope first, 'always' last: the status line is cut from the right.
  const scopes = activeScopes(scope);
  const ordered = [...scopes.filter((w) => w !== 'always'), ...scopes.filter((w) => w === 'always')];
  for (const when of ordered) {
    for (const b of table) {
      if (b.when !== when || !b.hint || seen.has(b.action)) continue;
      seen.add(b.action);
      out.push({ key: keyLabel(b.keys[0]), label: b.short ?? b.label });
    }
  }
  return out;
}
