// The Ollama provider against a scripted Ollama through the real `ollama` client: num_ctx on
// every request, native tool calls, discovery from /api/show and /api/ps, refusals classified.
import { createProvider } from '../../src/providers/create-provider';
import { looksTruncated } from '../../src/providers/ollama';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { collect, FAST_RETRY, never, summarize } from '../support/scripted-collect';

const servers: ScriptedServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));
async function start(...a: Parameters<typeof startScriptedServer>) {
  const s = await startScriptedServer(...a);
  servers.push(s);
  return s;
}
const tools = [{ name: 'read_file', description: 'Read a file', parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] } }];

test('streams text and usage, and sends num_ctx + truncate:false on every /api/chat', async () => {
  const s = await start({ kind: 'ollama', contextWindow: 16384, replies: [{ text: 'Hello from the model' }, { text: 'second', finish: 'length' }] });
  const p = createProvider({ provider: 'ollama', baseUrl: s.url, model: 'test-model', retry: FAST_RETRY });
  const first = await collect(p.stream({ messages: [{ role: 'user', content: 'hi' }] }, never()));
  const sum = summarize(first);
  expect(sum.text).toBe('Hello from the model');
  expect(first.filter((c) => c.type === 'text').length).toBeGreaterThan(1);
  expect(sum.usage).toMatchObject({ completionTokens: expect.any(Number), promptTokens: expect.any(Number) });
  expect(sum.usage?.tokensPerSecond).toBeCloseTo(100);
  expect(sum.last).toEqual({ type: 'done', finishReason: 'stop' });
  const second = await collect(p.stream({ messages: [{ role: 'user', content: 'again' }], maxTokens: 50 }, never()));
  expect(second[second.length - 1]).toEqual({ type: 'done', finishReason: 'length' });
  const chats = s.chatRequests();
  expect(chats).toHaveLength(2);
  for (const r of chats) expect(r.body).toMatchObject({ model: 'test-model', stream: true, truncate: false, options: { num_ctx: 16384 } });
  expect(chats[1].body).toMatchObject({ options: { num_predict: 50 } });
  expect(s.requests.some((r) => r.path.startsWith('/v1'))).toBe(false);
});

test('native tool calls arrive with object arguments and a synthesized-or-server id', async () => {
  const s = await start({ kind: 'ollama', replies: [{ toolCalls: [{ name: 'read_file', arguments: { path: 'src/a.ts' } }] }] });
  const p = createProvider({ provider: 'ollama', baseUrl: `${s.url}/`, model: 'test-model', retry: FAST_RETRY });
  const out = summarize(await collect(p.stream({ messages: [{ role: 'user', content: 'read it' }], tools }, never())));
  expect(out.calls).toEqual([{ id: expect.any(String), name: 'read_file', arguments: { path: 'src/a.ts' } }]);
  expect(out.last).toEqual({ type: 'done', finishReason: 'tool_calls' });
  expect(s.chatRequests()[0].body).toMatchObject({ tools: [{ type: 'function', function: { name: 'read_file', parameters: tools[0].parameters } }] });
});

test('history with tool calls and results maps to Ollama messages', async () => {
  const s = await start({ kind: 'ollama', replies: [{ text: 'ok' }] });
  const p = createProvider({ provider: 'ollama', baseUrl: s.url, model: 'test-model' });
  await collect(
    p.stream(
      {
        messages: [
          { role: 'system', content: 'sys' },
          { role: 'user', content: 'go' },
          { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'read_file', arguments: { path: 'a' } }] },
          { role: 'tool', content: 'file text', toolCallId: 'c1', toolName: 'read_file' },
        ],
      },
      never(),
    ),
  );
  expect((s.chatRequests()[0].body as { messages: unknown[] }).messages).toEqual([
    { role: 'system', content: 'sys' },
    { role: 'user', content: 'go' },
    { role: 'assistant', content: '', tool_calls: [{ function: { name: 'read_file', arguments: { path: 'a' } } }] },
    { role: 'tool', content: 'file text', tool_name: 'read_file' },
  ]);
});

test('info: window from /api/show, version, models, tools capability; override wins', async () => {
  const s = await start({ kind: 'ollama', contextWindow: 8192, models: ['qwen:7b', 'llama3:8b'], replies: [] });
  const info = await createProvider({ provider: 'ollama', baseUrl: s.url, model: 'qwen:7b' }).info();
  expect(info).toMatchObject({
    provider: 'ollama',
    kind: 'ollama',
    contextWindow: 8192,
    numCtx: 8192,
    contextSource: 'server',
    nativeTools: true,
    serverVersion: '0.12.6',
    models: ['qwen:7b', 'llama3:8b'],
  });
  const over = await createProvider({ provider: 'ollama', baseUrl: s.url, model: 'qwen:7b', contextOverride: 4096 }).info();
  expect(over).toMatchObject({ contextWindow: 4096, numCtx: 4096, contextSource: 'config' });
});

test('info: a huge trained window is capped at 32k unless /api/ps shows it loaded bigger', async () => {
  const s = await start({ kind: 'ollama', contextWindow: 131072, replies: [{ text: 'x' }] });
  const p = createProvider({ provider: 'ollama', baseUrl: s.url, model: 'test-model', contextOverride: 65536 });
  await collect(p.stream({ messages: [{ role: 'user', content: 'load it' }] }, never()));
  // The server now reports the model loaded with num_ctx 65536 in /api/ps.
  const fresh = await createProvider({ provider: 'ollama', baseUrl: s.url, model: 'test-model' }).info();
  expect(fresh.numCtx).toBe(65536);
  const s2 = await start({ kind: 'ollama', contextWindow: 131072, loadedContext: null, replies: [] });
  const capped = await createProvider({ provider: 'ollama', baseUrl: s2.url, model: 'test-model' }).info();
  expect(capped.numCtx).toBe(32768);
  expect(capped.warnings.join('\n')).toContain('SMALLCODE_CONTEXT');
});

test('unknown model → model_not_found listing the server models and the pull command', async () => {
  const s = await start({ kind: 'ollama', models: ['qwen:7b', 'llama3:8b'], replies: [] });
  const p = createProvider({ provider: 'ollama', baseUrl: s.url, model: 'nope:1b' });
  await expect(p.info()).rejects.toMatchObject({ error: { code: 'model_not_found', availableModels: ['qwen:7b', 'llama3:8b'] } });
  const chunks = await collect(p.stream({ messages: [{ role: 'user', content: 'x' }] }, never()));
  expect(chunks).toHaveLength(1);
  const last = chunks[0];
  expect(last.type).toBe('error');
  if (last.type !== 'error') return;
  expect(last.error.message).toContain('qwen:7b, llama3:8b');
  expect(last.error.message).toContain('ollama pull nope:1b');
  expect(last.error.message).toContain(s.url);
});

test('a model without the tools capability gets no native tools; a forced refusal → no_tool_support', async () => {
  const s = await start({ kind: 'ollama', nativeTools: false, replies: [{ text: 'plain' }] });
  const p = createProvider({ provider: 'ollama', baseUrl: s.url, model: 'test-model' });
  const info = await p.info();
  expect(info.nativeTools).toBe(false);
  const out = summarize(await collect(p.stream({ messages: [{ role: 'user', content: 'x' }], tools }, never())));
  expect(out.text).toBe('plain');
  expect(s.chatRequests()[0].body).not.toHaveProperty('tools');
});

test('a chat-time "does not support tools" 400 → no_tool_support, not retried', async () => {
  const s = await start({ kind: 'ollama', nativeTools: false, advertiseTools: true, replies: [] });
  const p = createProvider({ provider: 'ollama', baseUrl: s.url, model: 'test-model', retry: FAST_RETRY });
  const chunks = await collect(p.stream({ messages: [{ role: 'user', content: 'x' }], tools }, never()));
  expect(chunks).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'no_tool_support', url: s.url }) }]);
  expect(s.chatRequests()).toHaveLength(1);
});

test('format is passed through as Ollama structured output', async () => {
  const s = await start({ kind: 'ollama', replies: [{ text: '{"a":1}' }] });
  const p = createProvider({ provider: 'ollama', baseUrl: s.url, model: 'test-model' });
  const schema = { type: 'object', properties: { a: { type: 'number' } } };
  await collect(p.stream({ messages: [{ role: 'user', content: 'json' }], format: schema }, never()));
  expect(s.chatRequests()[0].body).toMatchObject({ format: schema });
});

test('an over-long prompt comes back as prompt_too_long from the nested llama-server error', async () => {
  const s = await start({ kind: 'ollama', contextWindow: 4096, replies: [{ text: 'x', promptTokens: 9177 }] });
  const p = createProvider({ provider: 'ollama', baseUrl: s.url, model: 'test-model' });
  const [only] = await collect(p.stream({ messages: [{ role: 'user', content: 'big' }] }, never()));
  expect(only).toMatchObject({ type: 'error', error: { code: 'prompt_too_long', promptTokens: 9177, contextWindow: 4096 } });
});

test('truncation heuristic: about half the window back for a near-full prompt', () => {
  expect(looksTruncated(2050, 5000, 4096)).toBe(true);
  expect(looksTruncated(3900, 4000, 4096)).toBe(false);
  expect(looksTruncated(300, 310, 4096)).toBe(false);
});

test('a mid-stream error line is retried: the partial text is discarded, the error shown if it persists', async () => {
  const broken = { text: 'partial answer', midStreamError: 'an error was encountered while running the model' };
  const s = await start({ kind: 'ollama', replies: [broken, broken, broken] });
  const p = createProvider({ provider: 'ollama', baseUrl: s.url, model: 'test-model', retry: FAST_RETRY });
  const chunks = await collect(p.stream({ messages: [{ role: 'user', content: 'x' }] }, never()));
  expect(chunks[0]).toEqual({ type: 'text', text: 'par' });
  expect(chunks.filter((c) => c.type === 'retry')).toEqual([
    expect.objectContaining({ attempt: 2, tries: 3, discarded: true }),
    expect.objectContaining({ attempt: 3, tries: 3, discarded: true }),
  ]);
  expect(chunks[chunks.length - 1]).toMatchObject({ type: 'error', error: { message: expect.stringContaining('an error was encountered') } });
  expect(s.chatRequests()).toHaveLength(3);
});

test('a server that silently truncated (older Ollama) is flagged on usage.truncatedPrompt', async () => {
  // We send ~5000 tokens into a 4096 window; the server says it evaluated 2050 (≈ num_ctx/2).
  const s = await start({
    kind: 'ollama',
    contextWindow: 4096,
    replies: [
      { text: 'ok', promptTokens: 2050 },
      { text: 'ok', promptTokens: 30 },
    ],
  });
  const p = createProvider({ provider: 'ollama', baseUrl: s.url, model: 'test-model' });
  const big = summarize(await collect(p.stream({ messages: [{ role: 'user', content: 'x'.repeat(20000) }] }, never())));
  expect(big.usage).toMatchObject({ promptTokens: 2050, truncatedPrompt: true });
  const small = summarize(await collect(p.stream({ messages: [{ role: 'user', content: 'short question' }] }, never())));
  expect(small.usage?.truncatedPrompt).toBeUndefined();
});
