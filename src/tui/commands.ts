// What each keymap action and slash command does: the UI's only calls into the agent
// (resolve, submit, cancel, undo, …) plus store dispatches. No widget is touched here.
import { assertNever } from '../util/assert-never';
import type { AgentHandle } from '../agent/types';
import type { Action } from './keymap';
import type { Store } from './store';
import type { MetricsPane, PaneMetrics } from './panes';
import type { ScrollPane } from './state';
import { parseSlash, wantsContinuation } from './input-editor';
import { treeRows } from './tree-rows';
import { selectedToolId } from './store';
import { quitReason } from './status-view';
import { checksLines, rulesLines } from './project-lines';
import { mcpLines } from './mcp-view';
import type { SessionInfo } from '../session/session-summary';
import type { ExportResult } from '../session/session-export';
import { createSessionCommands } from './session-commands';

export interface CommandDeps {
  agent: AgentHandle;
  store: Store;
  quit(code: number): void;
  /** Opens $EDITOR on the text; resolves with the edited text, or null when cancelled/failed. */
  editText(text: string, path: string): Promise<EditOutcome>;
  metrics(pane: MetricsPane): PaneMetrics;
  /** Remembers the diff wrap choice across sessions. */
  rememberWrap(wrap: boolean): void;
  /** Past sessions: the picker's list, /export, and resuming one (the workbench restarts on it). */
  sessions: {
    list(): Promise<SessionInfo[]>;
    export(id: string, rel?: string): Promise<ExportResult>;
    /** Ends this workbench and opens the session `id` (false: this front end cannot). */
    resume(id: string): boolean;
  };
  /** `@path` in the input: workspace paths to complete with, and the mentioned files attached. */
  files: {
    candidates(query: string): string[];
    attach(message: string, allowance: number): Promise<{ text: string; notes: { level: 'info' | 'warn'; text: string }[] }>;
  };
}

/** What came back from $EDITOR: the new text, or why there is none (one line, naming the command). */
export type EditOutcome = { ok: true; text: string } | { ok: false; message: string };

export interface Commands {
  run(action: Action): void;
  submit(text: string): void;
}

const errText = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];

export function createCommands(d: CommandDeps): Commands {
  const { agent, store } = d;
  const state = () => store.get();
  const notice = (level: 'info' | 'warn' | 'error', text: string) => store.dispatch({ type: 'ui.notice', level, text });
  const later = (p: Promise<unknown>, what: string) => p.catch((err) => notice('error', `${what} failed: ${errText(err)}`));
  const current = () => state().approvals[0];
  const long = createSessionCommands(d, notice, later);

  const scroll = (delta: number, page = false) => {
    const s = state();
    const pane: ScrollPane = s.focus === 'input' ? s.tab : s.focus;
    const m = d.metrics(pane);
    // The tree scrolls by its selection (the view follows the selected row).
    if (pane === 'tree') return store.dispatch({ type: 'ui.tree.select', delta: page ? delta * Math.max(1, m.height - 1) : delta });
    // From the offset as drawn: after a jump to a search match, PgUp pages up from the match.
    store.dispatch({ type: 'ui.scroll', pane, delta: page ? delta * Math.max(1, m.height - 1) : delta, max: m.lines - m.height, from: m.offset });
  };

  const edit = () => {
    const req = current();
    if (!req?.proposal) return notice('info', 'only file changes can be edited; use y or n for this request');
    const id = req.id;
    const p = req.proposal;
    void d.editText(p.after, p.path).then((r) => {
      if (!r.ok) return notice('warn', `${r.message} — the change still awaits y or n`);
      if (r.text === p.after) return notice('info', 'the change was not edited (the file was saved unchanged); it still awaits y or n');
      if (current()?.id === id) agent.resolve(id, 'once', undefined, r.text);
    });
  };

  /** Diff scrolling in the dialog: by lines or by a page of what the dialog shows. */
  const diffScroll = (lines: number, page = false) => {
    const m = d.metrics('dialog');
    const delta = page ? lines * Math.max(1, m.height - 1) : lines;
    store.dispatch({ type: 'ui.diffScroll', delta, max: m.lines - m.height });
  };
  const outputScroll = (delta: number, page = false) => {
    const m = d.metrics('output');
    store.dispatch({ type: 'ui.tool.scroll', delta: page ? delta * Math.max(1, m.height - 1) : delta, max: m.lines - m.height });
  };
  const sideways = (dir: 1 | -1) => {
    const s = state();
    if (s.diffWrap) return;
    const w = s.focus === 'patches' && !s.approvals.length ? d.metrics('patches') : d.metrics('dialog');
    store.dispatch({ type: 'ui.diffCol', delta: dir * Math.max(8, Math.floor((w.width ?? 40) / 2)), max: w.maxCol ?? 0 });
  };

  const slash = (text: string) => {
    const p = parseSlash(text)!;
    switch (p.command) {
      case '/help':
        return store.dispatch({ type: 'ui.help', open: true });
      case '/model': {
        if (p.arg) {
          const switching = !agent.busy();
          agent.setModel(p.arg); // the agent says whether it switched
          if (switching) store.dispatch({ type: 'ui.model', model: p.arg.trim() });
          return;
        }
        const h = state().header;
        return notice('info', `server ${h.server} · model ${h.model} · context window ${h.contextWindow} tokens (/model NAME switches)`);
      }
      case '/compact':
        return void later(agent.compact(), '/compact');
      case '/clear':
        store.dispatch({ type: 'ui.clearChat' });
        return agent.clear();
      case '/undo': {
        const n = p.arg ? Number.parseInt(p.arg, 10) : 1;
        if (!Number.isFinite(n) || n < 1) return notice('warn', `/undo takes a count, e.g. /undo 2 (got "${p.arg}")`);
        return void later(agent.undo(n), '/undo');
      }
      case '/changes':
        return run('openChanges');
      case '/sessions':
        return long.openSessions();
      case '/export':
        return long.exportCurrent(p.arg);
      case '/plan':
        return store.dispatch({ type: 'ui.focus', focus: 'plan' });
      case '/escalate':
        return agent.escalate();
      case '/rules':
        for (const line of rulesLines(agent)) notice('info', line);
        return;
      case '/checks':
        for (const line of checksLines(agent)) notice('info', line);
        return;
      case '/check':
        return void later(agent.runChecks(), '/check');
      case '/mcp': {
        const mcp = agent.mcp;
        const [verb, ...names] = (p.arg ?? '').trim().split(/\s+/).filter(Boolean);
        if (!mcp || !verb) {
          for (const line of mcpLines(mcp?.servers() ?? [])) notice('info', line);
          return;
        }
        if (verb === 'approve')
          return void later(
            mcp.approve(names).then((m) => notice('info', `/mcp approve: ${m}`)),
            '/mcp approve',
          );
        if (verb === 'restart' && names.length === 1)
          return void later(
            mcp.restart(names[0]).then((m) => notice('info', `/mcp restart: ${m}`)),
            '/mcp restart',
          );
        return notice('warn', `/mcp takes nothing, "approve [NAME…]" or "restart NAME" (got "${p.arg}")`);
      }
      case '/quit':
        return d.quit(0);
      case null:
        return notice('warn', `unknown command ${p.word} — /help lists the commands`);
    }
  };

  function submit(text: string) {
    if (text.trim().startsWith('/')) return slash(text);
    long.submit(text);
  }

  function run(action: Action): void {
    const s = state();
    switch (action) {
      case 'approve': {
        const r = current();
        if (r) agent.resolve(r.id, 'once');
        return;
      }
      case 'approveTurn': {
        // File changes only: a command is never approved wholesale.
        const r = current();
        if (r && !r.command && !r.external) agent.resolve(r.id, 'always');
        return;
      }
      case 'allowCommand': {
        // The agent reads 'always' on a command as "allow this exact command line for the session"
        // (on an MCP tool: that tool, for the session).
        const r = current();
        if (r?.command || r?.external) agent.resolve(r.id, 'always');
        return;
      }
      case 'reject':
        return store.dispatch({ type: 'ui.reason', open: true });
      case 'rejectSend': {
        const r = current();
        const why = s.reason?.text.trim();
        store.dispatch({ type: 'ui.reason', open: false });
        if (r) agent.resolve(r.id, 'reject', why || undefined);
        return;
      }
      case 'rejectBack':
        return store.dispatch({ type: 'ui.reason', open: false });
      case 'edit':
        return edit();
      case 'toggleDiff':
        return store.dispatch({ type: 'ui.toggleDiff' });
      case 'diffDown':
        return diffScroll(1);
      case 'diffUp':
        return diffScroll(-1);
      case 'diffPageDown':
        return diffScroll(1, true);
      case 'diffPageUp':
        return diffScroll(-1, true);
      case 'diffRight':
        return sideways(1);
      case 'diffLeft':
        return sideways(-1);
      case 'diffWrap':
        store.dispatch({ type: 'ui.diffWrap', wrap: !s.diffWrap });
        return d.rememberWrap(!s.diffWrap);
      case 'closeOutput':
        return store.dispatch({ type: 'ui.tool.view', id: null });
      case 'outputDown':
        return outputScroll(1);
      case 'outputUp':
        return outputScroll(-1);
      case 'outputPageDown':
        return outputScroll(1, true);
      case 'outputPageUp':
        return outputScroll(-1, true);
      case 'outputTop':
        return outputScroll(-Number.MAX_SAFE_INTEGER);
      case 'outputBottom':
        return outputScroll(Number.MAX_SAFE_INTEGER);
      case 'openOutput': {
        const id = selectedToolId(s);
        if (id === null) return store.dispatch({ type: 'ui.focus', focus: 'input' });
        return store.dispatch({ type: 'ui.tool.view', id });
      }
      case 'toggleThinking':
        return store.dispatch({ type: 'ui.toggleThinking' });
      case 'closeHelp':
        return store.dispatch({ type: 'ui.help', open: false });
      case 'helpDown':
      case 'helpUp': {
        const m = d.metrics('help');
        return store.dispatch({ type: 'ui.helpScroll', delta: (action === 'helpDown' ? 1 : -1) * Math.max(1, m.height - 2), max: m.lines - m.height });
      }
      case 'help':
        return store.dispatch({ type: 'ui.help', open: true });
      case 'complete':
        return store.dispatch({ type: 'ui.input', edit: { op: 'complete' } });
      case 'cancel':
        if (s.quitArmed === 'ctrl-c') return d.quit(0);
        if (agent.busy()) {
          agent.cancel();
          notice('info', 'cancelling the generation… (Ctrl-C again quits)');
        } else if (s.input.text) store.dispatch({ type: 'ui.input', edit: { op: 'clear' } });
        return store.dispatch({ type: 'ui.quitArm', armed: 'ctrl-c' });
      case 'focusNext':
        return store.dispatch({ type: 'ui.focusCycle', dir: 1 });
      case 'focusPrev':
        return store.dispatch({ type: 'ui.focusCycle', dir: -1 });
      case 'send': {
        if (wantsContinuation(s.input)) {
          store.dispatch({ type: 'ui.input', edit: { op: 'backspace' } });
          return store.dispatch({ type: 'ui.input', edit: { op: 'newline' } });
        }
        const text = s.input.text;
        if (!text.trim()) return;
        store.dispatch({ type: 'ui.input', edit: { op: 'commit' } });
        return submit(text);
      }
      case 'newline':
        return store.dispatch({ type: 'ui.input', edit: { op: 'newline' } });
      case 'historyPrev':
        return store.dispatch({ type: 'ui.input', edit: { op: 'historyPrev' } });
      case 'historyNext':
        return store.dispatch({ type: 'ui.input', edit: { op: 'historyNext' } });
      case 'leaveInput':
        // With a request pending, leaving the input means "I am answering now": its keys act at once.
        if (s.approvals.length) return store.dispatch({ type: 'ui.dialogFocus', focused: true });
        // While the model works Esc also interrupts it (as Ctrl-C does), and still leaves the input.
        long.interrupt();
        return store.dispatch({ type: 'ui.focus', focus: s.tab });
      case 'interrupt':
        // With a dialog up, Esc keeps its meaning: it moves to the dialog, never cancels the turn.
        if (s.approvals.length) return store.dispatch({ type: 'ui.dialogFocus', focused: true });
        return long.interrupt();
      case 'completePath':
        return long.completePath();
      case 'closeSessions':
        return store.dispatch({ type: 'ui.sessions.open', open: false });
      case 'exportSession':
        return long.exportSelected();
      case 'resumeSession':
        return long.resumeSelected();
      case 'openChanges':
        return long.openChanges();
      case 'closeChanges':
        return store.dispatch({ type: 'ui.changes.open', open: false });
      case 'changeUndo':
        return long.changeAct(false);
      case 'changeRedo':
        return long.changeAct(true);
      case 'changesPageDown':
        return long.changesPage(1);
      case 'changesPageUp':
        return long.changesPage(-1);
      case 'focusInput':
        return store.dispatch({ type: 'ui.focus', focus: 'input' });
      case 'undo':
        return void later(agent.undo(1), 'undo');
      case 'quit':
        if (s.quitArmed === 'q' || quitReason(s) === null) return d.quit(0);
        return store.dispatch({ type: 'ui.quitArm', armed: 'q' });
      case 'scrollUp':
        return scroll(-1);
      case 'scrollDown':
        return scroll(1);
      case 'pageUp':
        return scroll(-1, true);
      case 'pageDown':
        return scroll(1, true);
      case 'cursorLeft':
        return store.dispatch({ type: 'ui.input', edit: { op: 'left' } });
      case 'cursorRight':
        return store.dispatch({ type: 'ui.input', edit: { op: 'right' } });
      case 'lineStart':
        return store.dispatch({ type: 'ui.input', edit: { op: 'home' } });
      case 'lineEnd':
        return store.dispatch({ type: 'ui.input', edit: { op: 'end' } });
      case 'deleteBack':
        return store.dispatch({ type: 'ui.input', edit: { op: 'backspace' } });
      case 'deleteForward':
        return store.dispatch({ type: 'ui.input', edit: { op: 'delete' } });
      case 'clearInput':
        return store.dispatch({ type: 'ui.input', edit: { op: 'killToStart' } });
      case 'killToEnd':
        return store.dispatch({ type: 'ui.input', edit: { op: 'killToEnd' } });
      case 'deleteWordBack':
        return store.dispatch({ type: 'ui.input', edit: { op: 'deleteWordBack' } });
      case 'wordLeft':
        return store.dispatch({ type: 'ui.input', edit: { op: 'wordLeft' } });
      case 'wordRight':
        return store.dispatch({ type: 'ui.input', edit: { op: 'wordRight' } });
      case 'scrollTop':
        return scroll(-Number.MAX_SAFE_INTEGER);
      case 'scrollBottom':
        return scroll(Number.MAX_SAFE_INTEGER);
      case 'search': {
        const pane = s.focus === 'input' ? s.tab : s.focus;
        if (pane !== 'chat' && pane !== 'tree') return notice('info', '/ searches in the chat or the file tree: focus one of them first (Tab)');
        return store.dispatch({ type: 'ui.search.open', pane });
      }
      case 'searchDone':
        return store.dispatch({ type: 'ui.search.done' });
      case 'searchCancel':
        return store.dispatch({ type: 'ui.search.cancel' });
      case 'searchNext':
        return store.dispatch({ type: 'ui.search.step', dir: 1 });
      case 'searchPrev':
        return store.dispatch({ type: 'ui.search.step', dir: -1 });
      case 'treeToggle': {
        const row = treeRows(s.tree)[s.tree.selected];
        if (row?.dir) store.dispatch({ type: 'ui.tree.toggle', rel: row.rel });
        return;
      }
      case 'selectPrev':
      case 'selectNext': {
        const delta = action === 'selectNext' ? 1 : -1;
        // ↑/↓ while a chat search is typed: the newer / older match.
        if (s.search?.typing && s.search.pane === 'chat') return store.dispatch({ type: 'ui.search.step', dir: delta === 1 ? -1 : 1 });
        if (s.search?.typing) return store.dispatch({ type: 'ui.tree.select', delta });
        if (s.changes) return store.dispatch({ type: 'ui.changes.select', delta });
        if (s.sessions) return store.dispatch({ type: 'ui.sessions.select', delta });
        if (s.focus === 'chat') return store.dispatch({ type: 'ui.tool.select', delta });
        return store.dispatch(s.focus === 'tree' ? { type: 'ui.tree.select', delta } : { type: 'ui.patch.select', delta });
      }
      default:
        return assertNever(action);
    }
  }
  return { run, submit };
}
