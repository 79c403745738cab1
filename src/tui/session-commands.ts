// The long-session actions behind the keymap and slash commands: the message queue and Esc, @file
// completion and attachment, the changes view's undo/redo, the session list and /export. Agent
// calls and store dispatches only, like commands.ts (which routes to these).
import type { CommandDeps } from './commands';
import { completeMention, mentionAt, mentionedPaths } from './file-mention';
import { attachmentAllowance } from './attachments';

type Notice = (level: 'info' | 'warn' | 'error', text: string) => void;
type Later = (p: Promise<unknown>, what: string) => Promise<unknown>;

export function createSessionCommands(d: CommandDeps, notice: Notice, later: Later) {
  const { agent, store } = d;
  const state = () => store.get();

  /** A message typed while a turn runs waits in the queue; each turn's end sends the next one. */
  function submit(text: string) {
    if (agent.busy() || state().queued.length) return store.dispatch({ type: 'ui.queue.add', text });
    startTurn(text);
  }
  /** Files named `@path` go with the message (read when it is sent, so a queued one sees the newest). */
  function startTurn(text: string) {
    const withFiles = mentionedPaths(text).length
      ? d.files.attach(text, attachmentAllowance(state().header.contextWindow)).then((a) => {
          for (const n of a.notes) notice(n.level, n.text);
          return a.text;
        })
      : Promise.resolve(text);
    void later(
      withFiles.then((message) => agent.submit(message)).then((outcome) => afterTurn(outcome.reason)),
      'the turn',
    );
  }
  function afterTurn(reason: string) {
    const queued = state().queued;
    if (!queued.length || agent.busy()) return;
    if (reason === 'cancelled') {
      // Interrupted on purpose: the queued words go back to the input instead of starting a turn.
      for (let i = 0; i < queued.length; i++) store.dispatch({ type: 'ui.queue.take' });
      if (!state().input.text) store.dispatch({ type: 'ui.input', edit: { op: 'insert', text: queued.join('\n\n') } });
      return notice('info', `interrupted — ${queued.length === 1 ? 'the queued message is' : `${queued.length} queued messages are`} back in the input`);
    }
    store.dispatch({ type: 'ui.queue.take' });
    startTurn(queued[0]);
  }

  const changesRefresh = () =>
    later(
      agent.changes().then((list) => store.dispatch({ type: 'ui.changes.list', list })),
      'the changes view',
    );
  const sessionNote = (text: string) => store.dispatch({ type: 'ui.sessions.note', text });
  const chosenSession = () => {
    const v = state().sessions;
    return v?.list[v.selected];
  };

  return {
    submit,
    interrupt() {
      if (!agent.busy()) return;
      agent.cancel();
      notice('info', 'interrupting the generation…');
    },
    completePath() {
      const input = state().input;
      const m = mentionAt(input.text, input.cursor);
      if (!m) return;
      const candidates = d.files.candidates(m.query);
      if (!candidates.length) return notice('info', `no workspace path starts with ${m.query || '(nothing yet)'}`);
      const next = completeMention(input, m, candidates);
      const grown = next.text !== input.text;
      store.dispatch({ type: 'ui.input.set', input: next, choices: candidates.length > 1 && !grown ? candidates : [] });
    },
    openChanges() {
      store.dispatch({ type: 'ui.changes.open', open: true });
      void changesRefresh();
    },
    changeAct(redo: boolean) {
      const v = state().changes;
      const c = v?.list[v.selected];
      if (!c) return;
      if (!redo && c.state === 'undone') return notice('info', `change #${c.id} is already undone — r redoes it`);
      if (redo && c.state === 'applied') return notice('info', `change #${c.id} is applied — u undoes it`);
      void later(
        (redo ? agent.redoChange(c.id) : agent.undoChange(c.id)).then((r) => {
          // The refusal is said in the view itself: the chat with the agent's notice is behind it.
          if (!r.ok) store.dispatch({ type: 'ui.changes.note', text: r.reason });
          return changesRefresh();
        }),
        redo ? 'redo' : 'undo',
      );
    },
    changesPage(dir: 1 | -1) {
      const m = d.metrics('changes');
      store.dispatch({ type: 'ui.changes.scroll', delta: dir * Math.max(1, m.height - 1), max: m.lines - m.height });
    },
    openSessions() {
      store.dispatch({ type: 'ui.sessions.open', open: true });
      void later(
        d.sessions.list().then((list) => store.dispatch({ type: 'ui.sessions.list', list })),
        '/sessions',
      );
    },
    exportCurrent(arg: string) {
      const id = state().sessionId;
      if (!id) return notice('warn', 'this session has no log yet (send a message first), so there is nothing to export');
      void later(
        d.sessions.export(id, arg || undefined).then((r) => notice(r.ok ? 'info' : 'warn', r.ok ? `session exported to ${r.rel}` : `/export: ${r.reason}`)),
        '/export',
      );
    },
    exportSelected() {
      const chosen = chosenSession();
      if (!chosen) return;
      void later(
        d.sessions.export(chosen.id).then((r) => sessionNote(r.ok ? `exported to ${r.rel} (${r.bytes} bytes)` : `not exported: ${r.reason}`)),
        'export',
      );
    },
    resumeSelected() {
      const chosen = chosenSession();
      if (!chosen) return;
      if (chosen.id === state().sessionId) return sessionNote('that is the session you are in — Esc goes back to it');
      if (agent.busy()) return sessionNote('a turn is running — let it end or interrupt it (Esc) before switching sessions');
      if (!d.sessions.resume(chosen.id)) sessionNote(`resume it with: smallcode tui --resume ${chosen.id}`);
    },
  };
}
