// Golden cases (test/fixtures/patch/<behaviour>/): before.*, edit.txt, and expected.* or a
// `refusal` code; SOURCE names where the case came from. Each runs through `debug apply --dry-run`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { capture, stdinOf } from './cli-io';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'patch');
const cases = fs
  .readdirSync(FIXTURES)
  .filter((d) => fs.statSync(path.join(FIXTURES, d)).isDirectory())
  .sort();

function fileIn(dir: string, prefix: string): string | undefined {
  return fs.readdirSync(dir).find((f) => f.startsWith(prefix + '.'));
}

describe('patch golden cases', () => {
  it('has a representative corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(35);
    expect(cases.filter((c) => c.startsWith('refuse-')).length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases)('%s', async (name) => {
    const dir = path.join(FIXTURES, name);
    expect(fs.readFileSync(path.join(dir, 'SOURCE'), 'utf8').trim()).not.toBe('');
    const before = fileIn(dir, 'before');
    const expected = fileIn(dir, 'expected');
    const ext = path.extname(before ?? expected ?? 'x.txt');
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-golden-'));
    try {
      const target = path.join(work, `file${ext}`);
      if (before) fs.copyFileSync(path.join(dir, before), target);
      const beforeBytes = before ? fs.readFileSync(target) : null;
      const out = capture();
      const err = capture();
      const code = await main(['debug', 'apply', '--file', `file${ext}`, '--dry-run'], {
        cwd: work,
        env: {},
        stdin: stdinOf(fs.readFileSync(path.join(dir, 'edit.txt'))),
        stdout: out.stream,
        stderr: err.stream,
      });
      if (expected) {
        expect({ code, err: err.text() }).toEqual({ code: 0, err: code === 0 ? err.text() : '' });
        expect(out.bytes().toString('utf8')).toBe(fs.readFileSync(path.join(dir, expected), 'utf8'));
      } else {
        const want = fs.readFileSync(path.join(dir, 'refusal'), 'utf8').trim();
        expect(code).toBe(1);
        const [first, ...hint] = err.text().split('\n');
        expect(first).toContain(`(${want})`);
        expect(hint.join('\n').trim()).not.toBe('');
        expect(out.text()).toBe('');
      }
      // --dry-run never touches the file.
      if (beforeBytes) expect(fs.readFileSync(target).equals(beforeBytes)).toBe(true);
      else expect(fs.existsSync(target)).toBe(false);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
