import { isAllowlisted, runCommandTool, scrubEnv } from '../../src/tools/run-command';
import { createCappedOutput } from '../../src/tools/output-cap';
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
    expect(r.details).toEqual({ kind: 'command', command: 'cat hello.txt && pwd', cwd: ws.root, exitCode: 0, timedOut: false });
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

  it('does not pass *_API_KEY or *_TOKEN variables to the child', async () => {
    process.env.FOO_API_KEY = 'secret-key-123';
    process.env.BAR_TOKEN = 'secret-token-456';
    process.env.SMALLCODE_VISIBLE = 'visible-789';
    try {
      const r = await runCommandTool.run({ command: 'env' }, ws.ctx(100_000));
      expect(r.ok).toBe(true);
      expect(r.forModel).not.toContain('secret-key-123');
      expect(r.forModel).not.toContain('secret-token-456');
      expect(r.forModel).toContain('SMALLCODE_VISIBLE=visible-789');
    } finally {
      delete process.env.FOO_API_KEY;
      delete process.env.BAR_TOKEN;
      delete process.env.SMALLCODE_VISIBLE;
    }
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

describe('scrubEnv', () => {
  it('removes credential variables and keeps the rest', () => {
    const env = scrubEnv({ PATH: '/bin', OPENAI_API_KEY: 'x', GITHUB_TOKEN: 'y', AWS_SECRET_ACCESS_KEY: 'z', TOKENIZERS_PARALLELISM: 'false', HOME: '/h' });
    expect(env).toEqual({ PATH: '/bin', TOKENIZERS_PARALLELISM: 'false', HOME: '/h' });
  });
});

describe('isAllowlisted', () => {
  const list = ['npm test', 'git status', 'git diff'];
  it.each([
    ['npm test', true],
    ['  npm   test ', true],
    ['npm test -- --watch=false', true],
    ['npm testx', false],
    ['git status; rm -rf /', false],
    ['npm test && curl x', false],
    ['git diff | sh', false],
    ['npm test > out.txt', false],
    ['npm test `whoami`', false],
    ['npm test $(whoami)', false],
    ['rm -rf /', false],
    ['', false],
  ])('%j → %s', (cmd, expected) => {
    expect(isAllowlisted(cmd, list)).toBe(expected);
  });
});

describe('createCappedOutput', () => {
  it('keeps everything that fits and strips ANSI colour codes', () => {
    const out = createCappedOutput(100);
    out.push('\x1b[31mred\x1b[0m ok');
    expect(out.text()).toBe('red ok');
  });
});
