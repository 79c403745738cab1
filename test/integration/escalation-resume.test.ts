// Escalation to a cloud model (scripted Anthropic Messages server) after repeated local failure,
// and resuming a session whose process was killed mid-run.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { runCli, BIN } from '../support/cli-harness';

function workspace(files: Record<string, string> = {}): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-esc-')));
  for (const [p, c] of Object.entries(files)) fs.writeFileSync(path.join(root, p), c);
  return root;
}
type Ev = { type: string; phase?: string; reason?: string };
const events = (stdout: string): Ev[] =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Ev);

describe('cloud escalation', () => {
  const servers: ScriptedServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('escalates one step after three local failures, then returns control to the local model', async () => {
    const original = 'const x = 1;\nconsole.log(x);\n';
    const bad = (n: number) => ({ toolCalls: [{ name: 'edit_file', arguments: { path: 'a.js', search: `const x = ${n + 10};`, replace: 'const x = 2;' } }] });
    const local = await startScriptedServer({ kind: 'ollama', replies: [bad(1), bad(2), bad(3), { text: 'All done.' }] });
    const cloud = await startScriptedServer({
      kind: 'anthropic',
      replies: [{ toolCalls: [{ name: 'edit_file', arguments: { path: 'a.js', search: 'const x = 1;', replace: 'const x = 2;' } }] }],
    });
    servers.push(local, cloud);
    const root = workspace({ 'a.js': original });
    const env = {
      SMALLCODE_ESCALATE: 'anthropic',
      ANTHROPIC_API_KEY: 'test-key',
      SMALLCODE_ESCALATE_MODEL: 'test-model',
      SMALLCODE_ESCALATE_BASE_URL: cloud.url,
    };
    const r = await runCli(['run', 'set x to 2', '--yes', '--json', '--provider', 'ollama', '--base-url', local.url, '--model', 'test-model'], {
      cwd: root,
      env,
    });
    const ev = events(r.stdout);
    expect(ev.filter((e) => e.type === 'escalate').map((e) => `${e.phase}${e.phase === 'failed' ? ': ' + e.reason : ''}`)).toEqual(['start', 'done']);
    expect(cloud.chatRequests()).toHaveLength(1);
    const h = cloud.chatRequests()[0].headers;
    expect(`${h['x-api-key'] ?? ''} ${h.authorization ?? ''}`).toContain('test-key');
    expect(fs.readFileSync(path.join(root, 'a.js'), 'utf8')).toBe('const x = 2;\nconsole.log(x);\n');
    // Control came back: the local model answered the final step.
    expect(local.chatRequests()).toHaveLength(4);
    expect(r.code).toBe(0);
  });

  it('never escalates without a key', async () => {
    const local = await startScriptedServer({ kind: 'ollama', replies: [{ text: 'ok' }] });
    servers.push(local);
    const r = await runCli(['run', 'hi', '--provider', 'ollama', '--base-url', local.url, '--model', 'test-model'], {
      cwd: workspace(),
      env: { SMALLCODE_ESCALATE: 'anthropic' },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/escalation off/);
  });
});

describe('session resume', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('a run killed mid-step resumes with --resume and keeps the earlier history', async () => {
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [{ toolCalls: [{ name: 'read_file', arguments: { path: 'notes.txt' } }] }, { text: 'thinking…', hang: true }],
    });
    const root = workspace({ 'notes.txt': 'the secret word is kumquat\n' });
    const child = spawn(process.execPath, [BIN, 'run', 'what is the secret word', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], {
      cwd: root,
      stdio: 'ignore',
    });
    // Wait until the second (hanging) request arrives: the first step is complete and logged.
    for (let i = 0; i < 400 && server.chatRequests().length < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(server.chatRequests()).toHaveLength(2);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    await server.close();

    server = await startScriptedServer({ kind: 'ollama', replies: [{ text: 'The secret word is kumquat.' }] });
    const r = await runCli(['run', '--resume', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kumquat');
    const body = JSON.stringify(server.chatRequests()[0].body);
    expect(body).toContain('what is the secret word');
    expect(body).toContain('the secret word is kumquat');
  });
});

describe('cloud escalation failure', () => {
  const servers: ScriptedServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('falls back to the local model when the cloud answers with an error', async () => {
    const bad = (n: number) => ({ toolCalls: [{ name: 'edit_file', arguments: { path: 'a.js', search: `nope ${n}`, replace: 'x' } }] });
    const local = await startScriptedServer({ kind: 'ollama', replies: [bad(1), bad(2), bad(3), { text: 'I could not do it.' }] });
    const cloud = await startScriptedServer({
      kind: 'anthropic',
      replies: () => ({ httpError: { status: 401, body: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } } } }),
    });
    servers.push(local, cloud);
    const root = workspace({ 'a.js': 'const x = 1;\n' });
    const env = { SMALLCODE_ESCALATE: 'anthropic', ANTHROPIC_API_KEY: 'wrong', SMALLCODE_ESCALATE_MODEL: 'test-model', SMALLCODE_ESCALATE_BASE_URL: cloud.url };
    const r = await runCli(['run', 'edit a.js', '--yes', '--json', '--provider', 'ollama', '--base-url', local.url, '--model', 'test-model'], {
      cwd: root,
      env,
    });
    const ev = events(r.stdout);
    expect(ev.filter((e) => e.type === 'escalate').map((e) => e.phase)).toEqual(['start', 'failed']);
    expect(local.chatRequests()).toHaveLength(4);
    expect(ev.at(-1)).toMatchObject({ type: 'turn.end', reason: 'done' });
  });
});
