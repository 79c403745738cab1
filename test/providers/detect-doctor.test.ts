// Auto-detection of a running local server on given ports, default model picking, and the
// doctor report (info plus one timed round trip) for healthy and broken setups.
import net from 'node:net';
import { createProvider } from '../../src/providers/create-provider';
import { detectServer } from '../../src/providers/detect';
import { diagnose } from '../../src/providers/doctor';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';

const servers: ScriptedServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));
async function start(...a: Parameters<typeof startScriptedServer>) {
  const s = await startScriptedServer(...a);
  servers.push(s);
  return s;
}
async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

test('detect finds a scripted Ollama on the given port', async () => {
  const s = await start({ kind: 'ollama', replies: [] });
  const dead = await freePort();
  const found = await detectServer(undefined, { ports: { ollama: s.port, lmstudio: dead, llamacpp: dead, vllm: 0 } });
  expect(found).toEqual({ provider: 'ollama', baseUrl: s.url, kind: 'ollama' });
});

test('detect identifies servers by what they answer, not by port', async () => {
  const lms = await start({ kind: 'lmstudio', replies: [] });
  const dead = await freePort();
  // LM Studio answers 200 to /health too; it must still not pass for llama.cpp.
  expect(await detectServer(undefined, { ports: { ollama: dead, lmstudio: dead, llamacpp: lms.port, vllm: 0 } })).toEqual({
    provider: 'openai',
    baseUrl: `${lms.url}/v1`,
    kind: 'lmstudio',
  });
  expect(await detectServer(undefined, { ports: { ollama: dead, lmstudio: lms.port, llamacpp: dead, vllm: 0 } })).toEqual({
    provider: 'openai',
    baseUrl: `${lms.url}/v1`,
    kind: 'lmstudio',
  });
  const llama = await start({ kind: 'llamacpp', replies: [] });
  expect(await detectServer(undefined, { ports: { ollama: dead, lmstudio: dead, llamacpp: llama.port, vllm: 0 } })).toEqual({
    provider: 'openai',
    baseUrl: `${llama.url}/v1`,
    kind: 'llamacpp',
  });
  const vllm = await start({ kind: 'vllm', replies: [] });
  expect(await detectServer(undefined, { ports: { ollama: dead, lmstudio: dead, llamacpp: dead, vllm: vllm.port } })).toEqual({
    provider: 'openai',
    baseUrl: `${vllm.url}/v1`,
    kind: 'vllm',
  });
});

test('detect with nothing anywhere lists every URL it tried', async () => {
  const dead = await freePort();
  const found = await detectServer(undefined, { ports: { ollama: dead, lmstudio: dead, llamacpp: dead, vllm: dead } });
  expect(found).toEqual({ tried: [`http://127.0.0.1:${dead}`, `http://127.0.0.1:${dead}`, `http://127.0.0.1:${dead}`, `http://127.0.0.1:${dead}`] });
});

test('with no model configured, the provider uses the loaded model (or says nothing listens)', async () => {
  const model = (provider: 'ollama' | 'openai', baseUrl: string) =>
    createProvider({ provider, baseUrl, model: '' })
      .info()
      .then((i) => i.model);
  const o = await start({ kind: 'ollama', models: ['a:1b', 'b:7b'], replies: [{ text: 'x' }] });
  expect(await model('ollama', o.url)).toBe('a:1b');
  const l = await start({ kind: 'lmstudio', models: ['qwen-coder'], replies: [] });
  expect(await model('openai', `${l.url}/v1`)).toBe('qwen-coder');
  await expect(model('openai', `http://127.0.0.1:${await freePort()}`)).rejects.toThrow(/127\.0\.0\.1/);
});

test('doctor on a healthy Ollama: window, num_ctx, latency and speed', async () => {
  const s = await start({ kind: 'ollama', contextWindow: 8192, replies: [{ text: 'ok' }] });
  const report = await diagnose(createProvider({ provider: 'ollama', baseUrl: s.url, model: 'test-model' }));
  expect(report).toMatchObject({
    ok: true,
    provider: 'ollama',
    kind: 'ollama',
    baseUrl: s.url,
    model: 'test-model',
    contextWindow: 8192,
    numCtx: 8192,
    nativeTools: true,
    structuredOutput: true,
    serverVersion: '0.12.6',
  });
  expect(report.latencyMs).toEqual(expect.any(Number));
  expect(report.tokensPerSecond).toBeCloseTo(100);
  const chat = s.chatRequests()[0].body as { options: { num_predict: number } };
  expect(chat.options.num_predict).toBeLessThanOrEqual(16);
});

test('doctor with nothing listening reports the one-line error, never throws', async () => {
  const url = `http://127.0.0.1:${await freePort()}`;
  const report = await diagnose(createProvider({ provider: 'openai', baseUrl: url, model: 'm' }));
  expect(report.ok).toBe(false);
  expect(report.error).toContain(`no model server at ${url}/v1`);
  expect(report.baseUrl).toBe(`${url}/v1`);
});

test('doctor when the round trip fails: ok false with the server error', async () => {
  const s = await start({ kind: 'llamacpp', contextWindow: 10, replies: [{ text: 'x', promptTokens: 50 }] });
  const report = await diagnose(createProvider({ provider: 'openai', baseUrl: s.url, model: 'test-model' }));
  expect(report).toMatchObject({ ok: false, kind: 'llamacpp', contextWindow: 10 });
  expect(report.error).toContain('prompt too long');
});
