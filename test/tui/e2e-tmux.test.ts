// End to end in a real terminal: the real CLI (`smallcode tui`, run from source) inside tmux,
// against the scripted model server. Approve, reject with a reason, edit, undo, resize, help,
// cancel and quit — asserting on the screen, the disk and what the model server received.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ScriptedReply } from '../support/scripted-server';
import { HAS_TMUX, closeAll, openSession as open, tmux, userPause } from './support/tmux';

if (!HAS_TMUX) console.warn('e2e-tmux: skipped — tmux is not installed (apt-get install tmux)');
const suite = HAS_TMUX ? describe : describe.skip;

const writeHello: ScriptedReply = { toolCalls: [{ name: 'write_file', arguments: { path: 'hello.txt', content: 'hi\n' } }] };

jest.setTimeout(120000);

suite('workbench in tmux (end to end)', () => {
  afterAll(closeAll);

  it('approves with y (file on disk), undoes with u, shows help, resizes, and quits restoring the terminal', async () => {
    const s = await open([writeHello, { text: 'Done.' }], { cols: 80, rows: 24 });
    expect(s.screen()).toContain('Tab switches');
    s.type('create hello.txt');
    s.keys('Enter');
    const dialog = await s.waitFor('Create hello.txt?');
    expect(dialog).toMatch(/y approve +n reject/);
    expect(dialog).toContain('+hi');
    await s.answer('y');
    await s.waitFor('Done.');
    expect(fs.readFileSync(path.join(s.root, 'hello.txt'), 'utf8')).toBe('hi\n');

    s.keys('Escape');
    await s.waitFor('u undo');
    // A person's pause: Esc and u sent back to back reach the terminal as one Alt-u, and a key
    // inside a machine-fast burst never undoes.
    await userPause();
    s.keys('u');
    await s.waitFor('undone: hello.txt');
    expect(fs.existsSync(path.join(s.root, 'hello.txt'))).toBe(false);

    s.keys('?');
    const help = await s.waitFor('Keys — Esc, ? or q closes this help');
    expect(help).toContain('approve: apply this change');
    s.keys('Escape');
    await s.waitFor((t) => !t.includes('Keys — Esc'));

    tmux('resize-window', '-t', s.name, '-x', '150', '-y', '45');
    const wide = await s.waitFor((t) => t.includes('Context') && t.includes('Files'));
    expect(wide).toContain('Patches');
    expect(wide).not.toContain('Tab switches');

    s.keys('q');
    const after = await s.waitFor('EXIT=0');
    expect(after).not.toContain('Context');
  });

  it('re-checks a pending change whose file was edited outside before y applies it', async () => {
    const s = await open([{ toolCalls: [{ name: 'edit_file', arguments: { path: 'a.txt', search: 'x', replace: 'changed' } }] }, { text: 'Edited.' }]);
    s.type('edit a.txt');
    s.keys('Enter');
    await s.waitFor('Change a.txt?');
    fs.writeFileSync(path.join(s.root, 'a.txt'), 'x\nadded outside\n');
    await s.waitFor('the file changed on disk since this was proposed');
    await s.answer('y');
    await s.waitFor('re-made against its new content');
    await s.answer('y');
    await s.waitFor('Edited.');
    expect(fs.readFileSync(path.join(s.root, 'a.txt'), 'utf8')).toBe('changed\nadded outside\n');
  });

  it('asks before running a command, naming the command and its working directory', async () => {
    const s = await open([{ toolCalls: [{ name: 'run_command', arguments: { command: 'echo from-the-model > ran.txt' } }] }, { text: 'Ran it.' }]);
    s.type('run it');
    s.keys('Enter');
    const dialog = await s.waitFor('Run this command?');
    expect(dialog).toContain('$ echo from-the-model > ran.txt');
    expect(dialog).toContain(`in ${s.root}`);
    expect(fs.existsSync(path.join(s.root, 'ran.txt'))).toBe(false);
    await s.answer('y');
    await s.waitFor('Ran it.');
    expect(fs.readFileSync(path.join(s.root, 'ran.txt'), 'utf8')).toBe('from-the-model\n');
  });

  it('opens without a model server and says in the chat which addresses it tried and how to start one', async () => {
    const s = await open([], { cols: 100, rows: 30 }, { OLLAMA_HOST: '', SMALLCODE_BASE_URL: '' }, '');
    const screen = await s.waitFor('no model server found');
    expect(screen).toMatch(/ollama serve/);
    s.type('hello');
    s.keys('Enter');
    await s.waitFor('› hello');
    s.keys('Escape');
    await s.waitFor('q quit');
    await userPause(); // q right after Esc is a machine-fast burst, which never quits
    s.keys('q');
    await s.waitFor('EXIT=0');
  });

  it('rejects with a reason the model receives (disk untouched), edits in $EDITOR, cancels, and quits on a second Ctrl-C', async () => {
    const editor = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-editor-')), 'editor.sh');
    fs.writeFileSync(editor, '#!/bin/sh\nprintf "edited by hand\\n" > "$1"\n', { mode: 0o755 });
    const s = await open(
      [
        writeHello,
        { text: 'Understood.' },
        { toolCalls: [{ name: 'write_file', arguments: { path: 'notes.txt', content: 'draft\n' } }] },
        { text: 'Saved.' },
        { text: 'Thinking about it', hang: true },
      ],
      { cols: 100, rows: 30 },
      { EDITOR: editor },
    );

    s.type('create hello.txt');
    s.keys('Enter');
    await s.waitFor('Create hello.txt?');
    await s.answer('n');
    await s.waitFor('Reject — tell the model why');
    s.type('use a greeting in French');
    s.keys('Enter');
    await s.waitFor('Understood.');
    expect(fs.existsSync(path.join(s.root, 'hello.txt'))).toBe(false);
    expect(s.screen()).toContain('you said: use a greeting in French');
    const second = s.server.chatRequests()[1];
    expect(JSON.stringify(second.body)).toContain('use a greeting in French');

    s.type('write notes');
    s.keys('Enter');
    await s.waitFor('Create notes.txt?');
    await s.answer('e');
    await s.waitFor('Saved.');
    expect(fs.readFileSync(path.join(s.root, 'notes.txt'), 'utf8')).toBe('edited by hand\n');

    s.type('think');
    s.keys('Enter');
    await s.waitFor('writing…');
    s.keys('C-c');
    await s.waitFor('Press Ctrl-C again to quit');
    await s.waitFor('turn cancelled');
    s.keys('C-c');
    const after = await s.waitFor('EXIT=0');
    expect(after).not.toContain('Message (');
  });
});
