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
import { routeKey } from './key-router';
import { scopeOf } from './status-view';
import { terminalName } from './terminal';
import { fixBlessedColors } from './blessed-fixes';
import { captureConsole } from './console-capture';

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
  /** Tests and the benchmark: called once the first frame is drawn, with handles to inspect. */
  onReady?: (probe: WorkbenchProbe) => void;
}

export interface WorkbenchProbe {
  store: Store;
  scheduler: RenderScheduler;
  tree: TreeSource;
  screen: blessed.Widgets.Screen;
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
  let state: UiState = initialState(opts.header, size);
  for (const e of opts.initialEvents ?? []) state = reduce(state, e);
  for (const n of opts.notices) state = reduce(state, { type: 'ui.notice', level: 'warn', text: n });
  const store = createStore(state);

  fixBlessedColors();
  // @types/blessed swaps the stream types of `input` and `output` in IScreenOptions.
  const streams = { input: opts.input ?? process.stdin, output } as unknown as Pick<blessed.Widgets.IScreenOptions, 'input' | 'output'>;
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
    const panes = createPanes(
      screen,
      theme,
      {
        onFocus: (focus) => store.dispatch({ type: 'ui.focus', focus }),
        onWheel: (pane, delta) => {
          const m = panes.metrics(pane);
          store.dispatch({ type: 'ui.scroll', pane, delta, max: m.lines - m.height });
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
      editText: (text) =>
        new Promise((resolve) => {
          screen.readEditor({ value: text, name: 'smallcode-edit' }, (err: unknown, data?: unknown) => {
            resolve(err || data === undefined ? null : String(data));
          });
        }),
    });

    const onKey = (ch: string | undefined, key: { full?: string } | undefined) => {
      const full = key?.full ?? ch ?? '';
      const s = store.get();
      const routed = routeKey(full, ch, scopeOf(s));
      if (s.quitArmed && !(routed && 'action' in routed && routed.action === 'cancel') && full !== 'return')
        store.dispatch({ type: 'ui.quitArm', armed: false });
      if (!routed) return;
      if ('action' in routed) commands.run(routed.action);
      else store.dispatch({ type: 'ui.input', edit: routed.edit });
    };
    screen.on('keypress', (ch, key) => {
      try {
        onKey(ch, key);
      } catch (err) {
        report(err);
      }
    });
    screen.on(
      'resize',
      safe(() => store.dispatch({ type: 'ui.resize', cols: Number(screen.width), rows: Number(screen.height) })),
    );
    screen.enableMouse();

    releaseConsole = captureConsole((level, text) => store.dispatch({ type: 'ui.notice', level, text }));
    const unsubscribe = opts.agent.subscribe((e) => {
      try {
        store.dispatch(e);
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
      releaseConsole();
      if (opts.agent.busy()) opts.agent.cancel();
      scheduler.dispose();
      void (tree ? tree.close() : Promise.resolve())
        .catch(() => undefined)
        .finally(() => {
          try {
            screen.destroy();
          } finally {
            finish(code);
          }
        });
    };

    store.dispatch({ type: 'ui.resize', cols: Number(screen.width) || size.cols, rows: Number(screen.height) || size.rows });
    scheduler.flush();
    // The file tree, its watcher (chokidar) and the plan reader load after the first frame.
    const { createTreeSource } = require('./tree-source') as typeof import('./tree-source');
    const { loadIgnoreRules } = require('../workspace/ignore-rules') as typeof import('../workspace/ignore-rules');
    tree = createTreeSource(opts.root, loadIgnoreRules(opts.root), store, report);
    opts.onReady?.({ store, scheduler, tree, screen });
  } catch (err) {
    releaseConsole();
    screen.destroy(); // never leave the terminal in raw mode / the alternate screen
    throw err;
  }
  return done;
}
