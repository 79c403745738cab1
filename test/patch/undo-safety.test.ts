// Undo with a crafted journal: whatever an entry names (a path climbing out, an absolute path, a
// folder or file that is a symlink pointing outside), undo touches nothing outside the workspace
// and follows no symlink; an entry whose saved content does not match its hash is refused.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { applyProposal, listJournal, proposeEdit, undo } from '../../src/patch';
import { capture, stdinOf } from './cli-io';

let root: string;
let outside: string;
beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-undo-root-')));
  outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-undo-out-')));
  fs.writeFileSync(path.join(outside, 'x'), 'precious\n');
  fs.mkdirSync(path.join(root, '.smallcode', 'journal'), { recursive: true });
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Writes journal entry `id` as the engine would, naming `p`: undo would restore `before` (null: delete). */
function craft(id: number, p: string, current: string, before: string | null) {
  const entry = {
    id,
    path: p,
    time: new Date().toISOString(),
    beforeHash: before === null ? null : sha(before),
    afterHash: sha(current),
    before: before === null ? null : Buffer.from(before).toString('base64'),
  };
  fs.writeFileSync(path.join(root, '.smallcode', 'journal', `${String(id).padStart(6, '0')}.json`), JSON.stringify(entry));
}

const outsideIntact = () => {
  expect(fs.readFileSync(path.join(outside, 'x'), 'utf8')).toBe('precious\n');
  expect(fs.readdirSync(outside)).toEqual(['x']);
};

describe('undo with a crafted journal entry', () => {
  const cases: [string, () => string][] = [
    ['a path climbing out with ..', () => path.relative(root, path.join(outside, 'x'))],
    ['an absolute path', () => path.join(outside, 'x')],
    [
      'a folder that is a symlink pointing outside',
      () => {
        fs.symlinkSync(outside, path.join(root, 'link'));
        return 'link/x';
      },
    ],
    [
      'a file that is a symlink pointing outside',
      () => {
        fs.symlinkSync(path.join(outside, 'x'), path.join(root, 'leaf'));
        return 'leaf';
      },
    ],
  ];

  it.each(cases)('refuses to write through %s', async (_name, makePath) => {
    craft(1, makePath(), 'precious\n', 'pwned\n');
    const r = await undo(root);
    expect(r.ok ? 'undone' : r.reason).toMatch(
      /^journal entry 1 names .*: .*; undo refused \(delete \.smallcode\/journal\/000001\.json if you did not make that change\)$/,
    );
    outsideIntact();
  });

  it.each(cases)('refuses to delete through %s', async (_name, makePath) => {
    craft(1, makePath(), 'precious\n', null);
    const r = await undo(root);
    expect(r.ok).toBe(false);
    outsideIntact();
  });

  it('follows no symlink even when it points inside the workspace', async () => {
    fs.writeFileSync(path.join(root, 'real.txt'), 'now\n');
    fs.symlinkSync(path.join(root, 'real.txt'), path.join(root, 'alias.txt'));
    craft(1, 'alias.txt', 'now\n', 'then\n');
    const r = await undo(root);
    expect(r.ok ? 'undone' : r.reason).toMatch(/"alias\.txt" is a symlink/);
    expect(fs.readFileSync(path.join(root, 'real.txt'), 'utf8')).toBe('now\n');
    expect(fs.lstatSync(path.join(root, 'alias.txt')).isSymbolicLink()).toBe(true);
  });

  it('refuses an entry whose saved content does not match its hash', async () => {
    fs.writeFileSync(path.join(root, 'a.txt'), 'now\n');
    craft(1, 'a.txt', 'now\n', 'then\n');
    const file = path.join(root, '.smallcode', 'journal', '000001.json');
    const entry = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...entry, before: Buffer.from('evil\n').toString('base64') }));
    const r = await undo(root);
    expect(r.ok ? 'undone' : r.reason).toMatch(/saved content does not match its hash/);
    expect(fs.readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe('now\n');
  });

  it('through `smallcode undo`: one line on stderr, exit 1, nothing outside touched', async () => {
    fs.symlinkSync(outside, path.join(root, 'link'));
    craft(1, 'link/x', 'precious\n', 'pwned\n');
    const out = capture();
    const err = capture();
    expect(await main(['undo'], { cwd: root, env: {}, stdin: stdinOf(''), stdout: out.stream, stderr: err.stream })).toBe(1);
    expect(err.text()).toMatch(/^smallcode undo: journal entry 1 names "link\/x": "link\/x" goes through link, a symlink: refused; undo refused .*\n$/);
    outsideIntact();
  });
});

describe('a symlink swapped in after a change was applied', () => {
  it('makes undo refuse instead of writing through it', async () => {
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src', 'x'), 'v1\n');
    const p = await proposeEdit(root, 'src/x', { kind: 'search_replace', search: 'v1', replace: 'precious' });
    expect(p.ok && (await applyProposal(root, p.proposal)).ok).toBe(true);
    // The folder is replaced by a link to a folder outside whose x has the same content.
    fs.rmSync(path.join(root, 'src'), { recursive: true });
    fs.symlinkSync(outside, path.join(root, 'src'));
    const r = await undo(root);
    expect(r.ok ? 'undone' : r.reason).toMatch(/goes through src, a symlink: refused/);
    outsideIntact();
    expect(await listJournal(root)).toHaveLength(1);
  });
});
