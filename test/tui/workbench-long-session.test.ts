// Issue 14, the long-session features of the workbench (headless terminal): the changes view with
// undo / redo of any change, messages queued while the model works, Esc interrupting, and the
// session totals on the status line.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openBench, TestAgent, KEYS, proposal, type Bench } from './harness';
import { QUIET_MS } from '../../src/tui/key-intake';
import type { TurnOutcome } from '../../src/agent/types';
import { reduce } from '../../src/tui/store';
import { statusView } from '../../src/tui/status-view';
import { initialState, type UiState } from '../../src/tui/state';
import { monochromeTheme } from '../../src/tui/theme';
import type { StoreInput } from '../../src/tui/store';

function workspace(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-tui-b-')));
  fs.writeFileSync(path.join(root, 'a.txt'), 'x\n');
  return root;
}

const open: Bench[] = [];
async function bench(agent: TestAgent, cols = 100, rows = 30): Promise<Bench> {
  const b = await openBench({ agent, root: workspace(), cols, rows });
  open.push(b);
  return b;
}
afterEach(async () => {
  for (const b of open.splice(0)) {
    b.probe.quit(0);
    await b.exit;
  }
});

const change = (id: number, p: string, diff: string) => ({
  id,
  path: p,
  time: '2026-12-03T02:10:0' + id + 'Z',
  state: 'applied' as const,
  diff,
  added: 1,
  removed: 1,
});

describe('the changes view', () => {
  it('c lists every change of the session with its diff; u undoes the selected (a middle) one, r redoes it', async () => {
    const agent = new TestAgent();
    agent.changeList = [
      change(1, 'src/one.ts', '@@ -1 +1 @@\n-a\n+first edit\n'),
      change(2, 'src/two.ts', '@@ -1 +1 @@\n-b\n+second edit\n'),
      change(3, 'src/one.ts', '@@ -5 +5 @@\n-c\n+third edit\n'),
    ];
    const b = await bench(agent);
    await b.press(KEYS.esc);
    b.clock.advance(QUIET_MS);
    await b.press('c');
    let screen = await b.waitFor('3 changes this session, 3 applied');
    expect(screen).toMatch(/#1 +02:10:01 +applied +src\/one\.ts/);
    expect(screen).toMatch(/▶ #3 .*applied/);
    expect(screen).toContain('+third edit');
    await b.press('k');
    screen = await b.waitFor('+second edit');
    expect(screen).not.toContain('+third edit');
    b.clock.advance(QUIET_MS);
    await b.press('u');
    screen = await b.waitFor('3 changes this session, 2 applied');
    expect(screen).toMatch(/▶ #2 .*undone +src\/two\.ts/);
    expect(agent.changeList.map((c) => c.state)).toEqual(['applied', 'undone', 'applied']);
    b.clock.advance(QUIET_MS);
    await b.press('r');
    await b.waitFor('3 changes this session, 3 applied');
    // A refusal is said inside the view (the chat is behind it).
    agent.refuse = 'change #2 to src/two.ts cannot be undone on its own: a later change edited the same lines';
    b.clock.advance(QUIET_MS);
    await b.press('u');
    await b.waitFor('cannot be undone on its own');
    await b.press(KEYS.esc);
    expect(await b.text()).not.toContain('changes this session');
  });

  it('u and r never act inside a burst of keys; opened from the input, the view keeps the keys', async () => {
    const agent = new TestAgent();
    agent.changeList = [change(1, 'a.txt', '@@ -1 +1 @@\n-x\n+y\n')];
    const b = await bench(agent);
    await b.press(...'/changes', KEYS.enter); // opened from the input
    await b.waitFor('1 change this session');
    await b.press('uuu');
    expect(agent.changeList[0].state).toBe('applied');
    await b.press('z'); // a key the view does not use types nothing behind it
    expect(b.probe.store.get().input.text).toBe('');
  });
});

describe('typing while the model works', () => {
  it('queues a message sent during a turn, shows it as queued, and sends it when the turn ends', async () => {
    const agent = new TestAgent();
    let endTurn: (o: TurnOutcome) => void = () => undefined;
    agent.onSubmit = (text, a) => {
      a.isBusy = true;
      a.emit({ type: 'turn.start', turn: 1, text });
      return new Promise<TurnOutcome>((resolve) => {
        endTurn = (o) => {
          a.isBusy = false;
          a.emit({ type: 'turn.end', reason: o.reason, text: o.text, steps: 1 });
          resolve(o);
        };
      });
    };
    const b = await bench(agent);
    await b.press(...'first', KEYS.enter);
    expect(agent.submitted).toEqual(['first']);
    await b.press(...'second', KEYS.enter);
    expect(agent.submitted).toEqual(['first']);
    await b.waitFor('queued (sent when this turn ends): second');
    expect(b.probe.store.get().input.text).toBe('');
    endTurn({ reason: 'done', text: 'ok', steps: 1 });
    await b.until(() => agent.submitted.length === 2, 'the queued message was sent');
    expect(agent.submitted).toEqual(['first', 'second']);
    expect(await b.text()).not.toContain('queued (sent');
    // Interrupted on purpose: a queued message comes back to the input instead of being sent.
    await b.press(...'third', KEYS.enter);
    await b.waitFor('queued (sent when this turn ends): third');
    await b.press(KEYS.esc);
    expect(agent.cancels).toBe(1);
    endTurn({ reason: 'cancelled', text: '', steps: 1 });
    await b.until(() => b.probe.store.get().input.text === 'third', 'the queued text is back in the input');
    expect(agent.submitted).toEqual(['first', 'second']);
  });

  it('Esc interrupts the generation from the input and from a pane, but with a dialog up it focuses the dialog', async () => {
    const agent = new TestAgent();
    const b = await bench(agent);
    agent.isBusy = true;
    agent.emit({ type: 'turn.start', turn: 1, text: 'go' });
    await b.press(KEYS.esc);
    expect(agent.cancels).toBe(1);
    await b.waitFor('interrupting the generation');
    await b.press(KEYS.tab);
    await b.press(KEYS.esc);
    expect(agent.cancels).toBe(2);
    await b.press('i');
    agent.emit({
      type: 'approval.needed',
      request: { id: 'c1', call: { id: 'c1', name: 'write_file', arguments: { path: 'a.txt' } }, risk: 'write', proposal: proposal('a.txt') },
    });
    await b.waitFor('Approval needed');
    await b.press(KEYS.esc);
    expect(agent.cancels).toBe(2);
    expect(b.probe.store.get().dialogFocus).toBe(true);
    await b.press(KEYS.esc); // again, from the pane the dialog focus moved to: still no cancel
    expect(agent.cancels).toBe(2);
    expect(b.probe.store.get().dialogFocus).toBe(true);
  });
});

describe('session totals on the status line', () => {
  const mono = monochromeTheme();
  const plain = (lines: string[]) => lines.map((l) => l.replace(/\{[^}]*\}/g, ''));
  const play = (
    inputs: StoreInput[],
    s: UiState = initialState({ server: 'ollama http://127.0.0.1:11434', model: 'qwen2.5-coder:7b', contextWindow: 32768 }),
  ) => inputs.reduce(reduce, s);
  const usage = (i: number, o: number) => ({ promptTokens: i, completionTokens: o, tokensPerSecond: 30 });

  it('adds up tokens in/out over the session, counts the turn time and the live speed while streaming', () => {
    const s = play([
      { type: 'turn.start', turn: 1, text: 'a' },
      { type: 'model.done', usage: usage(12000, 300), finishReason: 'stop', text: '' },
      { type: 'turn.end', reason: 'done', text: '', steps: 1 },
      { type: 'turn.start', turn: 2, text: 'b' },
      { type: 'ui.clock', now: 1000 },
      { type: 'model.done', usage: usage(13000, 500), finishReason: 'stop', text: '' },
      { type: 'step.start', step: 2, tools: [] },
      { type: 'model.delta', text: 'x'.repeat(40) },
      { type: 'ui.clock', now: 61_000 },
      { type: 'model.delta', text: 'y'.repeat(400) },
      { type: 'ui.clock', now: 62_000 },
    ]);
    const first = plain(statusView(s, 160, mono))[0];
    expect(first).toBe(' ollama http://127.0.0.1:11434 · qwen2.5-coder:7b · 100.0 tok/s · step 2 · 25k in / 800 out · turn 1m01s · writing…');
  });

  it('fits 80 columns by dropping the least useful segments, never cutting the state', () => {
    const s = play([
      { type: 'turn.start', turn: 1, text: 'a' },
      { type: 'ui.clock', now: 0 },
      { type: 'model.done', usage: usage(12000, 300), finishReason: 'stop', text: '' },
      { type: 'step.start', step: 3, tools: [] },
      { type: 'ui.clock', now: 12_000 },
    ]);
    const first = plain(statusView(s, 80, mono))[0];
    expect(first.length).toBeLessThanOrEqual(80);
    expect(first).toBe(' qwen2.5-coder:7b · 30.0 tok/s · 12k in / 300 out · turn 12 s · thinking…');
  });
});

describe('notifications when the user looked away', () => {
  const approval = (id: string) =>
    ({
      type: 'approval.needed',
      request: { id, call: { id, name: 'write_file', arguments: { path: 'a.txt' } }, risk: 'write', proposal: proposal('a.txt') },
    }) as const;
  const BELL_OSC = /\x07\x1b\]9;SmallCode: approval needed: change a\.txt\x07\x1b\]777;notify;SmallCode: approval needed;change a\.txt\x07/;

  it('asks the terminal for focus reports, and rings + notifies (OSC 9 and 777) only after it lost focus', async () => {
    const agent = new TestAgent();
    const b = await bench(agent);
    let written = '';
    b.output.on('data', (c: Buffer) => (written += c.toString('utf8')));
    agent.isBusy = true;
    agent.emit({ type: 'turn.start', turn: 1, text: 'go' });
    b.input.write('\x1b[I'); // focused: no notification
    await b.settle();
    agent.emit(approval('c1'));
    await b.waitFor('Approval needed');
    expect(written).not.toContain('\x1b]9;');
    b.input.write('\x1b[O'); // the user switched to another window
    await b.settle();
    agent.emit({ type: 'turn.end', reason: 'done', text: 'All tests pass.', steps: 3 });
    await b.settle();
    expect(written).toContain('\x07\x1b]9;SmallCode: turn finished: All tests pass.\x07');
    agent.emit(approval('c2'));
    await b.settle();
    expect(written).toMatch(BELL_OSC);
    // The focus report never reaches the input as text.
    expect(b.probe.store.get().input.text).toBe('');
  });

  it('without focus reports, 30 s without a key counts as looking away', async () => {
    const agent = new TestAgent();
    const b = await bench(agent);
    let written = '';
    b.output.on('data', (c: Buffer) => (written += c.toString('utf8')));
    agent.emit(approval('c1'));
    await b.settle();
    expect(written).not.toContain('\x1b]9;');
    b.clock.advance(31_000);
    agent.emit(approval('c2'));
    await b.settle();
    expect(written).toMatch(BELL_OSC);
  });
});

describe('notification rules (pure)', () => {
  const { notificationFor, notifySetting, notificationBytes } = require('../../src/tui/notify') as typeof import('../../src/tui/notify');
  it('are off by the setting, and never carry control characters or a stray separator', () => {
    expect(notifySetting('off')).toEqual({ on: false });
    expect(notifySetting(undefined)).toEqual({ on: true });
    expect(notifySetting('loud').warning).toMatch(/SMALLCODE_NOTIFY must be on or off, got "loud"/);
    const n = notificationFor(
      { type: 'turn.end', reason: 'max_steps', text: 'a;b\x1b]0;evil\x07', steps: 25 },
      { focusReported: true, focused: false, idleMs: 0 },
    );
    expect(n?.title).toBe('SmallCode: turn stopped (max steps)');
    expect(notificationBytes(n!)).toBe(
      '\x07\x1b]9;SmallCode: turn stopped (max steps): a,b ]0,evil\x07\x1b]777;notify;SmallCode: turn stopped (max steps);a,b ]0,evil\x07',
    );
    expect(notificationFor({ type: 'turn.end', reason: 'done', text: '', steps: 1 }, { focusReported: true, focused: true, idleMs: 99_999 })).toBeNull();
  });
});

describe('@file in the input', () => {
  const { mentionAt, completeMention, mentionedPaths, attachmentBlock } = require('../../src/tui/file-mention') as typeof import('../../src/tui/file-mention');
  const { emptyInput } = require('../../src/tui/input-editor') as typeof import('../../src/tui/input-editor');

  it('finds the mention under the cursor, completes it, and reads the mentions of a message', () => {
    expect(mentionAt('see @src/a', 10)).toEqual({ start: 4, query: 'src/a' });
    expect(mentionAt('mail me@host', 12)).toBeNull();
    const s = { ...emptyInput(), text: 'see @sr now', cursor: 7 };
    const one = completeMention(s, mentionAt(s.text, 7)!, ['src/']);
    expect([one.text, one.cursor]).toEqual(['see @src/ now', 9]);
    const file = completeMention({ ...emptyInput(), text: '@src/ap', cursor: 7 }, { start: 0, query: 'src/ap' }, ['src/app.ts']);
    expect(file.text).toBe('@src/app.ts ');
    const common = completeMention({ ...emptyInput(), text: '@src/a', cursor: 6 }, { start: 0, query: 'src/a' }, ['src/app.ts', 'src/apple.ts']);
    expect(common.text).toBe('@src/app');
    expect(mentionedPaths('fix @src/a.ts, then @README.md. thanks @src/a.ts')).toEqual(['src/a.ts', 'README.md']);
  });

  it('cuts an attachment at a line boundary to the allowance and says so', () => {
    const whole = attachmentBlock('a.txt', 'one\ntwo\n', 100);
    expect(whole.cut).toBeUndefined();
    expect(whole.block).toBe('[Attached by the user: a.txt (2 lines)]\n```\none\ntwo\n```');
    const cut = attachmentBlock('a.txt', 'one\ntwo\nthree\n', 8);
    expect(cut.cut).toEqual({ shown: 2, total: 3 });
    expect(cut.block).toContain('lines 1–2 of 3 — cut to fit the context budget');
  });

  it('Tab completes a workspace path; Enter sends the file with the message, cut to the budget when it is large', async () => {
    const agent = new TestAgent();
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-tui-at-')));
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src', 'greet.ts'), "export const greet = (n: string) => 'hi ' + n;\n");
    fs.writeFileSync(path.join(root, 'big.log'), Array.from({ length: 3000 }, (_, i) => `log line ${i}`).join('\n'));
    const b = await openBench({ agent, root });
    open.push(b);
    await b.press(...'explain @sr');
    await b.press(KEYS.tab);
    expect(b.probe.store.get().input.text).toBe('explain @src/');
    expect(b.probe.store.get().focus).toBe('input'); // Tab completed instead of moving focus
    await b.press('g', KEYS.tab);
    expect(b.probe.store.get().input.text).toBe('explain @src/greet.ts ');
    await b.press(...'and @big.log', KEYS.enter);
    await b.until(() => agent.submitted.length === 1, 'the message was sent');
    const sent = agent.submitted[0];
    expect(sent).toContain("[Attached by the user: src/greet.ts (1 line)]\n```\nexport const greet = (n: string) => 'hi ' + n;\n```");
    expect(sent).toMatch(/\[Attached by the user: big\.log, lines 1–\d+ of 3000 — cut to fit the context budget/);
    expect(sent.length).toBeLessThan(8192 + 400);
    const screen = await b.waitFor('@big.log attached cut to its first');
    expect(screen).toContain('↳ attached src/greet.ts (1 line)');
  });
});

describe('sessions from the workbench', () => {
  const { createSessionLog } = require('../../src/session/session-log') as typeof import('../../src/session/session-log');
  const { recentSessions } = require('../../src/session/session-summary') as typeof import('../../src/session/session-summary');

  /** A real session log: one turn of two steps with usage, a tool call and an applied change. */
  async function pastSession(root: string, task: string, tokens: number): Promise<string> {
    const log = await createSessionLog(root, { model: 'qwen2.5-coder:7b', provider: 'ollama' });
    log.event({ type: 'turn.start', turn: 1, text: task });
    for (const step of [1, 2]) {
      log.event({ type: 'step.start', step, tools: [] });
      log.event({
        type: 'model.done',
        usage: { promptTokens: tokens, completionTokens: 100 },
        finishReason: 'stop',
        text: step === 2 ? 'Done: greet() now says hello.' : '',
      });
    }
    log.event({ type: 'tool.proposed', call: { id: 't1', name: 'run_command', arguments: { command: 'npm test' } }, risk: 'exec' });
    log.event({
      type: 'tool.result',
      id: 't1',
      name: 'run_command',
      ok: true,
      summary: 'exit 0',
      details: { kind: 'command', command: 'npm test', cwd: '.', exitCode: 0, timedOut: false, output: { text: 'PASS greet.test.ts' } },
    });
    log.event({ type: 'patch.applied', id: 't2', path: 'src/greet.ts', journalId: 7 });
    log.event({ type: 'turn.end', reason: 'done', text: 'Done', steps: 2 });
    await log.close();
    return log.id;
  }

  it('lists past sessions with date, first message, steps and tokens; e exports one; Enter resumes it', async () => {
    const root = workspace();
    const older = await pastSession(root, 'make greet() say hello', 5000);
    await new Promise((r) => setTimeout(r, 1100)); // session ids sort by the second they started
    const current = await pastSession(root, 'add a test for greet', 3000);
    const summaries = await recentSessions(root);
    expect(summaries.map((s) => [s.id, s.firstMessage, s.steps, s.tokensIn, s.tokensOut])).toEqual([
      [current, 'add a test for greet', 2, 6000, 200],
      [older, 'make greet() say hello', 2, 10000, 200],
    ]);
    const agent = new TestAgent();
    const resumed: string[] = [];
    const b = await openBench({ agent, root, sessionId: current, onResume: (id) => resumed.push(id) });
    open.push(b);
    await b.press(...'/sessions', KEYS.enter);
    let screen = await b.waitFor('2 sessions in this workspace');
    expect(screen).toContain('add a test for greet');
    expect(screen).toContain('(this session)');
    expect(screen).toMatch(/1 turn · 2 steps · 10k in \/ 200 out/);
    await b.press('j');
    b.clock.advance(QUIET_MS);
    await b.answer('e');
    screen = await b.waitFor(`exported to .smallcode/exports/session-${older}.md`);
    const md = fs.readFileSync(path.join(root, '.smallcode', 'exports', `session-${older}.md`), 'utf8');
    expect(md).toContain(`# SmallCode session ${older}`);
    expect(md).toContain('## You (turn 1)\n\nmake greet() say hello');
    expect(md).toContain('### Model\n\nDone: greet() now says hello.');
    expect(md).toContain('- ✓ `run_command` — exit 0\n\n```\nPASS greet.test.ts\n```');
    expect(md).toContain('- change applied to `src/greet.ts` (journal #7)');
    await b.press(KEYS.enter);
    expect(resumed).toEqual([older]);
    expect(await b.exit).toBe(0);
  });

  it('/export writes this session to the path given, inside the workspace only', async () => {
    const root = workspace();
    const id = await pastSession(root, 'first task', 10);
    const agent = new TestAgent();
    const b = await openBench({ agent, root, sessionId: id });
    open.push(b);
    await b.press(...'/export notes/run.md', KEYS.enter);
    await b.waitFor('session exported to notes/run.md');
    expect(fs.readFileSync(path.join(root, 'notes', 'run.md'), 'utf8')).toContain('first task');
    await b.press(...'/export ../outside.md', KEYS.enter);
    await b.waitFor('/export: cannot write ../outside.md');
    expect(fs.existsSync(path.join(root, '..', 'outside.md'))).toBe(false);
  });
});
