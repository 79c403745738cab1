// The confined reads and writes under undo and apply: every component checked with lstat at the
// moment of use, no symlink followed, FIFOs refused without blocking, writes as compare-and-swap.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { confine, readConfined, removeConfined, replaceConfined } from '../../src/workspace/confined-file';

let root: string;
let outside: string;
beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-conf-')));
  outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-conf-out-')));
  fs.writeFileSync(path.join(outside, 'x'), 'outside\n');
  fs.mkdirSync(path.join(root, 'src'));
  fs.writeFileSync(path.join(root, 'src', 'a.txt'), 'a\n');
  fs.symlinkSync(outside, path.join(root, 'out'));
  fs.symlinkSync(path.join(root, 'src'), path.join(root, 'alias'));
  fs.symlinkSync(path.join(outside, 'x'), path.join(root, 'leaf'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

const yes = () => true;

describe('confine', () => {
  it.each([
    ['../x', 'outside', /climbs out/],
    ['/etc/passwd', 'outside', /absolute/],
    ['src/../../x', 'outside', /climbs out/],
    ['', 'outside', /empty/],
    ['a\0b', 'outside', /NUL/],
    ['out/x', 'outside', /goes through out, a symlink/],
    ['alias/a.txt', 'outside', /goes through alias, a symlink/],
    ['leaf', 'symlink', /is a symlink/],
    ['src', 'is_dir', /is a folder/],
  ])('refuses %p (%s)', async (rel, code, reason) => {
    const c = await confine(root, rel);
    expect(c.ok ? 'ok' : [c.code, c.reason]).toEqual([code, expect.stringMatching(reason)]);
  });

  it('accepts plain paths, existing or not', async () => {
    expect(await confine(root, 'src/a.txt')).toMatchObject({ ok: true, abs: path.join(root, 'src', 'a.txt') });
    expect(await confine(root, './src/new/b.txt')).toMatchObject({ ok: true, leaf: null });
  });
});

describe('readConfined', () => {
  it('refuses a FIFO at once instead of blocking on it', async () => {
    execFileSync('mkfifo', [path.join(root, 'pipe')]);
    const r = await readConfined(root, 'pipe');
    expect(r.ok ? 'ok' : [r.code, r.reason]).toEqual(['special', 'pipe is a FIFO (named pipe), not a regular file: only regular files are read']);
  });

  it('reads a missing file as null', async () => {
    expect(await readConfined(root, 'src/none.txt')).toMatchObject({ ok: true, bytes: null });
  });
});

describe('replaceConfined', () => {
  it('writes only while the expectation holds, and leaves no temp file either way', async () => {
    expect(await replaceConfined(root, 'src/a.txt', Buffer.from('b\n'), (cur) => cur?.toString() === 'a\n')).toEqual({ ok: true });
    expect(await replaceConfined(root, 'src/a.txt', Buffer.from('c\n'), (cur) => cur?.toString() === 'a\n')).toEqual({ ok: false, changed: true });
    expect(fs.readFileSync(path.join(root, 'src', 'a.txt'), 'utf8')).toBe('b\n');
    expect(fs.readdirSync(path.join(root, 'src'))).toEqual(['a.txt']);
  });

  it('creates new folders and files, but refuses to create over a file that appeared', async () => {
    expect(await replaceConfined(root, 'new/deep/n.txt', Buffer.from('n\n'), (cur) => cur === null)).toEqual({ ok: true });
    expect(fs.readFileSync(path.join(root, 'new', 'deep', 'n.txt'), 'utf8')).toBe('n\n');
    fs.writeFileSync(path.join(root, 'late.txt'), 'someone else\n');
    expect(await replaceConfined(root, 'late.txt', Buffer.from('mine\n'), (cur) => cur === null)).toEqual({ ok: false, changed: true });
    expect(fs.readFileSync(path.join(root, 'late.txt'), 'utf8')).toBe('someone else\n');
  });

  it('never writes through a symlinked folder or file', async () => {
    for (const rel of ['out/x', 'out/new.txt', 'leaf', 'alias/a.txt']) {
      const r = await replaceConfined(root, rel, Buffer.from('pwned\n'), yes);
      expect(r.ok).toBe(false);
    }
    expect(fs.readdirSync(outside)).toEqual(['x']);
    expect(fs.readFileSync(path.join(outside, 'x'), 'utf8')).toBe('outside\n');
    expect(fs.readFileSync(path.join(root, 'src', 'a.txt'), 'utf8')).toBe('a\n');
  });
});

describe('removeConfined', () => {
  it('removes only a regular file inside, and only while the expectation holds', async () => {
    expect(await removeConfined(root, 'src/a.txt', (cur) => cur?.toString() === 'other\n')).toEqual({ ok: false, changed: true });
    expect(await removeConfined(root, 'leaf', yes)).toMatchObject({ ok: false, code: 'symlink' });
    expect(await removeConfined(root, 'out/x', yes)).toMatchObject({ ok: false, code: 'outside' });
    expect(fs.existsSync(path.join(outside, 'x'))).toBe(true);
    expect(await removeConfined(root, 'src/a.txt', yes)).toEqual({ ok: true });
    expect(fs.existsSync(path.join(root, 'src', 'a.txt'))).toBe(false);
  });
});
