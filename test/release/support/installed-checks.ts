// The checks an installed SmallCode must pass, as a user meets it: `--version`, `doctor --json`
// and a whole `run --yes` task against the scripted model server, and the workbench's first
// paint in a real terminal (tmux) with its five panes. Used for the release tarball and npm pack.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type ScriptedServer } from '../../support/scripted-server';

export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

const servers: ScriptedServer[] = [];
export async function closeServers(): Promise<void> {
  await Promise.all(servers.splice(0).map((s) => s.close()));
}

export const tempDir = (prefix: string) => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));

/** A PATH holding only the few tools a launcher and these checks use — and no `node` (on Debian
 * node sits in /usr/bin beside everything else, so /usr/bin itself cannot be on it). */
export function pathWithoutNode(): string {
  const dir = tempDir('sc-no-node-');
  for (const tool of ['sh', 'bash', 'dirname', 'readlink', 'cat', 'env', 'uname', 'bwrap', 'git']) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    if (found) fs.symlinkSync(found, path.join(dir, tool));
  }
  return dir;
}

/** Runs `command ...argv` (the installed launcher) with exactly `env`. */
export function run(command: string, argv: string[], opts: { cwd: string; env: Record<string, string> }): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: opts.cwd, env: opts.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end();
  });
}

const target = (s: ScriptedServer, kind: 'ollama' | 'llamacpp' = 'ollama') =>
  kind === 'ollama'
    ? ['--provider', 'ollama', '--base-url', s.url, '--model', 'test-model']
    : ['--provider', 'openai', '--base-url', `${s.url}/v1`, '--model', 'test-model'];

/** A home of its own (no user config leaks in), no colour, and the given PATH. */
export const userEnv = (home: string, PATH: string): Record<string, string> => ({
  PATH,
  HOME: home,
  XDG_CONFIG_HOME: path.join(home, '.config'),
  NO_COLOR: '1',
});

export async function doctorJson(command: string, env: Record<string, string>): Promise<{ code: number; report: Record<string, unknown>; stderr: string }> {
  const s = await startScriptedServer({ kind: 'ollama', replies: [{ text: 'ok' }] });
  servers.push(s);
  const r = await run(command, [...target(s), 'doctor', '--json'], { cwd: tempDir('sc-doctor-'), env });
  return { code: r.code, report: JSON.parse(r.stdout) as Record<string, unknown>, stderr: r.stderr };
}

/** A whole headless task: the model (Ollama, or llama.cpp's OpenAI-compatible server) writes
 * hello.txt, then says it is done. */
export async function runTask(
  command: string,
  env: Record<string, string>,
  kind: 'ollama' | 'llamacpp' = 'ollama',
): Promise<Result & { written: string | undefined; chatRequests: number }> {
  const s = await startScriptedServer({
    kind,
    replies: [{ toolCalls: [{ name: 'write_file', arguments: { path: 'hello.txt', content: 'hi\n' } }] }, { text: 'Created hello.txt.' }],
  });
  servers.push(s);
  const cwd = tempDir('sc-task-');
  const r = await run(command, ['run', 'create hello.txt containing hi', '--yes', ...target(s, kind)], { cwd, env });
  const file = path.join(cwd, 'hello.txt');
  return { ...r, written: fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined, chatRequests: s.chatRequests().length };
}

/** Three failed local edits, then one step escalated to the (scripted) Anthropic API, which fixes it. */
export async function escalatedTask(command: string, env: Record<string, string>): Promise<Result & { content: string; cloudRequests: number }> {
  const bad = (n: number) => ({ toolCalls: [{ name: 'edit_file', arguments: { path: 'a.js', search: `const x = ${n + 10};`, replace: 'const x = 2;' } }] });
  const local = await startScriptedServer({ kind: 'ollama', replies: [bad(1), bad(2), bad(3), { text: 'All done.' }] });
  const cloud = await startScriptedServer({
    kind: 'anthropic',
    replies: [{ toolCalls: [{ name: 'edit_file', arguments: { path: 'a.js', search: 'const x = 1;', replace: 'const x = 2;' } }] }],
  });
  servers.push(local, cloud);
  const cwd = tempDir('sc-escalate-');
  fs.writeFileSync(path.join(cwd, 'a.js'), 'const x = 1;\n');
  const cloudEnv = {
    SMALLCODE_ESCALATE: 'anthropic',
    ANTHROPIC_API_KEY: 'test-key',
    SMALLCODE_ESCALATE_MODEL: 'test-model',
    SMALLCODE_ESCALATE_BASE_URL: cloud.url,
  };
  const r = await run(command, ['run', 'set x to 2', '--yes', ...target(local)], { cwd, env: { ...env, ...cloudEnv } });
  return { ...r, content: fs.readFileSync(path.join(cwd, 'a.js'), 'utf8'), cloudRequests: cloud.chatRequests().length };
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Opens the workbench in a wide tmux window and returns its first full screen (all five panes,
 * the workspace's a.txt in the file tree), or the last screen seen. Quits it with q afterwards. */
export async function workbenchFirstPaint(command: string, env: Record<string, string>): Promise<{ screen: string; exited: string }> {
  const s = await startScriptedServer({ kind: 'ollama', replies: [] });
  servers.push(s);
  const cwd = tempDir('sc-tui-');
  fs.writeFileSync(path.join(cwd, 'a.txt'), 'x\n');
  const socket = `smallcode-release-${process.pid}`;
  const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const line = `${q(command)} tui ${target(s).map(q).join(' ')} --cwd ${q(cwd)}; echo EXIT=$?; exec cat`;
  const envArgs = Object.entries({ ...env, TERM: 'xterm-256color', NCURSES_NO_UTF8_ACS: '1' }).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'wb', '-x', '160', '-y', '45', ...envArgs, line);
  const screen = () => tmux('capture-pane', '-p', '-t', 'wb').stdout;
  const waitFor = async (test: (t: string) => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    let last = '';
    while (Date.now() < deadline) {
      last = screen();
      if (test(last)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return last;
  };
  try {
    const panes = ['Chat', 'Context', 'Plan', 'Files', 'Patches'];
    const first = await waitFor((t) => panes.every((p) => t.includes(` ${p} `)) && t.includes('a.txt'), 60000);
    tmux('send-keys', '-t', 'wb', 'Escape');
    await new Promise((r) => setTimeout(r, 300));
    tmux('send-keys', '-t', 'wb', 'q');
    const exited = await waitFor((t) => t.includes('EXIT='), 20000);
    return { screen: first, exited };
  } finally {
    tmux('kill-server');
  }
}

/** The checks every installed form passes (npm prefix, unpacked archive): doctor, whole tasks on
 * two server kinds, escalation, the workbench's first paint. `installed()` is undefined when the
 * install was skipped (its test file says why). */
export function describeInstalledChecks(installed: () => { launcher: string; env: Record<string, string> } | undefined): void {
  test('doctor --json against the scripted server', async () => {
    const i = installed();
    if (!i) return;
    const r = await doctorJson(i.launcher, i.env);
    expect(r.code).toBe(0);
    expect(r.report).toMatchObject({ ok: true, provider: 'ollama', model: 'test-model' });
  });

  test('a whole run --yes task writes the file', async () => {
    const i = installed();
    if (!i) return;
    const r = await runTask(i.launcher, i.env);
    expect(r.code).toBe(0);
    expect(r.written).toBe('hi\n');
    expect(r.stdout).toContain('Created hello.txt.');
  });

  test('the same task against an OpenAI-compatible server (llama.cpp)', async () => {
    const i = installed();
    if (!i) return;
    const r = await runTask(i.launcher, i.env, 'llamacpp');
    expect(r.code).toBe(0);
    expect(r.written).toBe('hi\n');
  });

  test('escalation to Anthropic works from a fresh install (no SDK needed)', async () => {
    const i = installed();
    if (!i) return;
    const r = await escalatedTask(i.launcher, i.env);
    expect(r.cloudRequests).toBe(1);
    expect(r.content).toBe('const x = 2;\n');
    expect(r.code).toBe(0);
  });

  (HAS_TMUX ? test : test.skip)('the workbench paints its five panes in tmux and quits cleanly', async () => {
    const i = installed();
    if (!i) return;
    const { screen, exited } = await workbenchFirstPaint(i.launcher, i.env);
    for (const pane of ['Chat', 'Context', 'Plan', 'Files', 'Patches']) expect(screen).toContain(` ${pane} `);
    expect(screen).toContain('a.txt');
    expect(exited).toContain('EXIT=0');
  });
}
