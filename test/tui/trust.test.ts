// Typing never answers a dialog (issue 9): the whole workbench in a headless terminal, keys written
// to its TTY as a terminal would deliver them, time moved by hand (the "typed on its own" rule).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openBench, TestAgent, KEYS, proposal, type Bench } from './harness';
import { QUIET_MS } from '../../src/tui/key-intake';

const open: Bench[] = [];
async function bench(agent: TestAgent, cols = 100, rows = 30): Promise<Bench> {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-trust-')));
  fs.writeFileSync(path.join(root, 'a.txt'), 'x\n');
  const b = await openBench({ agent, root, cols, rows });
  open.push(b);
  return b;
}
afterEach(async () => {
  for (const b of open.splice(0)) {
    b.probe.quit(0);
    await b.exit;
  }
});

function askChange(agent: TestAgent, id = 'c1'): void {
  agent.isBusy = true;
  agent.emit({ type: 'turn.start', turn: 1, text: 'change it' });
  agent.emit({ type: 'tool.proposed', call: { id, name: 'write_file', arguments: { path: 'a.txt' } }, risk: 'write' });
  agent.emit({ type: 'patch.pending', id, proposal: proposal() });
  agent.emit({ type: 'approval.needed', request: { id, call: { id, name: 'write_file', arguments: { path: 'a.txt' } }, risk: 'write', proposal: proposal() } });
}

function askCommand(agent: TestAgent, id = 'k1', command = 'rm -f README.md'): void {
  agent.isBusy = true;
  agent.emit({ type: 'tool.proposed', call: { id, name: 'run_command', arguments: { command } }, risk: 'exec' });
  agent.emit({
    type: 'approval.needed',
    request: { id, call: { id, name: 'run_command', arguments: { command } }, risk: 'exec', command: { command, cwd: '/w' } },
  });
}

const SENTENCE = 'yes, actually dont: undo that and quit now';

describe('typing never answers a dialog', () => {
  it('a sentence typed key by key right after the dialog appears lands in the input; nothing is answered', async () => {
    const agent = new TestAgent();
    const b = await bench(agent);
    askChange(agent);
    await b.waitFor('Approval needed');
    for (const ch of SENTENCE) await b.press(ch);
    b.clock.advance(QUIET_MS * 3);
    await b.settle();
    expect(agent.resolved).toEqual([]);
    expect(agent.undos).toEqual([]);
    expect(b.probe.store.get().input.text).toBe(SENTENCE);
    expect(await b.text()).toContain('You are typing a message');
    expect(b.probe.store.get().approvals).toHaveLength(1);
  });

  it('a burst (keys in one read, as a paste without brackets) is text, Tab and inner Enter included', async () => {
    const agent = new TestAgent();
    const b = await bench(agent);
    askCommand(agent);
    await b.waitFor('Run this command?');
    b.clock.advance(QUIET_MS * 3);
    await b.press(`A y\ta\rnow`);
    b.clock.advance(QUIET_MS * 3);
    await b.settle();
    expect(agent.resolved).toEqual([]);
    expect(b.probe.store.get().input.text).toBe('A y\ta\nnow');
    expect(b.probe.store.get().focus).toBe('input');
  });

  it('an answer key followed at once by more typing is text; on its own it answers after a pause', async () => {
    const agent = new TestAgent();
    const b = await bench(agent);
    askChange(agent);
    await b.waitFor('Approval needed');
    b.clock.advance(QUIET_MS);
    await b.press('y');
    expect(agent.resolved).toEqual([]); // held: is more typing coming?
    await b.press('o');
    b.clock.advance(QUIET_MS * 3);
    await b.settle();
    expect(agent.resolved).toEqual([]);
    expect(b.probe.store.get().input.text).toBe('yo');
    await b.press('\x15'); // Ctrl-U clears the input
    expect(b.probe.store.get().input.text).toBe('');
    await b.answer('y');
    expect(agent.resolved).toEqual([{ id: 'c1', decision: 'once', feedback: undefined, edited: undefined }]);
  });

  it('Esc moves focus to the dialog on purpose: its keys then answer at once', async () => {
    const agent = new TestAgent();
    const b = await bench(agent);
    askChange(agent);
    await b.waitFor('Approval needed');
    await b.press(...'half a thought');
    expect(agent.resolved).toEqual([]);
    await b.press(KEYS.esc, 'y');
    expect(agent.resolved).toEqual([{ id: 'c1', decision: 'once', feedback: undefined, edited: undefined }]);
    expect(b.probe.store.get().input.text).toBe('half a thought');
  });

  it('a command dialog offers A (always this exact command) and no file-change keys; a does nothing there', async () => {
    const agent = new TestAgent();
    const b = await bench(agent);
    askCommand(agent);
    const screen = await b.waitFor('Run this command?');
    expect(screen).toMatch(/y approve +n reject +A always allow this command/);
    expect(screen).not.toMatch(/e edit|d full diff|approve all/);
    await b.answer('a');
    await b.answer('e');
    expect(agent.resolved).toEqual([]);
    expect(b.probe.store.get().input.text).toBe('ae');
    await b.press('\x15'); // Ctrl-U: clear what landed in the input
    await b.answer('A');
    expect(agent.resolved).toEqual([{ id: 'k1', decision: 'always', feedback: undefined, edited: undefined }]);
  });

  it('bracketed paste: multi-line text with tabs lands whole in the input, never moves focus, and is sent only on Enter', async () => {
    const agent = new TestAgent();
    const b = await bench(agent);
    const pasted = 'first line\n\tindented q\r\nu third';
    await b.press(`\x1b[200~${pasted}\x1b[201~`);
    expect(b.probe.store.get().input.text).toBe('first line\n\tindented q\nu third');
    expect(b.probe.store.get().focus).toBe('input');
    expect(agent.submitted).toEqual([]);
    expect(agent.undos).toEqual([]);
    // A marker split across two reads still counts.
    await b.press('\x1b[20', '0~ and more\x1b[2', '01~');
    expect(b.probe.store.get().input.text).toBe('first line\n\tindented q\nu third and more');
    await b.press(KEYS.enter);
    expect(agent.submitted).toEqual(['first line\n\tindented q\nu third and more']);
  });

  it('a paste while a change awaits approval goes to the input, not the dialog', async () => {
    const agent = new TestAgent();
    const b = await bench(agent);
    askChange(agent);
    await b.waitFor('Approval needed');
    b.clock.advance(QUIET_MS * 3);
    await b.press('\x1b[200~y\x1b[201~');
    b.clock.advance(QUIET_MS * 3);
    await b.settle();
    expect(agent.resolved).toEqual([]);
    expect(b.probe.store.get().input.text).toBe('y');
  });

  it('q asks first while a turn runs or a change is pending; q again quits', async () => {
    const agent = new TestAgent();
    const b = await bench(agent);
    agent.isBusy = true;
    agent.emit({ type: 'turn.start', turn: 1, text: 'work' });
    await b.press(KEYS.esc);
    b.clock.advance(QUIET_MS);
    await b.press('q');
    await b.waitFor('A turn is running: quit anyway?');
    await b.press('j'); // any other key stays
    expect(b.probe.store.get().quitArmed).toBe(false);
    b.clock.advance(QUIET_MS);
    await b.press('q');
    b.clock.advance(QUIET_MS);
    await b.press('q');
    expect(await b.exit).toBe(0);
  });

  it('q and u inside a burst do nothing; on their own outside the input they act', async () => {
    const agent = new TestAgent();
    const b = await bench(agent);
    await b.press(KEYS.esc);
    b.clock.advance(QUIET_MS);
    await b.press('uq');
    await b.press('u'); // a single key right behind the burst: still the machine's stream
    expect(agent.undos).toEqual([]);
    b.clock.advance(QUIET_MS);
    await b.press('u');
    expect(agent.undos).toEqual([1]);
  });
});
