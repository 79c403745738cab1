// Real processes against the patch engine, each stopped at one exact moment (engine-child.js):
// a SIGKILL between the journal write and the file write, another editor saving between the
// engine's check and its write, and a second process meeting the workspace lock.
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyProposal, listJournal, proposeEdit, undo } from '../../src/patch';
import { transpileEngine } from './engine-build';

let mod: string;
let work: string;
beforeAll(() => {
  mod = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-proc-mod-'));
  transpileEngine(mod);
});
afterAll(() => fs.rmSync(mod, { recursive: true, force: true }));
beforeEach(() => {
  work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-proc-work-')));
  fs.writeFileSync(path.join(work, 'a.txt'), 'v1\n');
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

const read = () => fs.readFileSync(path.join(work, 'a.txt'), 'utf8');
const journal = () => path.join(work, '.smallcode', 'journal');
const temps = () => fs.readdirSync(work).filter((n) => n.endsWith('.tmp'));

/** Starts the child; `line(text)` resolves when it prints that line, `done` when it exits. */
function child(mode: string) {
  const proc: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'engine-child.js'), mode, mod, work], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  proc.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    for (const w of waiters) if (out.split('\n').includes(w.text)) w.resolve();
  });
  proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal, out, err })),
  );
  const line = (text: string) => new Promise<void>((resolve) => waiters.push({ text, resolve }));
  return { proc, line, done };
}

async function propose(search: string, replace: string) {
  const p = await proposeEdit(work, 'a.txt', { kind: 'search_replace', search, replace });
  if (!p.ok) throw new Error(p.refusal.reason);
  return p.proposal;
}

describe('a SIGKILL between the journal write and the file write', () => {
  it('leaves an entry the next undo recognises as never written and drops; its temp file is removed', async () => {
    const c = child('kill-before-rename');
    await c.line('renaming');
    c.proc.kill('SIGKILL');
    expect((await c.done).signal).toBe('SIGKILL');
    // What the killed process left: the file at v3, an entry for v3 → v4, its temp file, its lock.
    expect(read()).toBe('v3\n');
    expect((await listJournal(work)).map((e) => e.id)).toEqual([1, 2, 3]);
    expect(temps()).toHaveLength(1);
    expect(fs.existsSync(path.join(journal(), 'apply.lock'))).toBe(true);

    // The dead holder's lock is taken over at once (well within this wait, shorter than the stale time).
    const first = await undo(work, 1, { lockWaitMs: 2000 });
    expect(first).toMatchObject({ ok: true, reverted: [{ id: 2 }], skipped: [{ id: 3 }] });
    expect(read()).toBe('v2\n');
    expect(temps()).toEqual([]);
    const second = await undo(work);
    expect(second).toMatchObject({ ok: true, reverted: [{ id: 1 }] });
    expect(read()).toBe('v1\n');
    expect(await listJournal(work)).toEqual([]);
  });
});

describe('an edit saved between the check and the write', () => {
  it('is kept: the apply is refused as changed on disk, and nothing is journaled', async () => {
    const c = child('edit-before-write');
    const { code, out, err } = await c.done;
    expect([code, err]).toEqual([0, '']);
    const result = JSON.parse(out);
    expect(result.ok).toBe(false);
    expect(result.refusal.code).toBe('stale');
    expect(result.refusal.reason).toMatch(/a\.txt changed on disk/);
    expect(read()).toBe('saved by another editor\n');
    expect(await listJournal(work)).toEqual([]);
    expect(temps()).toEqual([]);
  });
});

describe('a second process at the workspace lock', () => {
  it('waits, then refuses with one line naming the holder; applies once the holder is done', async () => {
    const holder = child('hold-lock');
    await holder.line('held');
    const p = await propose('v1', 'v2');
    const refused = await applyProposal(work, p, { lockWaitMs: 300 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.refusal.code).toBe('locked');
      expect(refused.refusal.reason).not.toContain('\n');
      expect(refused.refusal.reason).toMatch(
        new RegExp(
          `^another SmallCode process is applying changes in this workspace: pid ${holder.proc.pid} \\(engine-child\\.js hold-lock .*\\), since \\d\\d:\\d\\d:\\d\\d \\(\\d+ s ago\\); waited 0 s`,
        ),
      );
    }
    const undone = await undo(work, 1, { lockWaitMs: 300 });
    expect(undone.ok ? 'ok' : undone.reason).toMatch(new RegExp(`pid ${holder.proc.pid} `));
    expect(read()).toBe('v1\n');

    holder.proc.stdin?.end();
    expect((await holder.done).code).toBe(0);
    expect(await applyProposal(work, p, { lockWaitMs: 300 })).toMatchObject({ ok: true, entry: { id: 1 } });
    expect(read()).toBe('v2\n');
  });
});
