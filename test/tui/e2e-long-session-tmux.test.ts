// End to end in a real terminal (tmux, the real CLI from source, the scripted model server): the
// long-session features — the changes view undoing and redoing a middle change on disk, /export,
// @file completion, a message queued during a turn and Esc interrupting it, the session totals,
// and resuming another session from /sessions (the workbench reopens on it).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createSessionLog } from '../../src/session/session-log';
import { HAS_TMUX, closeAll, openSession as open, tmux, userPause } from './support/tmux';

if (!HAS_TMUX) console.warn('e2e-long-session-tmux: skipped — tmux is not installed (apt-get install tmux)');
const suite = HAS_TMUX ? describe : describe.skip;

jest.setTimeout(150000);

const TEN = 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n';
const edit = (search: string, replace: string) => ({ toolCalls: [{ name: 'edit_file', arguments: { path: 'a.txt', search, replace } }] });

suite('long sessions in tmux (end to end)', () => {
  afterAll(closeAll);

  it('undoes and redoes a middle change from the changes view, exports, completes @file, queues and interrupts', async () => {
    const s = await open(
      [
        edit('two', 'TWO'),
        edit('nine', 'NINE'),
        { text: 'Both edits made.', promptTokens: 1200, completionTokens: 40 },
        { text: 'Thinking about it', hang: true },
      ],
      { cols: 120, rows: 40 },
      {},
      undefined,
      { 'a.txt': TEN, 'notes.md': '# notes\n' },
    );
    const file = () => fs.readFileSync(path.join(s.root, 'a.txt'), 'utf8');
    s.type('edit a.txt');
    s.keys('Enter');
    await s.waitFor('Change a.txt?');
    await s.answer('a');
    const done = await s.waitFor('Both edits made.');
    expect(done).toMatch(/in \/ 40 out|in \/ \d+ out/);
    expect(file()).toContain('TWO');
    expect(file()).toContain('NINE');

    s.keys('Escape');
    await userPause();
    s.keys('c');
    await s.waitFor('2 changes this session, 2 applied');
    s.keys('k');
    await s.waitFor('+TWO');
    await s.answer('u');
    await s.waitFor('2 changes this session, 1 applied');
    expect(file()).toBe(TEN.replace('nine', 'NINE'));
    await s.answer('r');
    await s.waitFor('2 changes this session, 2 applied');
    expect(file()).toBe(TEN.replace('two', 'TWO').replace('nine', 'NINE'));
    s.keys('Escape');
    await s.waitFor((t) => !t.includes('changes this session'));

    s.keys('i'); // back to the input (the view closed into the chat pane)
    s.type('/export');
    s.keys('Enter');
    await s.waitFor('session exported to .smallcode/exports/session-');
    const exports = fs.readdirSync(path.join(s.root, '.smallcode', 'exports'));
    expect(exports).toHaveLength(1);
    expect(fs.readFileSync(path.join(s.root, '.smallcode', 'exports', exports[0]), 'utf8')).toContain('## You (turn 1)\n\nedit a.txt');

    s.type('explain @no');
    s.keys('Tab');
    await s.waitFor('explain @notes.md');
    s.keys('C-u');

    s.type('think hard');
    s.keys('Enter');
    await s.waitFor((t) => t.includes('› think hard') && /\bThi\b/.test(t)); // the first chunk; then the server hangs
    s.type('and then this');
    s.keys('Enter');
    await s.waitFor('queued (sent when this turn ends): and then this');
    s.keys('Escape');
    await s.waitFor('back in the input');
    await s.waitFor('› and then this');
    // The queued message never reached the model: four chat requests, the last the interrupted one.
    expect(s.server.requests.filter((r) => r.path === '/api/chat')).toHaveLength(4);
  });

  it('resumes another session from /sessions: the workbench reopens on it', async () => {
    const s = await open([{ text: 'ok' }], { cols: 100, rows: 30 });
    const earlier = await createSessionLog(s.root, { model: 'test-model', provider: 'ollama' });
    earlier.event({ type: 'turn.start', turn: 1, text: 'the earlier task' });
    earlier.message({ role: 'user', content: 'the earlier task' });
    earlier.message({ role: 'assistant', content: 'earlier answer' });
    earlier.event({ type: 'turn.end', reason: 'done', text: 'earlier answer', steps: 1 });
    await earlier.close();
    s.type('/sessions');
    s.keys('Enter');
    const list = await s.waitFor('the earlier task');
    expect(list).toContain('2 sessions in this workspace');
    // Newest first: the log written just now sorts above this session's.
    await s.answer('Enter');
    await s.waitFor(`resumed session ${earlier.id}`);
    await s.waitFor('earlier answer');
  });
});

// Attaching a client needs a pseudo-terminal: util-linux's `script` gives one.
const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;
(HAS_TMUX && HAS_SCRIPT ? describe : describe.skip)('notifications in tmux (end to end)', () => {
  afterAll(closeAll);

  it('rings the bell when an approval is needed after the terminal lost focus (focus events from an attached tmux client)', async () => {
    const s = await open([
      { text: 'Writing the file now, slowly.', toolCalls: [{ name: 'write_file', arguments: { path: 'b.txt', content: 'b\n' } }], chunkDelayMs: 150 },
      { text: 'Done.' },
    ]);
    tmux('set-option', '-g', 'focus-events', 'on');
    tmux('set-option', '-g', 'monitor-bell', 'on');
    // tmux reports focus only to an attached client: attach one on a pseudo-terminal (script).
    const socket = tmux('display-message', '-p', '#{socket_path}').trim();
    const client = spawn('script', ['-qfc', `tmux -S '${socket}' attach -t ${s.name}`, '/dev/null'], {
      stdio: 'ignore',
      env: { ...process.env, TERM: 'xterm-256color' },
    });
    try {
      await s.waitFor('Enter send');
      s.type('write b.txt');
      s.keys('Enter');
      await s.waitFor('Writing');
      // The user switches to another window: tmux tells the workbench it lost focus (ESC[O).
      tmux('new-window', '-t', s.name);
      const bell = () => tmux('display-message', '-p', '-t', `${s.name}:0`, '#{window_bell_flag}').trim();
      const deadline = Date.now() + 20000;
      while (Date.now() < deadline && bell() !== '1') await new Promise((r) => setTimeout(r, 100));
      expect(bell()).toBe('1');
    } finally {
      client.kill();
    }
  });
});
