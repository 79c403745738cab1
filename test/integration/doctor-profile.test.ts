// `smallcode doctor` for the CLI friction of issue 14 and the model profiles of issue 15: a dead
// URL is one line (no server described first), a llama-server without --jinja is probed and not
// reported as having native tools, `--provider ollama` tries only Ollama's address, and the
// profile is shown with the rule that chose it and the source of every value.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { runCli } from '../support/cli-harness';

const dir = () => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-doctor-profile-')));
let server: ScriptedServer | undefined;
afterEach(() => server?.close());

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('a dead --base-url is one line, never a described server', () => {
  test.each([[undefined], ['openai'], ['ollama']])('provider %s', async (provider) => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const r = await runCli(['doctor', '--base-url', url, ...(provider ? ['--provider', provider] : [])], { cwd: dir(), env: { XDG_CONFIG_HOME: dir() } });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^smallcode doctor: no model server at ${url}`))]);
  });

  test('a port Node refuses to connect to (9) says so in one line', async () => {
    const r = await runCli(['doctor', '--base-url', 'http://127.0.0.1:9'], { cwd: dir(), env: { XDG_CONFIG_HOME: dir() } });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(
      /^smallcode doctor: http:\/\/127\.0\.0\.1:9(\/v1)? uses a port Node's fetch refuses to connect to — run the server on another port$/,
    );
  });

  test('--json: no server facts, only the error', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const r = await runCli(['doctor', '--base-url', url, '--json'], { cwd: dir(), env: { XDG_CONFIG_HOME: dir() } });
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, discovered: false, contextWindow: null, nativeTools: null, error: expect.stringContaining(url) });
  });
});

test("--provider ollama without a URL tries only Ollama's address", async () => {
  const r = await runCli(['doctor', '--provider', 'ollama'], { cwd: dir(), env: { XDG_CONFIG_HOME: dir() } });
  if (r.code === 0) return; // an Ollama really runs on this machine: nothing to show
  expect(r.stderr).toContain('http://127.0.0.1:11434');
  expect(r.stderr).not.toMatch(/:1234|:8080|:8000/);
});

test('llama-server started with --no-jinja: native tools no, and why', async () => {
  server = await startScriptedServer({ kind: 'llamacpp', jinja: false, replies: [{ text: 'ok' }] });
  const json = await runCli(['doctor', '--provider', 'openai', '--base-url', server.url, '--model', 'm', '--json'], {
    cwd: dir(),
    env: { XDG_CONFIG_HOME: dir() },
  });
  expect(json.code).toBe(0);
  expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, nativeTools: false, warnings: [expect.stringContaining('without --jinja')] });
  const probe = server.requests.find((q) => q.path === '/apply-template');
  expect(probe?.body).toMatchObject({ tools: [expect.objectContaining({ type: 'function' })] });
  const text = await runCli(['doctor', '--provider', 'openai', '--base-url', server.url, '--model', 'm'], { cwd: dir(), env: { XDG_CONFIG_HOME: dir() } });
  expect(text.stdout).toMatch(/^native tools\s+no \(text tool calls\)$/m);
  // And the same server with --jinja still gets native tools.
  const jinja = await startScriptedServer({ kind: 'llamacpp', replies: [{ text: 'ok' }] });
  const ok = await runCli(['doctor', '--provider', 'openai', '--base-url', jinja.url, '--model', 'm', '--json'], {
    cwd: dir(),
    env: { XDG_CONFIG_HOME: dir() },
  });
  await jinja.close();
  expect(JSON.parse(ok.stdout)).toMatchObject({ nativeTools: true });
});

describe('the model profile in doctor', () => {
  test('which profile, which rule chose it, each value with its source (user file, workspace file, flag)', async () => {
    server = await startScriptedServer({ kind: 'ollama', family: 'qwen3moe', models: ['qwen3-coder:30b'], replies: [{ text: 'ok' }, { text: 'ok' }] });
    const config = dir();
    fs.mkdirSync(path.join(config, 'smallcode'));
    fs.writeFileSync(path.join(config, 'smallcode', 'models.yaml'), 'qwen3-coder*:\n  temperature: 0.5\n  top_k: 40\n');
    const root = dir();
    fs.mkdirSync(path.join(root, '.smallcode'));
    fs.writeFileSync(path.join(root, '.smallcode', 'models.yaml'), 'qwen3-coder:30b:\n  temperature: 0.3\n  typo_setting: 1\n');
    const args = ['doctor', '--provider', 'ollama', '--base-url', server.url, '--model', 'qwen3-coder:30b', '--top-p', '0.9'];
    const r = await runCli([...args, '--json'], { cwd: root, env: { XDG_CONFIG_HOME: config } });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.profile).toEqual({
      id: 'qwen3-coder',
      name: 'Qwen3-Coder',
      reason: 'model name "qwen3-coder:30b" matched /qwen3[-_.]?coder/',
      values: [
        { setting: 'temperature', value: 0.3, source: `${path.join(root, '.smallcode', 'models.yaml')} (qwen3-coder:30b)` },
        { setting: 'top_p', value: 0.9, source: '--top-p' },
        { setting: 'top_k', value: 40, source: `${path.join(config, 'smallcode', 'models.yaml')} (qwen3-coder*)` },
        { setting: 'repeat_penalty', value: 1.05, source: 'built-in: https://huggingface.co/Qwen/Qwen3-Coder-30B-A3B-Instruct (Best Practices)' },
        { setting: 'tools', value: 'native', source: 'built-in: https://huggingface.co/Qwen/Qwen3-Coder-30B-A3B-Instruct (Best Practices)' },
      ],
      sent: { temperature: 0.3, top_p: 0.9, top_k: 40, repeat_penalty: 1.05 },
    });
    expect(report.warnings).toContain(
      `${path.join(root, '.smallcode', 'models.yaml')}: qwen3-coder:30b: unknown setting "typo_setting" (known: profile, temperature, top_p, top_k, min_p, repeat_penalty, presence_penalty, tools, thinking, stop) — skipped`,
    );
    // The round trip really carried it (the doctor's own temperature 0 wins for that one request).
    expect((server.chatRequests()[0].body as { options: Record<string, unknown> }).options).toMatchObject({ top_p: 0.9, top_k: 40, repeat_penalty: 1.05 });
    const text = await runCli(args, { cwd: root, env: { XDG_CONFIG_HOME: config } });
    expect(text.stdout).toMatch(/^profile\s+Qwen3-Coder \(qwen3-coder\) — model name "qwen3-coder:30b" matched/m);
    expect(text.stdout).toMatch(/^ {2}top_p\s+0\.9 {2}← --top-p$/m);
    expect(text.stdout).toMatch(/^ {2}sent\s+temperature=0\.3, top_p=0\.9, top_k=40, repeat_penalty=1\.05$/m);
  });

  test('a bad sampling flag is one usage line', async () => {
    const r = await runCli(['doctor', '--temperature', 'hot'], { cwd: dir(), env: { XDG_CONFIG_HOME: dir() } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('smallcode: --temperature must be a number from 0 to 2, got "hot"');
  });
});
