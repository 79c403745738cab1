// The workbench entry point: wiring only. Theme → store (replaying events) → panes, keys, the
// tree/plan data source and the agent subscription; one render scheduler draws. Always restores
// the terminal and resolves with the exit code.
import type blessed from 'blessed';
import { createScreen } from './blessed-lite';
import type { AgentEvent } from '../agent/events';
import type { AgentHandle } from '../agent/types';
import { loadTheme } from './theme';
import { createStore, reduce, type Store } from './store';
import { initialState, type UiState } from './state';
import { createPanes } from './panes';
import { createRenderScheduler, type RenderScheduler } from './render-scheduler';
import { createCommands } from './commands';
import type { TreeSource } from './tree-source';
import { intakeScope } from './status-view';
import { createKeyIntake, type KeyPress } from './key-intake';
import { InputProxy } from './input-proxy';
import { PASTE_OFF, PASTE_ON } from './paste-filter';
import { terminalName } from './terminal';
import { fixBlessedColors, fixBlessedWidths } from './blessed-fixes';
import { captureConsole } from './console-capture';
import { loadPrefs, prefsFile, savePrefs } from './ui-prefs';
import { editInEditor } from './editor';
import { appendHistory, historyFileNear, loadHistory } from './input-history';
import { emptyInput } from './input-editor';
import { FOCUS_OFF, FOCUS_ON, notificationBytes, notificationFor } from './notify';

export interface WorkbenchOptions {
  agent: AgentHandle;
  root: string;
  theme?: string;
  header: { server: string; model: string; contextWindow: number };
  notices: string[];
  initialEvents?: AgentEvent[];
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  terminal?: string;
  /** Time for the key intake's "typed on its own" rule (tests drive it by hand). */
  clock?: Clock;
  /** Where remembered UI choices live (default: the user's state folder, see ui-prefs.ts). */
  prefsFile?: string;
  /** Where the input history is kept across restarts (default: input-history.json beside the prefs). */
  historyFile?: string;
  /** The environment $VISUAL/$EDITOR come from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** This session's id (the session list marks it; /export writes it). */
  sessionId?: string;
  /** Resume another session: the workbench ends and the caller opens it (undefined: not offered). */
  onResume?: (id: string) => void;
  /** Bell + desktop notification when the user looked away (SMALLCODE_NOTIFY=off: false). Default on. */
  notify?: boolean;
  /** Tests and the benchmark: called once the first frame is drawn, with handles to inspect. */
  onReady?: (probe: WorkbenchProbe) => void;
}

export interface Clock {
  now(): number;
  later(fn: () => void, ms: number): () => void;
}

const realClock: Clock = {
  now: () => performance.now(),
  later: (fn, ms) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

export interface WorkbenchProbe {
  store: Store;
  scheduler: RenderScheduler;
  tree: TreeSource;
  screen: blessed.Widgets.Screen;
  /** Ends the workbench as /quit does. */
  quit(code?: number): void;
}

const oneLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];

export async function startWorkbench(opts: WorkbenchOptions): Promise<number> {
  const themed = loadTheme(opts.theme);
  if (!themed.ok) {
    process.stderr.write(`smallcode: ${themed.error}\n`);
    return 2;
  }
  const theme = themed.theme;
  const output = opts.output ?? process.stdout;
  const size = { cols: (output as { columns?: number }).columns ?? 80, rows: (output as { rows?: number }).rows ?? 24 };
  const prefsPath = opts.prefsFile ?? prefsFile(opts.env);
  const prefs = loadPrefs(prefsPath);
  const historyPath = opts.historyFile ?? historyFileNear(prefsPath);
  let state: UiState = { ...initialState(opts.header, size), diffWrap: prefs.diffWrap, input: emptyInput(loadHistory(historyPath)), sessionId: opts.sessionId };
  for (const e of opts.initialEvents ?? []) state = reduce(state, e);
  for (const n of opts.notices) state = reduce(state, { type: 'ui.notice', level: 'warn', text: n });
  const store = createStore(state);

  fixBlessedColors();
  fixBlessedWidths();
  // Keys of one terminal read are collected, then judged together (see key-intake.ts).
  let read: KeyPress[] | null = null;
  // Where the user's attention is, for notifications (notify.ts).
  const clock = opts.clock ?? realClock;
  const attention = { focusReported: false, focused: true, lastKeyAt: clock.now() };
  const intakeRef: { chunk(keys: KeyPress[]): void; paste(text: string): void } = { chunk: () => undefined, paste: () => undefined };
  const input = new InputProxy((opts.input ?? process.stdin) as NodeJS.ReadableStream, {
    readStart: () => {
      read = [];
    },
    readEnd: () => {
      const keys = read ?? [];
      read = null;
      if (keys.length) intakeRef.chunk(keys);
    },
    paste: (text) => intakeRef.paste(text),
    focus: (focused) => {
      attention.focusReported = true;
      attention.focused = focused;
    },
  });
  // @types/blessed swaps the stream types of `input` and `output` in IScreenOptions.
  const streams = { input, output } as unknown as Pick<blessed.Widgets.IScreenOptions, 'input' | 'output'>;
  const screen = createScreen({
    ...streams,
    terminal: opts.terminal ?? terminalName(process.env.TERM),
    fullUnicode: true,
    smartCSR: true,
    warnings: false,
    autoPadding: false,
    title: 'smallcode',
    dockBorders: false,
  });
  let finish: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (finish = resolve));
  let releaseConsole: () => void = () => undefined;
  try {
    const report = (err: unknown) => store.dispatch({ type: 'ui.notice', level: 'error', text: `internal error: ${oneLine(err)}` });
    const safe =
      (fn: (...args: never[]) => void) =>
      (...args: never[]) => {
        try {
          fn(...args);
        } catch (err) {
          report(err);
        }
      };

    const commandsRef: { quit: (code: number) => void } = { quit: () => undefined };
    let rules: import('../workspace/ignore-rules').IgnoreRules | undefined;
    const ignoreRules = () => {
      const { loadIgnoreRules } = require('../workspace/ignore-rules') as typeof import('../workspace/ignore-rules');
      rules ??= loadIgnoreRules(opts.root);
      return rules;
    };
    const panes = createPanes(
      screen,
      theme,
      {
        onFocus: (focus) => store.dispatch({ type: 'ui.focus', focus }),
        onWheel: (pane, delta) => {
          const m = panes.metrics(pane);
          store.dispatch({ type: 'ui.scroll', pane, delta, max: m.lines - m.height, from: m.offset });
        },
      },
      safe,
    );
    const scheduler = createRenderScheduler(
      () => {
        panes.sync(store.get());
        screen.render();
      },
      undefined,
      report,
    );
    store.subscribe(() => scheduler.request());

    const commands = createCommands({
      agent: opts.agent,
      store,
      metrics: panes.metrics,
      quit: (code) => commandsRef.quit(code),
      editText: async (text, name) => {
        output.write(PASTE_OFF);
        try {
          return await editInEditor(screen, text, name, opts.env);
        } catch (err) {
          return { ok: false, message: `the change could not be opened in the editor: ${oneLine(err)}` };
        } finally {
          output.write(PASTE_ON);
        }
      },
      sessions: {
        list: () => (require('../session/session-summary') as typeof import('../session/session-summary')).recentSessions(opts.root),
        export: (id, rel) => (require('../session/session-export') as typeof import('../session/session-export')).exportSession(opts.root, id, rel),
        resume: (id) => {
          if (!opts.onResume) return false;
          opts.onResume(id);
          commandsRef.quit(0);
          return true;
        },
      },
      files: {
        candidates: (query) => {
          const { pathCandidates } = require('./attachments') as typeof import('./attachments');
          return pathCandidates(opts.root, ignoreRules(), query);
        },
        attach: (message, allowance) => {
          const { attachMentioned } = require('./attachments') as typeof import('./attachments');
          return attachMentioned(opts.root, message, allowance);
        },
      },
      rememberWrap: (wrap) => {
        savePrefs(prefsPath, { ...prefs, diffWrap: wrap }).catch((err) =>
          store.dispatch({ type: 'ui.notice', level: 'warn', text: `could not remember the wrap choice in ${prefsPath}: ${oneLine(err)}` }),
        );
      },
    });

    // Every sent message is saved at once (atomically, one write at a time): a crash loses none.
    let savedHistory = store.get().input.history;
    let saving: Promise<void> = Promise.resolve();
    let historyWarned = false;
    store.subscribe((st) => {
      if (st.input.history === savedHistory) return;
      savedHistory = st.input.history;
      const sent = savedHistory[savedHistory.length - 1];
      if (sent === undefined) return;
      saving = saving
        .then(() => appendHistory(historyPath, sent))
        .catch((err) => {
          if (historyWarned) return;
          historyWarned = true;
          store.dispatch({ type: 'ui.notice', level: 'warn', text: `could not keep the input history in ${historyPath}: ${oneLine(err)}` });
        });
    });

    let shown: { id: string | null; at: number } = { id: null, at: 0 };
    store.subscribe((st) => {
      const id = st.approvals[0]?.id ?? null;
      if (id !== shown.id) shown = { id, at: clock.now() };
    });
    const intake = createKeyIntake({
      scope: () => intakeScope(store.get()),
      requestShownAt: () => shown.at,
      now: () => clock.now(),
      later: (fn, ms) =>
        clock.later(() => {
          try {
            fn();
          } catch (err) {
            report(err);
          }
        }, ms),
      act: (action) => commands.run(action),
      edit: (op) => store.dispatch({ type: 'ui.input', edit: op }),
      text: (text) => {
        const st = store.get();
        if (!st.reason && !st.search?.typing && st.focus !== 'input') store.dispatch({ type: 'ui.focus', focus: 'input' });
        store.dispatch({ type: 'ui.input', edit: { op: 'insert', text } });
      },
      seen: (action) => {
        const armed = store.get().quitArmed;
        if (armed && !(armed === 'ctrl-c' && action === 'cancel') && !(armed === 'q' && action === 'quit'))
          store.dispatch({ type: 'ui.quitArm', armed: false });
      },
    });
    intakeRef.chunk = (keys) => {
      try {
        intake.chunk(keys);
      } catch (err) {
        report(err);
      }
    };
    intakeRef.paste = (text) => {
      try {
        intake.paste(text);
      } catch (err) {
        report(err);
      }
    };
    screen.on('keypress', (ch: string | undefined, key: { full?: string } | undefined) => {
      attention.lastKeyAt = clock.now();
      const k = { full: key?.full ?? ch ?? '', ch };
      if (read) read.push(k);
      else intakeRef.chunk([k]);
    });
    screen.on(
      'resize',
      safe(() => store.dispatch({ type: 'ui.resize', cols: Number(screen.width), rows: Number(screen.height) })),
    );
    screen.enableMouse();
    output.write(PASTE_ON + FOCUS_ON);

    releaseConsole = captureConsole((level, text) => store.dispatch({ type: 'ui.notice', level, text }));
    // The status line's clock (turn time, live tok/s): stamped when a turn or a reply starts,
    // then ticked once a second while a turn runs.
    let ticking: (() => void) | null = null;
    const tick = () => {
      ticking = null;
      store.dispatch({ type: 'ui.clock', now: clock.now() });
      if (store.get().busy) ticking = clock.later(tick, 1000);
    };
    const unsubscribe = opts.agent.subscribe((e) => {
      try {
        store.dispatch(e);
        // Only an approval or a turn's end may notify: nothing to work out for each streamed token.
        if (opts.notify !== false && (e.type === 'approval.needed' || e.type === 'turn.end')) {
          const n = notificationFor(e, { ...attention, idleMs: clock.now() - attention.lastKeyAt });
          if (n) output.write(notificationBytes(n));
        }
        const t = store.get().totals;
        if (e.type === 'turn.start' || (e.type === 'model.delta' && t.streamStartedAt === undefined)) {
          ticking?.();
          tick();
        }
      } catch (err) {
        report(err);
      }
    });

    let tree: TreeSource | undefined;
    let quitting = false;
    commandsRef.quit = (code) => {
      if (quitting) return;
      quitting = true;
      unsubscribe();
      ticking?.();
      releaseConsole();
      intake.dispose();
      if (opts.agent.busy()) opts.agent.cancel();
      scheduler.dispose();
      void (tree ? tree.close() : Promise.resolve())
        .catch(() => undefined)
        .finally(() => {
          try {
            output.write(PASTE_OFF + FOCUS_OFF);
            screen.destroy();
          } finally {
            input.detach();
            finish(code);
          }
        });
    };

    store.dispatch({ type: 'ui.resize', cols: Number(screen.width) || size.cols, rows: Number(screen.height) || size.rows });
    scheduler.flush();
    // The file tree, its watcher (chokidar) and the plan reader load after the first frame.
    const { createTreeSource } = require('./tree-source') as typeof import('./tree-source');
    // One set of ignore rules for the tree and @file completion: a .gitignore the tree reloads counts for both.
    tree = createTreeSource(opts.root, ignoreRules(), store, report);
    opts.onReady?.({ store, scheduler, tree, screen, quit: (code = 0) => commandsRef.quit(code) });
  } catch (err) {
    releaseConsole();
    input.detach();
    output.write(PASTE_OFF + FOCUS_OFF);
    screen.destroy(); // never leave the terminal in raw mode / the alternate screen
    throw err;
  }
  return done;
}
