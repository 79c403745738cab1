// The workspace lock in one process: queued calls, a lock left by a dead holder taken over at
// once, the holder named in the one-line message. (A live holder in another process:
// test/patch/processes.test.ts.)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { heldMessage, lockPath, withWorkspaceLock } from '../../src/workspace/workspace-lock';

let root: string;
beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-lock-')));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('withWorkspaceLock', () => {
  it('runs calls from one process one after another, and releases the lock after each', async () => {
    const order: string[] = [];
    const job = (name: string) => async () => {
      order.push(`${name} in`);
      expect(fs.readdirSync(path.dirname(lockPath(root))).sort()).toEqual(['apply.lock', 'apply.owner.json']);
      await new Promise<void>((resolve) => setImmediate(resolve));
      order.push(`${name} out`);
      return name;
    };
    const results = await Promise.all([withWorkspaceLock(root, job('a')), withWorkspaceLock(root, job('b')), withWorkspaceLock(root, job('c'))]);
    expect(results).toEqual([
      { ok: true, value: 'a' },
      { ok: true, value: 'b' },
      { ok: true, value: 'c' },
    ]);
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
    // Neither the lock nor the holder's note outlives the last call.
    expect(fs.readdirSync(path.dirname(lockPath(root)))).toEqual([]);
  });

  it('releases the lock when the work throws', async () => {
    await expect(
      withWorkspaceLock(root, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(fs.existsSync(lockPath(root))).toBe(false);
  });

  it('takes over at once a lock whose noted holder on this machine is dead', async () => {
    fs.mkdirSync(lockPath(root), { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const note = { pid: dead, host: os.hostname(), command: 'smallcode run x', since: new Date().toISOString(), lock: fs.statSync(lockPath(root)).ino };
    fs.writeFileSync(path.join(path.dirname(lockPath(root)), 'apply.owner.json'), JSON.stringify(note));
    // A wait far shorter than the 5 s after which an unrefreshed lock counts as stale.
    expect(await withWorkspaceLock(root, async () => 'mine', { waitMs: 50 })).toEqual({ ok: true, value: 'mine' });
  });

  it('waits for a live holder, then says so in one line without naming an unknown holder', async () => {
    fs.mkdirSync(lockPath(root), { recursive: true });
    const r = await withWorkspaceLock(root, async () => 'mine', { waitMs: 50 });
    expect(r).toEqual({ ok: false, message: 'another SmallCode process is applying changes in this workspace (waited 0 s); try again when it has finished' });
    expect(fs.existsSync(lockPath(root))).toBe(true);
  });
});

describe('heldMessage', () => {
  it('names the pid, command and time the holder took the lock', () => {
    const since = new Date(2026, 0, 2, 9, 5, 7);
    const owner = { pid: 4242, host: 'h', command: 'smallcode run fix the bug', since: since.toISOString(), lock: 1 };
    expect(heldMessage(owner, 10_000, new Date(since.getTime() + 12_000))).toBe(
      'another SmallCode process is applying changes in this workspace: pid 4242 (smallcode run fix the bug), since 09:05:07 (12 s ago); waited 10 s — try again when it has finished, or stop it',
    );
  });
});
