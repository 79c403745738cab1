// Temp files of killed atomic writes are removed on the next start: only our own name shape, only
// when the writing process is dead, only regular files, only in the folders asked about.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyProposal, proposeEdit, recoverInterruptedWrites } from '../../src/patch';
import { pidAlive, removeStaleTempFiles } from '../../src/workspace/temp-files';

let root: string;
beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-temp-')));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  expect(pidAlive(r.pid!)).toBe(false);
  return r.pid!;
}

describe('removeStaleTempFiles', () => {
  it('removes our temp files whose writer is dead, and nothing else', async () => {
    const dead = deadPid();
    const files = {
      stale: `.a.txt.${dead}.0123abcd.tmp`,
      live: `.a.txt.${process.pid}.0123abcd.tmp`,
      foreign: 'a.txt.tmp',
      shape: `.a.txt.${dead}.xyz.tmp`,
    };
    for (const name of Object.values(files)) fs.writeFileSync(path.join(root, name), 'x');
    fs.symlinkSync(path.join(root, 'a.txt'), path.join(root, `.b.txt.${dead}.0123abcd.tmp`));
    fs.mkdirSync(path.join(root, 'sub'));
    fs.writeFileSync(path.join(root, 'sub', files.stale), 'x');

    expect(await removeStaleTempFiles([root])).toEqual([path.join(root, files.stale)]);
    expect(fs.readdirSync(root).sort()).toEqual([files.live, `.b.txt.${dead}.0123abcd.tmp`, files.foreign, files.shape, 'sub'].sort());
    expect(fs.readdirSync(path.join(root, 'sub'))).toEqual([files.stale]);
  });
});

describe('recoverInterruptedWrites', () => {
  it('looks in the folders of journaled paths, and the first apply of a process runs it', async () => {
    fs.mkdirSync(path.join(root, 'src', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src', 'deep', 'a.ts'), 'one\n');
    const p = await proposeEdit(root, 'src/deep/a.ts', { kind: 'search_replace', search: 'one', replace: 'two' });
    expect(p.ok && (await applyProposal(root, p.proposal)).ok).toBe(true);
    const leftover = path.join(root, 'src', 'deep', `.a.ts.${deadPid()}.89abcdef.tmp`);
    fs.writeFileSync(leftover, 'half a wri');
    expect(await recoverInterruptedWrites(root)).toEqual([leftover]);
    expect(fs.readdirSync(path.join(root, 'src', 'deep'))).toEqual(['a.ts']);
  });
});
