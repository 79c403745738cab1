// Test support for the workbench: a fake TTY pair rendered into @xterm/headless, and a small
// AgentHandle that emits scripted events and records every call (the UI's only boundary).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { Terminal } from '@xterm/headless';
import type { AgentEvent, ApprovalDecision } from '../../src/agent/events';
import type { AgentHandle, ChangeActionResult, ChangeRecord, ChecksInfo, RulesInfo, TurnOutcome } from '../../src/agent/types';
import type { Proposal, UndoResult } from '../../src/patch/types';
import { startWorkbench, type Clock, type WorkbenchProbe } from '../../src/tui/app';
import { QUIET_MS } from '../../src/tui/key-intake';

/** A clock that moves only when a test says so: the "typed on its own" rule without waiting. */
export class ManualClock implements Clock {
  private t = 1_000_000;
  private timers: { at: number; fn: () => void }[] = [];
  now(): number {
    return this.t;
  }
  later(fn: () => void, ms: number): () => void {
    const timer = { at: this.t + ms, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((x) => x !== timer);
    };
  }
  advance(ms: number): void {
    this.t += ms;
    const due = this.timers.filter((x) => x.at <= this.t);
    this.timers = this.timers.filter((x) => x.at > this.t);
    for (const x of due) x.fn();
  }
}

export class TestAgent implements AgentHandle {
  readonly submitted: string[] = [];
  readonly resolved: { id: string; decision: ApprovalDecision; feedback?: string; edited?: string }[] = [];
  cancels = 0;
  undos: number[] = [];
  cleared = 0;
  compacts = 0;
  escalations = 0;
  isBusy = false;
  private subs = new Set<(e: AgentEvent) => void>();
  /** Called on submit; default: a turn that starts and ends with "ok". */
  onSubmit: (text: string, agent: TestAgent) => Promise<TurnOutcome> = async (text, a) => {
    a.emit({ type: 'turn.start', turn: 1, text });
    a.emit({ type: 'turn.end', reason: 'done', text: 'ok', steps: 1 });
    return { reason: 'done', text: 'ok', steps: 1 };
  };

  emit(e: AgentEvent): void {
    for (const fn of this.subs) fn(e);
  }
  subscribe(fn: (e: AgentEvent) => void): () => void {
    this.subs.add(fn);
    return () => this.subs.delete(fn);
  }
  listeners(): number {
    return this.subs.size;
  }
  submit(text: string): Promise<TurnOutcome> {
    this.submitted.push(text);
    return this.onSubmit(text, this);
  }
  resolve(id: string, decision: ApprovalDecision, feedback?: string, edited?: string): void {
    this.resolved.push({ id, decision, feedback, edited });
  }
  cancel(): void {
    this.cancels++;
  }
  async undo(n = 1): Promise<UndoResult> {
    this.undos.push(n);
    this.emit({ type: 'patch.undone', paths: ['a.txt'] });
    return { ok: true, reverted: [] };
  }
  /** The changes view's data: set by a test; undo/redo flip a change's state (or refuse with `refuse`). */
  changeList: ChangeRecord[] = [];
  refuse: string | undefined;
  async changes(): Promise<ChangeRecord[]> {
    return this.changeList;
  }
  async undoChange(id: number): Promise<ChangeActionResult> {
    return this.flip(id, 'undone');
  }
  async redoChange(id: number): Promise<ChangeActionResult> {
    return this.flip(id, 'applied');
  }
  private flip(id: number, state: ChangeRecord['state']): ChangeActionResult {
    if (this.refuse) return { ok: false, reason: this.refuse };
    const c = this.changeList.find((x) => x.id === id);
    if (!c) return { ok: false, reason: `no change #${id}` };
    this.changeList = this.changeList.map((x) => (x.id === id ? { ...x, state } : x));
    this.emit({ type: state === 'undone' ? 'change.undone' : 'change.redone', journalId: id, path: c.path });
    return { ok: true, path: c.path };
  }
  async compact(): Promise<void> {
    this.compacts++;
  }
  escalate(): void {
    this.escalations++;
  }
  clear(): void {
    this.cleared++;
  }
  busy(): boolean {
    return this.isBusy;
  }
  readonly models: string[] = [];
  setModel(name: string): void {
    this.models.push(name);
  }
  /** What /rules and /checks show; tests set them. */
  rulesInfo: RulesInfo = { files: [], tokens: 0, share: 0 };
  checksInfo: ChecksInfo = { checks: [], fixRounds: 3 };
  checkRuns = 0;
  /** Called on /check; default: nothing happens. */
  onRunChecks: (agent: TestAgent) => Promise<void> = async () => undefined;
  rules(): RulesInfo {
    return this.rulesInfo;
  }
  checks(): ChecksInfo {
    return this.checksInfo;
  }
  runChecks(): Promise<void> {
    this.checkRuns++;
    return this.onRunChecks(this);
  }
}

type FakeTty = PassThrough & { isTTY: true; columns: number; rows: number; isRaw: boolean; setRawMode(m: boolean): void };

function fakeTty(cols: number, rows: number): FakeTty {
  return Object.assign(new PassThrough(), { isTTY: true as const, columns: cols, rows, isRaw: false, setRawMode() {} });
}

export interface Bench {
  term: Terminal;
  input: FakeTty;
  output: FakeTty;
  probe: WorkbenchProbe;
  exit: Promise<number>;
  /** Waits until everything written so far is drawn in the emulator. */
  settle(): Promise<void>;
  text(): Promise<string>;
  press(...keys: string[]): Promise<void>;
  waitFor(pred: string | ((screen: string) => boolean), what?: string): Promise<string>;
  clock: ManualClock;
  /** Presses a key the way a user answers a dialog: after a pause, and nothing right after it. */
  answer(key: string): Promise<void>;
  /** Polls until `pred` holds (e.g. an answer key is acted on once it stood alone long enough). */
  until(pred: () => boolean, what: string): Promise<void>;
  resize(cols: number, rows: number): Promise<void>;
}

export const KEYS = { enter: '\r', esc: '\x1b', tab: '\t', ctrlC: '\x03', up: '\x1b[A', down: '\x1b[B', backspace: '\x7f' };

export async function openBench(opts: {
  agent: AgentHandle;
  root: string;
  cols?: number;
  rows?: number;
  notices?: string[];
  initialEvents?: AgentEvent[];
  theme?: string;
  env?: NodeJS.ProcessEnv;
  prefsFile?: string;
  historyFile?: string;
  sessionId?: string;
  onResume?: (id: string) => void;
}): Promise<Bench> {
  const clock = new ManualClock();
  const cols = opts.cols ?? 100;
  const rows = opts.rows ?? 30;
  const input = fakeTty(cols, rows);
  const output = fakeTty(cols, rows);
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  let pending = Promise.resolve();
  output.on('data', (c: Buffer) => {
    pending = pending.then(() => new Promise<void>((r) => term.write(c, r)));
  });
  let probe: WorkbenchProbe | undefined;
  const exit = startWorkbench({
    agent: opts.agent,
    root: opts.root,
    theme: opts.theme ?? 'default',
    header: { server: 'ollama http://127.0.0.1:1', model: 'test-model', contextWindow: 8192 },
    notices: opts.notices ?? [],
    initialEvents: opts.initialEvents,
    input,
    output,
    terminal: 'xterm-256color',
    clock,
    env: opts.env ?? { ...process.env, VISUAL: '', EDITOR: 'false' },
    prefsFile: opts.prefsFile ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-prefs-')), 'tui.json'),
    historyFile: opts.historyFile,
    onReady: (p) => (probe = p),
    sessionId: opts.sessionId,
    onResume: opts.onResume,
  });
  if (!probe) throw new Error('workbench did not start');
  const p = probe;
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setImmediate(r));
      p.scheduler.flush();
      await pending;
    }
  };
  const text = async () => {
    await settle();
    const buf = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < term.rows; i++) lines.push(buf.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  return {
    term,
    input,
    output,
    probe: p,
    exit,
    settle,
    text,
    async press(...keys) {
      for (const k of keys) {
        input.write(k);
        await settle();
      }
    },
    clock,
    async answer(key) {
      clock.advance(QUIET_MS);
      input.write(key);
      await settle();
      clock.advance(QUIET_MS);
      await settle();
    },
    async waitFor(pred, what) {
      const test = typeof pred === 'string' ? (s: string) => s.includes(pred) : pred;
      let last = '';
      for (let i = 0; i < 300; i++) {
        last = await text();
        if (test(last)) return last;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`screen never showed ${what ?? String(pred)}; last screen:\n${last}`);
    },
    async until(pred, what) {
      for (let i = 0; i < 300; i++) {
        await settle();
        if (pred()) return;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`never happened: ${what}`);
    },
    async resize(c, r) {
      output.columns = c;
      output.rows = r;
      term.resize(c, r);
      output.emit('resize');
      await settle();
    },
  };
}

export function proposal(path = 'a.txt', diff = '--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-x\n+y\n'): Proposal {
  return { path, before: 'x\n', beforeHash: 'h', after: 'y\n', diff, added: 1, removed: 1, strategies: ['exact'] };
}
