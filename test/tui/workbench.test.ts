// The whole workbench rendered by blessed into a headless terminal (@xterm/headless), driven by
// keys on a fake TTY, talking to a test AgentHandle that records every call.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openBench, TestAgent, KEYS, proposal, type Bench } from './harness';
import { KEYMAP } from '../../src/tui/keymap';
import { QUIET_MS } from '../../src/tui/key-intake';

function workspace(files: Record<string, string> = { 'a.txt': 'x\n' }): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-tui-')));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}

const open: Bench[] = [];
async function bench(agent: TestAgent, opts: { cols?: number; rows?: number; root?: string; notices?: string[] } = {}): Promise<Bench> {
  const b = await openBench({ agent, root: opts.root ?? workspace(), cols: opts.cols, rows: opts.rows, notices: opts.notices });
  open.push(b);
  return b;
}
afterEach(async () => {
  for (const b of open.splice(0)) {
    b.probe.quit(0);
    await b.exit;
  }
});

function askApproval(agent: TestAgent, id = 'c1', path = 'a.txt'): void {
  agent.isBusy = true;
  agent.emit({ type: 'turn.start', turn: 1, text: 'change it' });
  agent.emit({ type: 'tool.proposed', call: { id, name: 'write_file', arguments: { path } }, risk: 'write' });
  agent.emit({ type: 'patch.pending', id, proposal: proposal(path) });
  agent.emit({ type: 'approval.needed', request: { id, call: { id, name: 'write_file', arguments: { path } }, risk: 'write', proposal: proposal(path) } });
}

describe('workbench (headless terminal)', () => {
  it('opens at 80×24 with the notices, tabs, gauge, input and hints — and sends typed text with Enter', async () => {
    const agent = new TestAgent();
    const b = await bench(agent, { cols: 80, rows: 24, notices: ['no model server found at http://127.0.0.1:11434 — start one: ollama serve'] });
    const screen = await b.text();
    expect(screen).toContain('no model server found at http://127.0.0.1:11434');
    expect(screen).toMatch(/Chat .*Patches .*Tree .*Plan/);
    expect(screen).toContain('ctx 0/8.2k');
    expect(screen).toContain('test-model');
    expect(screen).toContain('Enter send');
    await b.press('f', 'i', 'x', KEYS.enter);
    expect(agent.submitted).toEqual(['fix']);
    await b.waitFor('› fix');
  });

  it('shows a pending change as a dialog naming its keys; y approves it from the input', async () => {
    const agent = new TestAgent();
    const b = await bench(agent);
    askApproval(agent);
    const screen = await b.waitFor('Approval needed');
    expect(screen).toContain('Change a.txt? (+1 −1)');
    expect(screen).toContain('+y');
    expect(screen).toMatch(/y approve +n reject/);
    expect(b.probe.store.get().focus).toBe('input');
    await b.answer('y');
    expect(agent.resolved).toEqual([{ id: 'c1', decision: 'once', feedback: undefined, edited: undefined }]);
    expect(b.probe.store.get().input.text).toBe('');
  });

  it('n asks why, and Enter rejects with the reason the model will get', async () => {
    const agent = new TestAgent();
    const b = await bench(agent);
    askApproval(agent);
    await b.waitFor('Approval needed');
    await b.answer('n');
    await b.waitFor('Reject — tell the model why');
    await b.press(...'use tabs', KEYS.enter);
    expect(agent.resolved).toEqual([{ id: 'c1', decision: 'reject', feedback: 'use tabs', edited: undefined }]);
  });

  it('Esc backs out of the rejection; a approves the rest of the turn', async () => {
    const agent = new TestAgent();
    const b = await bench(agent);
    askApproval(agent);
    await b.waitFor('Approval needed');
    await b.answer('n');
    await b.press(KEYS.esc);
    await b.answer('a');
    expect(agent.resolved).toEqual([{ id: 'c1', decision: 'always', feedback: undefined, edited: undefined }]);
  });

  it('d shows the full diff of a long change', async () => {
    const agent = new TestAgent();
    const b = await bench(agent, { cols: 100, rows: 40 });
    const diff = '@@ -1,20 +1,20 @@\n' + Array.from({ length: 20 }, (_, i) => `+row ${i}`).join('\n') + '\n';
    agent.emit({
      type: 'approval.needed',
      request: {
        id: 'c',
        call: { id: 'c', name: 'write_file', arguments: { path: 'b.ts' } },
        risk: 'write',
        proposal: { ...proposal('b.ts', diff), added: 20 },
      },
    });
    expect(await b.waitFor('d shows the full diff')).not.toContain('+row 19');
    await b.answer('d');
    expect(await b.text()).toContain('+row 19');
  });

  it('marks the pending file changed on disk when it is edited outside', async () => {
    const agent = new TestAgent();
    const root = workspace();
    const b = await bench(agent, { root });
    askApproval(agent);
    await b.waitFor('Approval needed');
    await b.probe.tree.watcher().ready();
    fs.writeFileSync(path.join(root, 'a.txt'), 'edited elsewhere\n');
    await b.waitFor('the file changed on disk since this was proposed');
  });

  it('u undoes outside the input; ? opens a help overlay listing the keymap; Esc closes it', async () => {
    const agent = new TestAgent();
    const b = await bench(agent, { cols: 120, rows: 60 });
    await b.press(KEYS.esc);
    b.clock.advance(QUIET_MS); // a person's pause: q and u never act within a stream of keys
    await b.press('u');
    expect(agent.undos).toEqual([1]);
    await b.waitFor('undone: a.txt');
    await b.press('?');
    const help = await b.waitFor('Keys — Esc, ? or q closes this help');
    for (const binding of KEYMAP.slice(0, 12)) expect(help).toContain(binding.label);
    await b.press(KEYS.esc);
    expect(await b.text()).not.toContain('Keys — Esc');
  });

  it('Ctrl-C cancels a running turn; a second Ctrl-C quits with code 0 and releases the agent', async () => {
    const agent = new TestAgent();
    const b = await openBench({ agent, root: workspace() });
    agent.isBusy = true;
    await b.press(KEYS.ctrlC);
    expect(agent.cancels).toBe(1);
    await b.waitFor('Press Ctrl-C again to quit');
    await b.press(KEYS.ctrlC);
    expect(await b.exit).toBe(0);
    expect(agent.listeners()).toBe(0);
  });

  it('redraws on resize: side by side when wide, tabs when small', async () => {
    const agent = new TestAgent();
    const b = await bench(agent, { cols: 80, rows: 24 });
    expect(await b.text()).toContain('Tab switches');
    await b.resize(150, 45);
    const wide = await b.waitFor('Context');
    expect(wide).toContain('Files');
    expect(wide).toContain('Patches');
    expect(wide).not.toContain('Tab switches');
    await b.resize(80, 24);
    await b.waitFor('Tab switches');
  });

  it('follows the disk: new files appear in the tree, the plan pane follows TODO.md', async () => {
    const agent = new TestAgent();
    const root = workspace({ 'a.txt': 'x\n', 'src/main.ts': '' });
    const b = await bench(agent, { root, cols: 150, rows: 45 });
    await b.waitFor('src/');
    await b.probe.tree.watcher().ready();
    fs.writeFileSync(path.join(root, 'fresh.ts'), '');
    await b.waitFor('fresh.ts');
    fs.mkdirSync(path.join(root, '.smallcode'), { recursive: true });
    fs.writeFileSync(path.join(root, '.smallcode/TODO.md'), '- [x] read\n- [ ] write tests\n');
    await b.waitFor('Plan 1/2');
    expect(await b.text()).toContain('▸ write tests');
  });

  it('expands a folder from the tree with Enter and watches it', async () => {
    const agent = new TestAgent();
    const root = workspace({ 'src/main.ts': '', 'z.txt': '' });
    const b = await bench(agent, { root, cols: 150, rows: 45 });
    await b.waitFor('src/');
    await b.press(KEYS.tab, KEYS.tab, KEYS.tab);
    expect(b.probe.store.get().focus).toBe('tree');
    await b.press(KEYS.enter);
    await b.waitFor('main.ts');
    expect(b.probe.tree.watcher().watched().dirs).toEqual(['', 'src']);
  });

  it('runs slash commands with completion', async () => {
    const agent = new TestAgent();
    const b = await bench(agent);
    await b.press(...'/comp', KEYS.tab);
    expect(b.probe.store.get().input.text).toBe('/compact ');
    await b.press(KEYS.enter, ...'/model', KEYS.enter);
    expect(agent.compacts).toBe(1);
    await b.waitFor('context window 8192');
    await b.press(...'/model qwen3:4b', KEYS.enter);
    expect(agent.models).toEqual(['qwen3:4b']);
    await b.waitFor('qwen3:4b');
    await b.press(...'/clear', KEYS.enter);
    expect(agent.cleared).toBe(1);
    expect(b.probe.store.get().chat).toEqual([]);
    await b.press(...'/nope', KEYS.enter);
    await b.waitFor('unknown command /nope');
  });

  it('keeps exceptions out of blessed callbacks: a throwing agent call becomes a notice', async () => {
    const agent = new TestAgent();
    agent.resolve = () => {
      throw new Error('resolve exploded');
    };
    const b = await bench(agent);
    askApproval(agent);
    await b.waitFor('Approval needed');
    await b.answer('y');
    // The dialog stays up (nothing was resolved); the error is in the chat behind it.
    expect(b.probe.store.get().chat.some((c) => c.kind === 'notice' && c.text === 'internal error: resolve exploded')).toBe(true);
    expect(await b.text()).toContain('Approval needed');
  });

  it('focuses a pane on click and scrolls it with the wheel (mouse)', async () => {
    const agent = new TestAgent();
    const b = await bench(agent, { cols: 150, rows: 45 });
    for (let i = 0; i < 60; i++) agent.emit({ type: 'notice', level: 'info', message: `line ${i}` });
    await b.waitFor('line 59');
    await b.press('\x1b[<0;10;5M', '\x1b[<0;10;5m');
    expect(b.probe.store.get().focus).toBe('chat');
    await b.press('\x1b[<64;10;5M');
    expect(b.probe.store.get().scroll.chat).not.toBeNull();
    expect(await b.text()).not.toContain('line 59');
  });

  it('shows one pane at a time at 80×24: Tab moves through the tabs', async () => {
    const agent = new TestAgent();
    const b = await bench(agent, { cols: 80, rows: 24 });
    await b.press(KEYS.tab);
    expect(await b.text()).toContain('Type a task below and press Enter');
    await b.press(KEYS.tab);
    const patches = await b.text();
    expect(patches).toContain('No changes proposed yet.');
    expect(patches).not.toContain('Type a task below and press Enter');
    await b.press(KEYS.tab);
    await b.waitFor('a.txt');
    await b.press(KEYS.tab);
    await b.waitFor('No plan yet');
  });

  it('draws theme colours in 256 colours (blessed would otherwise reduce them to 8)', async () => {
    const agent = new TestAgent();
    const b = await bench(agent);
    let raw = '';
    b.output.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    agent.emit({ type: 'notice', level: 'warn', message: 'orange warning' });
    await b.waitFor('orange warning');
    expect(raw).toContain('38;5;214m'); // the default theme's warn colour, #ffaf00
  });

  it('scrolls the help overlay when it does not fit (80×24)', async () => {
    const agent = new TestAgent();
    const b = await bench(agent, { cols: 80, rows: 24 });
    await b.press(KEYS.esc, '?');
    const first = await b.waitFor('Keys — Esc, ? or q closes this help');
    expect(first).not.toContain('Mouse: the wheel scrolls');
    for (let i = 0; i < 40 && !(await b.text()).includes('Mouse: the wheel scrolls'); i++) await b.press(KEYS.down);
    expect(await b.text()).toContain('Mouse: the wheel scrolls');
    await b.press('q');
    expect(await b.text()).not.toContain('Keys — Esc');
    expect(b.probe.store.get().help).toBe(false);
  });
});
