import { runProcess } from '../../src/sandbox/run-process';
import { makeWorkspace, type TempWorkspace } from '../tools/temp-workspace';

describe('runProcess', () => {
  let ws: TempWorkspace;
  beforeAll(() => {
    ws = makeWorkspace();
  });
  afterAll(() => ws.cleanup());
  const opts = () => ({ cwd: ws.root, env: process.env, timeoutMs: 300, outputCap: 4000, signal: new AbortController().signal, killGraceMs: 200 });

  it('kills grandchildren in the group: nothing holds the pipes after a timeout', async () => {
    const r = await runProcess('sleep 120 & sleep 120', opts());
    expect(r.timedOut).toBe(true);
    expect(r.lingering).toBe(false);
  });

  it('notices a process that escaped the group and stops waiting for it', async () => {
    const r = await runProcess('setsid sleep 3 & sleep 120', opts());
    expect(r.timedOut).toBe(true);
    expect(r.lingering).toBe(true);
  });

  it('stops background jobs that outlive the shell instead of waiting for the timeout', async () => {
    const r = await runProcess('sleep 120 & echo done', { ...opts(), timeoutMs: 60_000 });
    expect(r).toMatchObject({ exitCode: 0, timedOut: false, stoppedBackground: true, lingering: false });
    expect(r.output).toBe('done\n');
  });

  it('returns the exit code and the interleaved output', async () => {
    const r = await runProcess('printf a; printf b 1>&2; exit 7', { ...opts(), timeoutMs: 10_000 });
    expect(r).toMatchObject({ exitCode: 7, timedOut: false, cancelled: false, lingering: false, stoppedBackground: false });
    // Two pipes: their relative order is up to the scheduler.
    expect(r.output).toMatch(/^(ab|ba)$/);
  });
});
