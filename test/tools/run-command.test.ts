import { runCommandTool } from '../../src/tools/run-command';
import { createCappedOutput } from '../../src/sandbox/capped-output';
import { makeWorkspace, type TempWorkspace } from './temp-workspace';

describe('run_command', () => {
  let ws: TempWorkspace;
  beforeAll(() => {
    ws = makeWorkspace({ 'hello.txt': 'hi there\n' });
  });
  afterAll(() => ws.cleanup());

  it('runs in the workspace root and reports exit code 0', async () => {
    const r = await runCommandTool.run({ command: 'cat hello.txt && pwd' }, ws.ctx());
    expect(r.ok).toBe(true);
    expect(r.forModel).toBe(`$ cat hello.txt && pwd\nhi there\n${ws.root}\n[exit code 0]`);
    expect(r.details).toEqual({ kind: 'command', command: 'cat hello.txt && pwd', cwd: ws.root, exitCode: 0, timedOut: false, sandbox: expect.any(String) });
  });

  it('reports a failing exit code with stdout and stderr interleaved', async () => {
    const r = await runCommandTool.run({ command: 'echo out; echo err 1>&2; exit 3' }, ws.ctx());
    expect(r.ok).toBe(false);
    expect(r.forModel).toContain('out\nerr');
    expect(r.forModel.endsWith('[exit code 3]')).toBe(true);
  });

  it('kills the whole process group on timeout, background children included', async () => {
    // If the backgrounded sleep survived, it would hold stdout open and this test would hang.
    const r = await runCommandTool.run({ command: 'sleep 120 & sleep 120; echo never', timeout: 0.3 }, ws.ctx());
    expect(r.ok).toBe(false);
    expect(r.forModel).toContain('timed out after 0.3 s');
    expect(r.forModel.split('\n')).not.toContain('never');
    expect(r.details).toMatchObject({ kind: 'command', timedOut: true });
  });

  it('passes only allow-listed variables to the child, never credentials', async () => {
    process.env.FOO_API_KEY = 'secret-key-123';
    process.env.GITHUB_PAT = 'secret-pat-456';
    process.env.SMALLCODE_VISIBLE = 'not-listed-789';
    try {
      const r = await runCommandTool.run({ command: 'env' }, ws.ctx(100_000));
      expect(r.ok).toBe(true);
      expect(r.forModel).not.toContain('secret-key-123');
      expect(r.forModel).not.toContain('secret-pat-456');
      expect(r.forModel).not.toContain('not-listed-789');
      expect(r.forModel).toMatch(/^PATH=/m);
    } finally {
      delete process.env.FOO_API_KEY;
      delete process.env.GITHUB_PAT;
      delete process.env.SMALLCODE_VISIBLE;
    }
  });

  it('refuses without a command runner instead of running unconfined', async () => {
    const { exec: _none, ...bare } = ws.ctx();
    const r = await runCommandTool.run({ command: 'true' }, bare);
    expect(r.ok).toBe(false);
    expect(r.forModel).toMatch(/no command runner/);
  });

  it('stops when the signal aborts', async () => {
    const ac = new AbortController();
    const pending = runCommandTool.run({ command: 'echo started; sleep 120' }, ws.ctx(8000, ac.signal));
    ac.abort();
    const r = await pending;
    expect(r.ok).toBe(false);
    expect(r.forModel).toContain('cancelled');
    expect(r.details).toMatchObject({ timedOut: false });
  });

  it('caps long output keeping head and tail', async () => {
    const r = await runCommandTool.run({ command: 'seq 1 20000' }, ws.ctx(2000));
    expect(r.forModel.length).toBeLessThan(2100);
    expect(r.forModel).toContain('\n1\n2\n3\n');
    expect(r.forModel).toContain('\n20000\n[exit code 0]');
    expect(r.forModel).toMatch(/… \d+ chars elided …/);
  });

  it('asks for the command argument', async () => {
    const r = await runCommandTool.run({}, ws.ctx());
    expect(r.ok).toBe(false);
    expect(r.forModel).toContain('"command"');
  });
});

describe('createCappedOutput', () => {
  it('keeps everything that fits and strips ANSI colour codes', () => {
    const out = createCappedOutput(100);
    out.push('\x1b[31mred\x1b[0m ok');
    expect(out.text()).toBe('red ok');
  });
});
