// The real binary (bin/smallcode, built by `npm test`) in a pipe, on a terminal (a pseudo-terminal
// from util-linux `script`) and with stderr redirected to a file: options before the command on
// both, progress coloured only on a terminal, help and a mistyped command as the user sees them.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BIN, runBin } from '../support/cli-harness';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';

const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;
if (!HAS_SCRIPT) console.warn('cli-bin: terminal cases skipped — util-linux `script` is not installed');
const onTerminal = HAS_SCRIPT ? it : it.skip;

const workspace = () => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-cli-bin-')));
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const ESC = '\x1b[';

/** Runs the binary on a pseudo-terminal (stdin, stdout and stderr all a TTY unless `redirect` says). */
function runOnTerminal(argv: string[], opts: { cwd: string; env: Record<string, string>; redirect?: string }): Promise<{ code: number; output: string }> {
  const line = `${q(process.execPath)} ${q(BIN)} ${argv.map(q).join(' ')}${opts.redirect ?? ''}`;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qefc', line, '/dev/null'], {
      cwd: opts.cwd,
      env: { PATH: process.env.PATH ?? '', HOME: opts.cwd, TERM: 'xterm-256color', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 60000,
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
    child.stdin.end();
  });
}

let server: ScriptedServer;
const servers: ScriptedServer[] = [];
const start = async (replies: Parameters<typeof startScriptedServer>[0]['replies']) => {
  server = await startScriptedServer({ kind: 'ollama', replies });
  servers.push(server);
};
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const target = () => ['--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'];
const readReply = () => [{ toolCalls: [{ name: 'read_file', arguments: { path: 'a.txt' } }] }, { text: 'It says x.' }];

describe('options before the command', () => {
  it('off a terminal: `smallcode --provider … doctor` runs doctor', async () => {
    await start([{ text: 'ok' }]);
    const r = await runBin([...target(), 'doctor', '--json'], { cwd: workspace(), env: { XDG_CONFIG_HOME: workspace() } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, provider: 'ollama', model: 'test-model' });
  });

  onTerminal('on a terminal: `smallcode --provider … doctor` runs doctor, not the workbench', async () => {
    await start([{ text: 'ok' }]);
    const r = await runOnTerminal([...target(), 'doctor'], { cwd: workspace(), env: { XDG_CONFIG_HOME: workspace() } });
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/server\s+ollama at http:\/\/127\.0\.0\.1:\d+/);
    expect(r.output).toMatch(/context window\s+32768 tokens/);
  });
});

describe('progress on stderr is coloured only on a terminal', () => {
  const run = async (env: Record<string, string>, how: 'pipe' | 'terminal' | 'file') => {
    await start(readReply());
    const cwd = workspace();
    fs.writeFileSync(path.join(cwd, 'a.txt'), 'x\n');
    const base = { XDG_CONFIG_HOME: workspace(), NO_COLOR: '', ...env };
    const argv = ['run', 'what does a.txt say', ...target()];
    if (how === 'pipe') {
      const r = await runBin(argv, { cwd, env: base });
      expect(r.code).toBe(0);
      return r.stderr;
    }
    const log = path.join(cwd, 'progress.log');
    const r = await runOnTerminal(argv, { cwd, env: base, redirect: how === 'file' ? ` 2>${q(log)}` : '' });
    expect(r.code).toBe(0);
    return how === 'file' ? fs.readFileSync(log, 'utf8') : r.output;
  };

  onTerminal('coloured on a terminal', async () => {
    const out = await run({}, 'terminal');
    expect(out).toContain('\x1b[32m✓\x1b[39m read_file');
  });
  onTerminal('plain on a terminal with NO_COLOR', async () => {
    const out = await run({ NO_COLOR: '1' }, 'terminal');
    expect(out).toContain('✓ read_file');
    expect(out).not.toContain(ESC);
  });
  onTerminal('plain when redirected to a file, from a terminal', async () => {
    const out = await run({}, 'file');
    expect(out).toContain('✓ read_file');
    expect(out).not.toContain(ESC);
  });
  it('plain in a pipe, coloured there only with FORCE_COLOR', async () => {
    expect(await run({}, 'pipe')).not.toContain(ESC);
    expect(await run({ FORCE_COLOR: '1' }, 'pipe')).toContain(ESC);
  });
});

describe('help and mistakes, from the binary', () => {
  it.each([
    [['undo', '--help'], /^Usage: smallcode undo \[N\] \[--list\] \[--cwd DIR\]\n/],
    [['debug', 'parse', '--help'], /^Usage: smallcode debug parse \[--tools a,b,c\] < model-output.txt\n/],
    [['help', 'bench'], /^Usage: smallcode bench \[--suite NAME\|DIR\]/],
  ])('%p', async (argv, re) => {
    const r = await runBin(argv, { cwd: workspace() });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(re);
  });

  it('a mistyped command gets the nearest one, exit 2', async () => {
    const r = await runBin(['--model', 'm', 'docter'], { cwd: workspace() });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'smallcode: unknown command "docter" — did you mean `smallcode doctor`?\n' });
  });

  it('a bad SMALLCODE_ESCALATE_AFTER exits 2 naming the variable and the fix', async () => {
    const r = await runBin(['run', 'x', '--base-url', 'http://127.0.0.1:9'], {
      cwd: workspace(),
      env: { XDG_CONFIG_HOME: workspace(), SMALLCODE_ESCALATE_AFTER: 'soon' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'smallcode: SMALLCODE_ESCALATE_AFTER must be a whole number (1 or more), got "soon" — e.g. SMALLCODE_ESCALATE_AFTER=3 (failures in a row before a step escalates)\n',
    );
  });
});
