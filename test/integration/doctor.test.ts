// `smallcode doctor` against scripted servers: the context window each server reports, the
// num_ctx SmallCode will send to Ollama, and a clean one-line failure when nothing listens.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { runCli } from '../support/cli-harness';

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-doctor-')));

interface DoctorJson {
  ok: boolean;
  provider: string;
  baseUrl: string;
  model: string;
  contextWindow: number;
  nativeTools: boolean;
  numCtx?: number;
}

describe('smallcode doctor --json', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('reports an Ollama server context window and the num_ctx it will send', async () => {
    server = await startScriptedServer({ kind: 'ollama', contextWindow: 12288, replies: [{ text: 'ok' }] });
    const r = await runCli(['doctor', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model', '--json'], { cwd: root });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as DoctorJson;
    expect(report).toMatchObject({ ok: true, provider: 'ollama', model: 'test-model', contextWindow: 12288, nativeTools: true });
    expect(report.numCtx).toBe(12288);
    const chat = server.chatRequests()[0].body as { options: { num_ctx: number } };
    expect(chat.options.num_ctx).toBe(12288);
  });

  it.each([
    ['llamacpp', 6144],
    ['lmstudio', 20480],
    ['vllm', 40960],
  ] as const)('reports the %s server window (%d) through --provider openai', async (kind, window) => {
    server = await startScriptedServer({ kind, contextWindow: window, replies: [{ text: 'ok' }] });
    const r = await runCli(['doctor', '--provider', 'openai', '--base-url', server.url, '--model', 'test-model', '--json'], { cwd: root });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, provider: 'openai', contextWindow: window });
  });

  it('exits 1 with one line naming the URL when nothing listens', async () => {
    const r = await runCli(['doctor', '--provider', 'ollama', '--base-url', 'http://127.0.0.1:9', '--model', 'm'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('http://127.0.0.1:9');
  });
});
