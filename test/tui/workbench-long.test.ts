// Issue 14 items 8 and 9 and search, in the whole workbench (blessed → headless terminal): the
// tree's paging keys and filter, .gitignore edits picked up, chat search with n / N, the input's
// line and word motions, and the input history kept across restarts.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openBench, TestAgent, KEYS, type Bench } from './harness';

function workspace(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-tui-long-')));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}

/** 30 folders of 20 files each: 630 rows once every folder is open. */
function bigWorkspace(): string {
  const files: Record<string, string> = {};
  for (let d = 0; d < 30; d++) for (let f = 0; f < 20; f++) files[`d${String(d).padStart(2, '0')}/f${String(f).padStart(2, '0')}.ts`] = '';
  return workspace(files);
}

const KEY = {
  pageDown: '\x1b[6~',
  pageUp: '\x1b[5~',
  home: '\x1b[H',
  end: '\x1b[F',
  altB: '\x1bb',
  altF: '\x1bf',
  ctrlLeft: '\x1b[1;5D',
  ctrlW: '\x17',
  ctrlK: '\x0b',
  ctrlU: '\x15',
  ctrlJ: '\n',
};

const open: Bench[] = [];
async function bench(agent: TestAgent, root: string, extra: { historyFile?: string; prefsFile?: string } = {}): Promise<Bench> {
  const b = await openBench({ agent, root, cols: 150, rows: 45, ...extra });
  open.push(b);
  return b;
}
afterEach(async () => {
  for (const b of open.splice(0)) {
    b.probe.quit(0);
    await b.exit;
  }
});

const selectedRel = (b: Bench) => {
  const { tree } = b.probe.store.get();
  const { treeRows } = require('../../src/tui/tree-rows') as typeof import('../../src/tui/tree-rows');
  return treeRows(tree)[tree.selected]?.rel;
};

async function openAllFolders(b: Bench): Promise<void> {
  await b.waitFor('d00/');
  for (let d = 0; d < 30; d++) b.probe.store.dispatch({ type: 'ui.tree.toggle', rel: `d${String(d).padStart(2, '0')}` });
  await b.probe.tree.flush();
  b.probe.store.dispatch({ type: 'ui.focus', focus: 'tree' });
  await b.settle();
}

describe('file tree at size', () => {
  it('G / End go to the last entry, g / Home to the first, PgDn / PgUp by a page — and the view follows', async () => {
    const b = await bench(new TestAgent(), bigWorkspace());
    await openAllFolders(b);
    await b.press('G');
    expect(selectedRel(b)).toBe('d29/f19.ts');
    expect(await b.text()).toMatch(/f19\.ts/);
    expect(await b.text()).toMatch(/Files ↑\d+/);
    await b.press('g');
    expect(selectedRel(b)).toBe('d00');
    await b.press(KEY.pageDown);
    const page = b.probe.store.get().tree.selected;
    expect(page).toBeGreaterThan(3); // the pane's height less one
    await b.press(KEY.pageDown, KEY.pageUp);
    expect(b.probe.store.get().tree.selected).toBe(page);
    await b.press(KEY.end);
    expect(selectedRel(b)).toBe('d29/f19.ts');
    await b.press(KEY.home);
    expect(b.probe.store.get().tree.selected).toBe(0);
  });

  it('/ filters the tree as the query is typed; Enter goes to the entry in the whole tree; n finds the next', async () => {
    const b = await bench(new TestAgent(), bigWorkspace());
    await openAllFolders(b);
    await b.press('/', ...'d07/f1');
    const filtered = await b.text();
    expect(filtered).toContain('Files /d07/f1▏');
    expect(filtered).toContain('d07/f10.ts');
    expect(filtered).not.toContain('d08/');
    await b.press(KEYS.down, KEYS.enter);
    expect(selectedRel(b)).toBe('d07/f11.ts');
    const whole = await b.text();
    expect(whole).not.toContain('d07/f10.ts'); // the whole tree again: names under their folders
    expect(whole).toMatch(/ {4}f11\.ts/);
    await b.press('n');
    expect(selectedRel(b)).toBe('d07/f12.ts');
    await b.press('N', 'N');
    expect(selectedRel(b)).toBe('d07/f10.ts');
    await b.press(KEYS.esc);
    expect(b.probe.store.get().search).toBeNull();
    expect(await b.text()).not.toContain('/d07/f1');
  });

  it('searches folders not opened yet too: Enter opens the folders and selects the entry', async () => {
    const root = workspace({ 'top.ts': '', 'deep/er/target.ts': '', 'deep/er/other.ts': '', 'zz/target-not.md': '' });
    const b = await bench(new TestAgent(), root);
    await b.waitFor('deep/');
    b.probe.store.dispatch({ type: 'ui.focus', focus: 'tree' });
    await b.press('/', ...'target');
    await b.until(() => b.probe.store.get().tree.index !== undefined, 'the workspace index walked');
    const found = await b.text();
    expect(found).toContain('deep/er/target.ts');
    expect(found).toContain('zz/target-not.md');
    await b.press(KEYS.enter);
    await b.until(() => selectedRel(b) === 'deep/er/target.ts', 'the entry selected in its opened folder');
    expect([...b.probe.store.get().tree.expanded].sort()).toEqual(['', 'deep', 'deep/er']);
    expect(await b.text()).toMatch(/ {4}target\.ts/);
    await b.press('n');
    await b.until(() => selectedRel(b) === 'zz/target-not.md', 'n: the next match, in another closed folder');
    await b.press('N');
    expect(selectedRel(b)).toBe('deep/er/target.ts');
  });

  it('Esc while typing a tree search goes back to where the selection was', async () => {
    const b = await bench(new TestAgent(), bigWorkspace());
    await openAllFolders(b);
    await b.press('j', 'j', 'j', '/', 'f', '1');
    expect(b.probe.store.get().tree.selected).toBe(0);
    await b.press(KEYS.esc);
    expect(selectedRel(b)).toBe('d00/f02.ts');
  });

  it('picks up a .gitignore edited while running: the entries it now ignores leave the tree', async () => {
    const root = workspace({ 'keep.ts': '', 'build.log': '', 'sub/inner.log': '', 'sub/inner.ts': '' });
    const b = await bench(new TestAgent(), root);
    await b.waitFor('build.log');
    b.probe.store.dispatch({ type: 'ui.tree.toggle', rel: 'sub' });
    await b.waitFor('inner.log');
    await b.probe.tree.ready();
    fs.writeFileSync(path.join(root, '.gitignore'), '*.log\n');
    await b.waitFor((t) => !t.includes('build.log') && !t.includes('inner.log'), 'the .log files gone');
    expect(await b.text()).toContain('inner.ts');
    fs.writeFileSync(path.join(root, '.gitignore'), '');
    await b.waitFor('build.log');
  });
});

describe('chat search', () => {
  it('/ in the chat finds, counts and highlights matches; n / N step through them; Esc clears', async () => {
    const agent = new TestAgent();
    const b = await bench(agent, workspace({ 'a.txt': '' }));
    for (let i = 0; i < 80; i++) agent.emit({ type: 'notice', level: 'info', message: i % 20 === 5 ? `found the Needle ${i}` : `line ${i}` });
    await b.press(KEYS.esc); // leave the input: the chat has focus
    expect(b.probe.store.get().focus).toBe('chat');
    await b.press('/', ...'needle');
    expect(await b.text()).toContain('Chat /needle▏ 4 of 4');
    await b.press(KEYS.enter);
    expect(await b.text()).toContain('Chat /needle 4 of 4');
    await b.press('n', 'n');
    const screen = await b.text();
    expect(screen).toContain('Chat /needle 2 of 4');
    expect(screen).toContain('found the Needle 25');
    // The current match is drawn in inverse.
    const buf = b.term.buffer.active;
    let inverse = '';
    for (let y = 0; y < b.term.rows; y++) {
      const line = buf.getLine(y);
      for (let x = 0; x < b.term.cols; x++) if (line?.getCell(x)?.isInverse()) inverse += line.getCell(x)?.getChars() ?? '';
    }
    expect(inverse).toContain('Needle');
    await b.press('N');
    const third = await b.text();
    expect(third).toContain('Chat /needle 3 of 4');
    expect(third).toContain('found the Needle 45');
    expect(third).not.toContain('line 79');
    // Paging goes on from the match shown, not from the bottom of the chat.
    await b.press(KEY.pageUp);
    const above = await b.text();
    expect(above).not.toContain('line 79');
    expect(above).toMatch(/line 3\d\b/);
    await b.press(KEYS.esc);
    expect(await b.text()).not.toContain('/needle');
  });

  it('/ typed in the input is still a slash command, not a search', async () => {
    const agent = new TestAgent();
    const b = await bench(agent, workspace({ 'a.txt': '' }));
    await b.press('/', 'h', 'e', 'l', 'p', KEYS.enter);
    expect(await b.text()).toContain('Keys — Esc, ? or q closes this help');
    expect(b.probe.store.get().search).toBeNull();
  });
});

describe('input editing', () => {
  it('↑ / ↓ move between the lines of a draft; history only from the first / last line', async () => {
    const agent = new TestAgent();
    const b = await bench(agent, workspace({ 'a.txt': '' }));
    await b.press(...'sent before', KEYS.enter);
    await b.until(() => agent.submitted.length === 1, 'the first message sent');
    await b.press(...'one', KEY.ctrlJ, ...'two', KEY.ctrlJ, ...'three');
    await b.press(KEYS.up);
    let input = b.probe.store.get().input;
    expect(input.text).toBe('one\ntwo\nthree');
    expect(input.cursor).toBe('one\ntwo'.length);
    await b.press(KEYS.up, KEYS.down, KEYS.down);
    input = b.probe.store.get().input;
    expect(input.text).toBe('one\ntwo\nthree');
    await b.press(KEYS.up, KEYS.up, KEYS.up);
    expect(b.probe.store.get().input.text).toBe('sent before');
    await b.press(KEYS.down);
    expect(b.probe.store.get().input.text).toBe('one\ntwo\nthree');
  });

  it('word motions (Alt-b, Ctrl-←, Alt-f), Ctrl-W, Ctrl-K and Ctrl-U edit like readline', async () => {
    const b = await bench(new TestAgent(), workspace({ 'a.txt': '' }));
    await b.press(...'fix the flaky test');
    await b.press(KEY.altB);
    expect(b.probe.store.get().input.cursor).toBe('fix the flaky '.length);
    await b.press(KEY.ctrlLeft);
    expect(b.probe.store.get().input.cursor).toBe('fix the '.length);
    await b.press(KEY.altF);
    expect(b.probe.store.get().input.cursor).toBe('fix the flaky'.length);
    await b.press(KEY.ctrlW);
    expect(b.probe.store.get().input.text).toBe('fix the  test');
    await b.press(KEY.ctrlK);
    expect(b.probe.store.get().input.text).toBe('fix the ');
    await b.press(KEY.ctrlU);
    expect(b.probe.store.get().input.text).toBe('');
  });

  it('keeps the input history across restarts (a file in the state folder, written atomically)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-hist-'));
    const historyFile = path.join(dir, 'input-history.json');
    const agent = new TestAgent();
    const first = await bench(agent, workspace({ 'a.txt': '' }), { historyFile });
    await first.press(...'remember me', KEYS.enter);
    await first.until(() => fs.existsSync(historyFile) && fs.readFileSync(historyFile, 'utf8').includes('remember me'), 'the history saved');
    expect(JSON.parse(fs.readFileSync(historyFile, 'utf8'))).toEqual(['remember me']);
    expect(fs.readdirSync(dir)).toEqual(['input-history.json']); // no temp file left behind
    // A second workbench open at the same time: both keep what they sent.
    const other = await bench(new TestAgent(), workspace({ 'a.txt': '' }), { historyFile });
    await other.press(...'from the other window', KEYS.enter);
    await other.until(() => fs.readFileSync(historyFile, 'utf8').includes('other window'), 'the second one saved');
    await first.press(...'one more', KEYS.enter);
    await first.until(() => fs.readFileSync(historyFile, 'utf8').includes('one more'), 'the third one saved');
    expect(JSON.parse(fs.readFileSync(historyFile, 'utf8'))).toEqual(['remember me', 'from the other window', 'one more']);
    first.probe.quit(0);
    await first.exit;
    open.splice(open.indexOf(first), 1);

    const again = await bench(new TestAgent(), workspace({ 'a.txt': '' }), { historyFile });
    await again.press(KEYS.up);
    expect(again.probe.store.get().input.text).toBe('one more');
    await again.press(KEYS.up, KEYS.up);
    expect(again.probe.store.get().input.text).toBe('remember me');
  });
});
