// The workbench in a real terminal (tmux) for issue 9 item 1 and issue 14 items 1–7: typing and
// pasting never answer a dialog, tool output, the dialog above the chat, patches kept apart, diffs
// that are never cut, wide characters, $EDITOR with arguments, and a change re-checked once.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import stringWidth from 'string-width';
import { HAS_TMUX, closeAll, openSession, userPause } from './support/tmux';

const suite = HAS_TMUX ? describe : describe.skip;
jest.setTimeout(150000);

const SENTENCE = 'yes and quit, then undo: never edit anything';
const inputShows = (screen: string, text: string) => screen.split('\n').some((l) => l.includes(`› ${text}`));

suite('workbench trust and long-session fixes in tmux', () => {
  afterAll(closeAll);

  it('issue 9: a sentence typed right after a dialog appears is text (change and command); a paste lands whole, sent only on Enter', async () => {
    const s = await openSession(
      [
        { toolCalls: [{ name: 'write_file', arguments: { path: 'hello.txt', content: 'hi\n' } }] },
        { toolCalls: [{ name: 'run_command', arguments: { command: 'touch ran.txt' } }] },
        { text: 'Stopped.' },
        { text: 'Got your paste.' },
      ],
      { cols: 80, rows: 24 },
    );
    s.type('make hello');
    s.keys('Enter');
    await s.waitFor('Create hello.txt?');
    s.type(SENTENCE);
    const typed = await s.waitFor((t) => inputShows(t, SENTENCE.slice(0, 40)));
    expect(typed).toContain('You are typing a message');
    await userPause();
    expect(fs.existsSync(path.join(s.root, 'hello.txt'))).toBe(false);
    expect(s.screen()).not.toContain('EXIT=');
    expect(s.server.chatRequests()).toHaveLength(1);

    s.keys('C-u');
    await s.answer('n');
    await s.waitFor('Reject — tell the model why');
    s.keys('Enter');
    await s.waitFor('Run this command?');
    expect(s.screen()).not.toMatch(/e edit|d full diff/);
    s.type(SENTENCE);
    await s.waitFor((t) => inputShows(t, SENTENCE.slice(0, 40)));
    await userPause();
    expect(fs.existsSync(path.join(s.root, 'ran.txt'))).toBe(false);
    expect(s.screen()).not.toContain('EXIT=');
    s.keys('C-u');
    await s.answer('n');
    await s.waitFor('Reject — tell the model why');
    s.keys('Enter');
    await s.waitFor('Stopped.');
    expect(fs.existsSync(path.join(s.root, 'ran.txt'))).toBe(false);
    expect(fs.existsSync(path.join(s.root, 'hello.txt'))).toBe(false);

    const requests = s.server.chatRequests().length;
    s.paste('first line\n\tsecond q\nu third');
    await s.waitFor((t) => t.includes('first line') && t.includes('u third'));
    await userPause();
    expect(s.server.chatRequests()).toHaveLength(requests);
    expect(s.screen()).not.toContain('EXIT=');
    s.keys('Enter');
    await s.waitFor('Got your paste.');
    expect(JSON.stringify(s.server.chatRequests()[requests].body)).toContain('first line\\n\\tsecond q\\nu third');
    s.close();
  });

  it('issue 14 items 1 and 2: the explanation stays above the dialog; a command card expands to its whole output (200×60)', async () => {
    const s = await openSession(
      [
        { text: 'EXPLANATION: counting to forty shows the loop works.', toolCalls: [{ name: 'run_command', arguments: { command: 'seq 1 40' } }] },
        { text: 'Counted.' },
      ],
      { cols: 200, rows: 60 },
    );
    s.type('count');
    s.keys('Enter');
    const dialog = await s.waitFor('Run this command?');
    expect(dialog).toContain('EXPLANATION: counting to forty');
    await s.answer('y');
    const card = await s.waitFor('Counted.');
    expect(card).toMatch(/more lines \(x shows all\)/);
    expect(card).toContain('40');
    s.keys('Escape');
    await userPause();
    s.keys('x');
    const view = await s.waitFor('Tool output');
    expect(view).toMatch(/\$ seq 1 40 +\(in .*\) → exit 0/);
    const numbers = view
      .split('\n')
      .map((l) => /^│(\d+) *│$/.exec(l)?.[1])
      .filter(Boolean)
      .map(Number);
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    s.keys('Escape');
    await s.waitFor((t) => !t.includes('Tool output'));
    s.close();
  });

  it('issue 14 item 3: calls the server names alike stay apart — both patches listed, both applied (80×24)', async () => {
    const write = (p: string) => ({ toolCalls: [{ name: 'write_file', arguments: { path: p, content: `${p}\n` } }], toolIds: [null] });
    const s = await openSession([write('one.txt'), write('two.txt'), { text: 'Both.' }], { cols: 80, rows: 24 });
    s.type('two files');
    s.keys('Enter');
    await s.waitFor('Create one.txt?');
    await s.answer('y');
    await s.waitFor('Create two.txt?');
    await s.answer('y');
    await s.waitFor('Both.');
    s.keys('Tab');
    await s.waitFor('i or Enter to type');
    s.keys('Tab');
    const patches = await s.waitFor(/two\.txt.*applied/);
    expect(patches).toMatch(/one\.txt.*applied/);
    s.close();
  });

  it('issue 14 item 4: a long diff line is never cut: it wraps, w scrolls it sideways (remembered), → shows its end (200×60)', async () => {
    const long = `const x = "${'y'.repeat(170)}THE-END";\n`;
    const s = await openSession([{ toolCalls: [{ name: 'write_file', arguments: { path: 'long.ts', content: long } }] }, { text: 'Written.' }], {
      cols: 200,
      rows: 60,
    });
    s.type('long line');
    s.keys('Enter');
    const wrapped = await s.waitFor('Create long.ts?');
    expect(wrapped).toContain('THE-END');
    expect(wrapped).not.toMatch(/y…/);
    expect(wrapped).not.toContain('/dev/null');
    await s.answer('w');
    const scrolled = await s.waitFor((t) => t.includes('›') && !t.includes('THE-END'));
    expect(scrolled).toContain('Create long.ts?');
    for (let i = 0; i < 6; i++) s.keys('Right');
    await s.waitFor('THE-END');
    s.keys('Left');
    await s.waitFor((t) => !t.includes('THE-END'));
    const prefs = path.join(s.root, '.local', 'state', 'smallcode', 'tui.json');
    expect(JSON.parse(fs.readFileSync(prefs, 'utf8'))).toEqual({ diffWrap: false });
    await s.answer('y');
    await s.waitFor('Written.');
    s.close();
  });

  it('issue 14 item 5: emoji and CJK do not garble the screen as the chat scrolls (80×24)', async () => {
    const emoji = Array.from({ length: 30 }, (_, i) => `row ${i} 😀 done ✅ ok 🎉 ⚠️ end`).join('\n');
    const cjk = '这是一个很长的中文句子，用来测试按显示宽度换行是否正确，不会丢失任何文字，最后一个字是尾。';
    const s = await openSession([{ text: `${emoji}\n${cjk}` }], { cols: 80, rows: 24 });
    s.type('show me');
    s.keys('Enter');
    await s.waitFor('是尾。');
    const check = (screen: string) => {
      const rows = screen.split('\n').slice(0, 24);
      for (const r of rows.filter((l) => l.startsWith('│'))) {
        expect(stringWidth(r)).toBe(80);
        expect(r.endsWith('│')).toBe(true);
      }
    };
    check(s.screen());
    const all = s
      .screen()
      .split('\n')
      .map((l) => l.replace(/^│/, '').replace(/ *│$/, ''))
      .join('');
    expect(all).toContain(cjk.slice(-10));
    s.keys('Escape');
    await userPause(); // Esc and k sent back to back would reach the workbench as one Alt-k
    for (let i = 0; i < 12; i++) s.keys('k');
    await s.waitFor((t) => t.includes('row 10'));
    check(s.screen());
    // Down again, a key at a time as a person scrolls, until the last line shows.
    for (let i = 0; i < 30 && !s.screen().includes('是尾。'); i++) {
      s.keys('j');
      await new Promise((r) => setTimeout(r, 30));
    }
    await s.waitFor('是尾。');
    check(s.screen());
    s.close();
  });

  it('issue 14 item 6: $EDITOR with arguments works and the model is told; a missing editor is named, not blamed (100×30)', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-ed-')));
    const editor = path.join(dir, 'ed.sh');
    fs.writeFileSync(editor, '#!/bin/sh\n[ "$1" = "--wait" ] || exit 3\nprintf "edited by hand\\n" > "$2"\n', { mode: 0o755 });
    const write = { toolCalls: [{ name: 'write_file', arguments: { path: 'notes.txt', content: 'draft\n' } }] };
    const s = await openSession([write, { text: 'Saved.' }], { cols: 100, rows: 30 }, { EDITOR: `${editor} --wait`, VISUAL: '' });
    s.type('notes');
    s.keys('Enter');
    await s.waitFor('Create notes.txt?');
    await s.answer('e');
    await s.waitFor('Saved.');
    expect(fs.readFileSync(path.join(s.root, 'notes.txt'), 'utf8')).toBe('edited by hand\n');
    expect(JSON.stringify(s.server.chatRequests()[1].body)).toContain('The user edited your proposed change');
    s.close();

    const t = await openSession([write, { text: 'Saved.' }], { cols: 100, rows: 30 }, { EDITOR: 'no-such-editor --wait', VISUAL: '' });
    t.type('notes');
    t.keys('Enter');
    await t.waitFor('Create notes.txt?');
    await t.answer('e');
    const failed = await t.waitFor('was not found');
    expect(failed.replace(/\n│?/g, ' ')).toMatch(/no-such-editor\s+--wait/);
    expect(failed).not.toMatch(/set \$EDITOR to your editor/);
    expect(failed).toContain('Create notes.txt?');
    t.close();
  });

  it('issue 14 item 7: a change whose file changed elsewhere (same diff) is applied on the first y, not asked twice', async () => {
    const before = `${Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n')}\n`;
    const s = await openSession(
      [{ toolCalls: [{ name: 'edit_file', arguments: { path: 'a.txt', search: 'line 0', replace: 'LINE ZERO' } }] }, { text: 'Edited.' }],
      { cols: 100, rows: 30 },
      {},
      undefined,
      { 'a.txt': before },
    );
    s.type('edit a.txt');
    s.keys('Enter');
    await s.waitFor('Change a.txt?');
    fs.appendFileSync(path.join(s.root, 'a.txt'), 'appended outside\n');
    await s.waitFor('the file changed on disk since this was proposed');
    await s.answer('y');
    await s.waitFor('Edited.');
    expect(fs.readFileSync(path.join(s.root, 'a.txt'), 'utf8')).toBe(`${before.replace('line 0', 'LINE ZERO')}appended outside\n`);
  });
});
