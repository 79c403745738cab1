import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveInWorkspace } from '../../src/workspace/jail';

describe('workspace jail', () => {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-jail-')));
  const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-out-')));
  fs.mkdirSync(path.join(root, 'src'));
  fs.writeFileSync(path.join(root, 'src', 'a.ts'), 'x');
  fs.symlinkSync(outside, path.join(root, 'escape'));

  it('resolves paths inside the root', () => {
    expect(resolveInWorkspace(root, 'src/a.ts')).toEqual({ ok: true, abs: path.join(root, 'src/a.ts'), rel: 'src/a.ts' });
    expect(resolveInWorkspace(root, './src/../src/new.ts')).toMatchObject({ ok: true, rel: 'src/new.ts' });
    expect(resolveInWorkspace(root, path.join(root, 'src/a.ts'))).toMatchObject({ ok: true, rel: 'src/a.ts' });
  });

  it.each(['../x', '/etc/passwd', 'src/../../x', 'escape/secret.txt', 'escape', ''])('refuses %p', (p) => {
    const r = resolveInWorkspace(root, p);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).not.toMatch(/\n/);
  });
});
