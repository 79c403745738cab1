// The CLI entry (`main`) with real streams, real temp workspaces and the scripted model server:
// help for every command, options before the command, `undo --cwd`, the last line of a refused
// run, `tui --continue` with no session, bad SMALLCODE_ESCALATE* values — each as the user sees it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli-harness';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { COMMANDS } from '../../src/cli/command-table';

const workspace = () => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-cli-main-')));
/** No user config file of the tester's: an empty config home. */
const ENV = () => ({ XDG_CONFIG_HOME: workspace() });

const PATHS = Object.values(COMMANDS).flatMap((c) => [[c.name], ...(c.subcommands ?? []).map((s) => [c.name, s.name])]);

describe('help through the entry point', () => {
  it.each(PATHS.map((p) => [p.join(' ')]))('%s: --help and help COMMAND', async (joined) => {
    const p = joined.split(' ');
    const viaFlag = await runCli([...p, '--help'], { cwd: workspace() });
    const viaCommand = await runCli(['help', ...p], { cwd: workspace() });
    expect(viaFlag).toMatchObject({ code: 0, stderr: '' });
    expect(viaFlag.stdout).toMatch(new RegExp(`^Usage: smallcode \\[?${joined}`));
    expect(viaCommand).toEqual(viaFlag);
  });

  it('`smallcode help` is a command and prints the list of commands', async () => {
    const r = await runCli(['help'], { cwd: workspace() });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^smallcode — /);
    expect(r.stdout).toContain('  debug parse ');
    expect((await runCli(['--help'], { cwd: workspace() })).stdout).toBe(r.stdout);
  });
});

describe('usage errors through the entry point', () => {
  it.each([
    [['--provider', 'ollama'], 'smallcode: no command given and not on a terminal — use `smallcode run "TASK"`, or see `smallcode help`'],
    [['docter'], 'smallcode: unknown command "docter" — did you mean `smallcode doctor`?'],
    [['run', 'x', '--provider', 'llama'], 'smallcode: --provider must be "ollama" or "openai", got "llama"'],
    [['undo', '--cwd', '/no/such/folder'], 'smallcode: --cwd: folder "/no/such/folder" does not exist — pass an existing workspace folder'],
    [['debug', 'parse', '--tools', ' , '], 'smallcode debug parse: --tools needs a comma-separated list of tool names, e.g. --tools read_file,edit_file'],
    [['bench', '--models', 'a', '--model', 'b'], 'smallcode: give either --models a,b or --model NAME, not both'],
  ])('%p → exit 2 and one line', async (argv, line) => {
    const r = await runCli(argv, { cwd: workspace(), env: ENV() });
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${line}\n` });
  });
});

describe('bad SMALLCODE_ESCALATE* values', () => {
  it.each([['run', 'x'], ['doctor'], ['tui'], ['bench']])('stop `smallcode %s` with exit 2 and the variable named', async (...argv) => {
    const r = await runCli([...argv, '--provider', 'ollama', '--base-url', 'http://127.0.0.1:9', '--model', 'm'], {
      cwd: workspace(),
      env: { ...ENV(), SMALLCODE_ESCALATE: 'gemini' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('smallcode: SMALLCODE_ESCALATE must be anthropic, deepseek, openai, auto (the first with a key) or off, got "gemini"\n');
  });
});

describe('undo takes --cwd', () => {
  it('reverts a change in another folder, before or after the command word', async () => {
    const root = workspace();
    fs.writeFileSync(path.join(root, 'a.py'), 'x = 1\n');
    const edit = 'a.py\n<<<<<<< SEARCH\nx = 1\n=======\nx = 2\n>>>>>>> REPLACE\n';
    const elsewhere = workspace();
    for (const argv of [
      ['undo', '--cwd', root],
      ['--cwd', root, 'undo'],
    ]) {
      expect((await runCli(['debug', 'apply', '--cwd', root], { cwd: elsewhere, stdin: edit })).code).toBe(0);
      expect(fs.readFileSync(path.join(root, 'a.py'), 'utf8')).toBe('x = 2\n');
      expect((await runCli(['undo', '--list', '--cwd', root], { cwd: elsewhere })).stdout).toMatch(/^\s+\d+ .* modified\s+a\.py\n$/);
      const r = await runCli(argv, { cwd: elsewhere });
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(/^reverted change \d+: a\.py\n$/);
      expect(fs.readFileSync(path.join(root, 'a.py'), 'utf8')).toBe('x = 1\n');
    }
    expect(fs.existsSync(path.join(elsewhere, '.smallcode'))).toBe(false);
  });
});

describe('tui --continue with no session', () => {
  it('says how to start one, not to drop --resume', async () => {
    const root = workspace();
    const r = await runCli(['tui', '--continue', '--provider', 'ollama', '--base-url', 'http://127.0.0.1:9'], { cwd: root, env: ENV() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `smallcode: no session to resume in ${root}/.smallcode/sessions — start one with \`smallcode\` (without --continue); it is saved as you go\n`,
    );
  });

  it('and run --resume says how to start one with run', async () => {
    const root = workspace();
    const server = await startScriptedServer({ kind: 'ollama', replies: [] });
    try {
      const r = await runCli(['run', '--resume', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], { cwd: root, env: ENV() });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('— start one with `smallcode run "TASK"` (without --resume)\n');
    } finally {
      await server.close();
    }
  });
});

describe('a run refused for lack of approval', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('ends with a line that says to add --yes, after the model’s own answer on stdout', async () => {
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [{ toolCalls: [{ name: 'write_file', arguments: { path: 'hello.txt', content: 'hi\n' } }] }, { text: 'I would create hello.txt with "hi".' }],
    });
    const root = workspace();
    const r = await runCli(['--provider', 'ollama', '--base-url', server.url, '--model', 'test-model', 'run', 'create hello.txt'], { cwd: root, env: ENV() });
    expect(r.code).toBe(5);
    expect(fs.existsSync(path.join(root, 'hello.txt'))).toBe(false);
    expect(r.stdout).toBe('I would create hello.txt with "hi".\n');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(
      'smallcode: refused — a change the task needed was not approved: add --yes to approve file changes (and commands in a sandbox), or --yes=all for every command',
    );
  });

  it('under --yes with no sandbox, names --yes=all and SMALLCODE_ALLOW instead', async () => {
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [{ toolCalls: [{ name: 'run_command', arguments: { command: 'node -e 1' } }] }, { text: 'I wanted to run node.' }],
    });
    const r = await runCli(['run', 'check node', '--yes', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], {
      cwd: workspace(),
      env: { ...ENV(), SMALLCODE_SANDBOX: 'off' },
    });
    expect(r.code).toBe(5);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(
      'smallcode: refused — a command the task needed was not run: --yes approves commands only inside a sandbox; allow it in SMALLCODE_ALLOW, or add --yes=all for every command',
    );
  });
});
