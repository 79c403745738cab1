// `smallcode debug apply` and `smallcode undo` driven with real streams in a temp workspace:
// exit codes, stdout/stderr contract, journaled apply and undo.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { capture, stdinOf } from './cli-io';

let cwd: string;
beforeEach(() => {
  cwd = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-cli-')));
  fs.writeFileSync(path.join(cwd, 'a.py'), 'x = 1\ny = 2\n');
});
afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

async function apply(args: string[], edit: string) {
  const out = capture();
  const err = capture();
  const code = await main(['debug', 'apply', ...args], { cwd, env: {}, stdin: stdinOf(edit), stdout: out.stream, stderr: err.stream });
  return { code, out: out.text(), err: err.text() };
}

async function undo(args: string[]) {
  const out = capture();
  const err = capture();
  const code = await main(['undo', ...args], { cwd, env: {}, stdin: stdinOf(''), stdout: out.stream, stderr: err.stream });
  return { code, out: out.text(), err: err.text() };
}

const block = (s: string, r: string, file = '') => `${file}${file ? '\n' : ''}<<<<<<< SEARCH\n${s}\n=======\n${r}\n>>>>>>> REPLACE\n`;

describe('debug apply', () => {
  it('applies an edit (journaled) and undo reverts it', async () => {
    const r = await apply([], block('y = 2', 'y = 3', 'a.py'));
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('applied to a.py');
    expect(fs.readFileSync(path.join(cwd, 'a.py'), 'utf8')).toBe('x = 1\ny = 3\n');
    const list = await undo(['--list']);
    expect(list.out).toMatch(/^ +1 .* modified +a\.py\n$/);
    expect((await undo([])).code).toBe(0);
    expect(fs.readFileSync(path.join(cwd, 'a.py'), 'utf8')).toBe('x = 1\ny = 2\n');
    expect((await undo(['1'])).code).toBe(1);
  });

  it('ignores a path named in the edit when --file is given', async () => {
    const r = await apply(['--file', 'a.py', '--dry-run'], block('x = 1', 'x = 0', 'other/place.py'));
    expect(r).toEqual({ code: 0, out: 'x = 0\ny = 2\n', err: '' });
  });

  it('exits 0 and prints the unchanged file when the change is already present', async () => {
    const r = await apply(['--file', 'a.py', '--dry-run'], block('y = 5', 'y = 2'));
    expect(r.code).toBe(0);
    expect(r.out).toBe('x = 1\ny = 2\n');
    expect(r.err).toContain('already');
  });

  it('exits 1 with the reason on one line, then the hint, on stderr', async () => {
    const r = await apply(['--file', 'a.py'], block('z = 9', 'z = 10'));
    expect(r.code).toBe(1);
    const [first, ...rest] = r.err.split('\n');
    expect(first).toMatch(/^edit refused \(no_match\): /);
    expect(rest.join('\n')).toMatch(/\S/);
    expect(r.out).toBe('');
    expect(fs.readFileSync(path.join(cwd, 'a.py'), 'utf8')).toBe('x = 1\ny = 2\n');
  });

  it('exits 2 on usage errors', async () => {
    expect((await apply(['--bogus'], '')).code).toBe(2);
    expect((await apply([], block('x = 1', 'x = 2'))).code).toBe(2);
    expect((await apply(['--file', '../outside.py'], block('x = 1', 'x = 2'))).code).toBe(2);
    expect((await undo(['many'])).code).toBe(2);
  });
});
