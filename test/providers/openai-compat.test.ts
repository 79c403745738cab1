// The OpenAI-compatible provider against scripted llama.cpp, LM Studio and vLLM servers via the
// real `openai` client: fragment merging, usage, window discovery per kind, base URL forms,
// over-long prompt classification, structured-output request shape, token counting.
import { createProvider } from '../../src/providers/create-provider';
import { startScriptedServer, type ScriptedServer, type ServerKind } from '../support/scripted-server';
import { collect, FAST_RETRY, never, summarize } from '../support/scripted-collect';

const servers: ScriptedServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));
async function start(...a: Parameters<typeof startScriptedServer>) {
  const s = await startScriptedServer(...a);
  servers.push(s);
  return s;
}
const tools = [{ name: 'edit_file', description: 'Edit', parameters: { type: 'object', properties: { path: { type: 'string' } } } }];
const user = (content: string) => [{ role: 'user' as const, content }];

describe.each<[ServerKind, string]>([
  ['llamacpp', '/props'],
  ['lmstudio', '/api/v0/models'],
  ['vllm', '/v1/models'],
])('%s', (kind, windowPath) => {
  test('merges tool-call fragments, streams text and reports usage', async () => {
    const args = { path: 'src/deeply/nested/file.ts', old_str: 'const a = "x";', new_str: 'const a = "y";' };
    const s = await start({
      kind,
      replies: [
        { text: 'I will edit it.', reasoning: 'think first', toolCalls: [{ name: 'edit_file', arguments: args }], promptTokens: 321, completionTokens: 45 },
      ],
    });
    const p = createProvider({ provider: 'openai', baseUrl: `${s.url}/v1`, model: 'test-model', retry: FAST_RETRY });
    const chunks = await collect(p.stream({ messages: user('edit'), tools }, never()));
    const sum = summarize(chunks);
    expect(sum.text).toBe('I will edit it.');
    expect(sum.reasoning).toBe('think first');
    expect(sum.calls).toEqual([{ id: expect.any(String), name: 'edit_file', arguments: args }]);
    expect(sum.usage).toMatchObject({ promptTokens: 321, completionTokens: 45 });
    expect(sum.last).toEqual({ type: 'done', finishReason: 'tool_calls' });
    const body = s.chatRequests()[0].body as Record<string, unknown>;
    expect(body).toMatchObject({ stream: true, stream_options: { include_usage: true }, tools: [{ type: 'function', function: { name: 'edit_file' } }] });
    expect(body.parallel_tool_calls === true).toBe(kind === 'llamacpp');
  });

  test(`discovers the kind and the window from ${windowPath}, with or without /v1`, async () => {
    const s = await start({ kind, contextWindow: 12288, replies: [] });
    for (const baseUrl of [s.url, `${s.url}/`, `${s.url}/v1`, `${s.url}/v1/`]) {
      const info = await createProvider({ provider: 'openai', baseUrl, model: 'test-model' }).info();
      expect(info).toMatchObject({ provider: 'openai', kind, contextWindow: 12288, contextSource: 'server', baseUrl: `${s.url}/v1`, models: ['test-model'] });
      expect(info.canTokenize).toBe(kind !== 'lmstudio');
    }
    expect(s.requests.some((r) => r.path === windowPath)).toBe(true);
  });

  test('an over-long prompt → prompt_too_long with the sizes the server gave', async () => {
    const s = await start({ kind, contextWindow: 4096, replies: [{ text: 'x', promptTokens: 5000 }] });
    const p = createProvider({ provider: 'openai', baseUrl: s.url, model: 'test-model', retry: FAST_RETRY });
    const chunks = await collect(p.stream({ messages: user('big') }, never()));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ type: 'error', error: { code: 'prompt_too_long', promptTokens: 5000, contextWindow: 4096, url: `${s.url}/v1` } });
    expect(s.chatRequests()).toHaveLength(1);
  });

  test('structured output uses the nested json_schema response_format', async () => {
    const s = await start({ kind, replies: [{ text: '{"ok":true}' }] });
    const p = createProvider({ provider: 'openai', baseUrl: s.url, model: 'test-model' });
    const schema = { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] };
    await collect(p.stream({ messages: user('json please'), format: schema }, never()));
    const body = s.chatRequests()[0].body as Record<string, unknown>;
    expect(body.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'response', schema } });
    expect(body).not.toHaveProperty('guided_json');
  });
});

test('LM Studio tool ids are numeric strings and are kept as-is', async () => {
  const s = await start({
    kind: 'lmstudio',
    replies: [
      {
        toolCalls: [
          { name: 'edit_file', arguments: { path: 'a' } },
          { name: 'edit_file', arguments: { path: 'b' } },
        ],
      },
    ],
  });
  const p = createProvider({ provider: 'openai', baseUrl: s.url, model: 'test-model' });
  const { calls } = summarize(await collect(p.stream({ messages: user('x'), tools }, never())));
  expect(calls.map((c) => c.arguments.path)).toEqual(['a', 'b']);
  for (const c of calls) expect(c.id).toMatch(/^\d+$/);
});

test('unparsable tool arguments are passed through raw for the forgiving parser', async () => {
  const s = await start({ kind: 'llamacpp', replies: [{ toolCalls: [{ name: 'edit_file', arguments: "{'path': 'a.ts',}" }] }] });
  const p = createProvider({ provider: 'openai', baseUrl: s.url, model: 'test-model' });
  const { calls } = summarize(await collect(p.stream({ messages: user('x'), tools }, never())));
  expect(calls[0].arguments).toEqual({ __raw: "{'path': 'a.ts',}" });
});

test('vLLM without auto tool choice → no_tool_support', async () => {
  const s = await start({ kind: 'vllm', nativeTools: false, replies: [] });
  const p = createProvider({ provider: 'openai', baseUrl: s.url, model: 'test-model', retry: FAST_RETRY });
  const chunks = await collect(p.stream({ messages: user('x'), tools }, never()));
  expect(chunks).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'no_tool_support' }) }]);
});

test('LM Studio: an unknown model fails discovery listing what is there', async () => {
  const s = await start({ kind: 'lmstudio', models: ['qwen2.5-coder-7b-instruct'], replies: [] });
  const p = createProvider({ provider: 'openai', baseUrl: s.url, model: 'gpt-oss' });
  await expect(p.info()).rejects.toMatchObject({ error: { code: 'model_not_found', availableModels: ['qwen2.5-coder-7b-instruct'] } });
});

test('exact token counting: llama.cpp apply-template + tokenize, vLLM tokenize', async () => {
  const messages = [{ role: 'system' as const, content: 'You are helpful.' }, ...user('Count me please')];
  const llama = await start({ kind: 'llamacpp', replies: [] });
  const n = await createProvider({ provider: 'openai', baseUrl: llama.url, model: 'test-model' }).countTokens?.(messages);
  expect(n).toBeGreaterThan(5);
  const tok = llama.requests.find((r) => r.path === '/tokenize');
  expect(tok?.body).toMatchObject({ add_special: true, with_pieces: false, content: expect.stringContaining('Count me please') });
  const vllm = await start({ kind: 'vllm', replies: [] });
  expect(await createProvider({ provider: 'openai', baseUrl: vllm.url, model: 'test-model' }).countTokens?.(messages)).toBeGreaterThan(5);
  expect(vllm.requests.find((r) => r.path === '/tokenize')?.body).toMatchObject({ model: 'test-model', messages: expect.any(Array) });
  const lms = await start({ kind: 'lmstudio', replies: [] });
  expect(await createProvider({ provider: 'openai', baseUrl: lms.url, model: 'test-model' }).countTokens?.(messages)).toBeUndefined();
});

test('an unknown OpenAI-compatible server: 8192 with a warning, override wins', async () => {
  const s = await start({ kind: 'openai', replies: [] });
  const info = await createProvider({ provider: 'openai', baseUrl: s.url, model: 'test-model' }).info();
  expect(info).toMatchObject({ kind: 'openai', contextWindow: 8192, contextSource: 'default' });
  expect(info.warnings.join(' ')).toContain('SMALLCODE_CONTEXT');
  const over = await createProvider({ provider: 'openai', baseUrl: s.url, model: 'test-model', contextOverride: 20000 }).info();
  expect(over).toMatchObject({ contextWindow: 20000, contextSource: 'config', warnings: [] });
});

test('no model configured: the server model is picked with a warning', async () => {
  const s = await start({ kind: 'llamacpp', models: ['qwen.gguf'], replies: [{ text: 'hi' }] });
  const p = createProvider({ provider: 'openai', baseUrl: s.url, model: '' });
  expect((await p.info()).model).toBe('qwen.gguf');
  await collect(p.stream({ messages: user('x') }, never()));
  expect(s.chatRequests()[0].body).toMatchObject({ model: 'qwen.gguf' });
});

test('sloppy SSE (pings, no finish chunk, no [DONE], usage on the last chunk) still ends cleanly', async () => {
  const s = await start({
    kind: 'lmstudio',
    replies: [
      {
        text: 'tolerant reader',
        toolCalls: [{ name: 'edit_file', arguments: { path: 'x' } }],
        promptTokens: 12,
        sseQuirks: { ping: true, noFinishChunk: true, noDone: true },
      },
      { text: 'ok', promptTokens: 7, sseQuirks: { usageOnFinish: true } },
    ],
  });
  const p = createProvider({ provider: 'openai', baseUrl: s.url, model: 'test-model' });
  const first = summarize(await collect(p.stream({ messages: user('x'), tools }, never())));
  expect(first).toMatchObject({
    text: 'tolerant reader',
    calls: [{ name: 'edit_file', arguments: { path: 'x' } }],
    usage: { promptTokens: 12 },
    last: { type: 'done', finishReason: 'tool_calls' },
  });
  const second = summarize(await collect(p.stream({ messages: user('y') }, never())));
  expect(second).toMatchObject({ text: 'ok', usage: { promptTokens: 7 }, last: { type: 'done', finishReason: 'stop' } });
});

test('LM Studio answering 200 with an empty stream to a nearly full prompt → prompt_too_long; otherwise an empty reply', async () => {
  const lms = await start({ kind: 'lmstudio', contextWindow: 4096, replies: [{}] });
  const huge = 'word '.repeat(3000);
  const chunks = await collect(createProvider({ provider: 'openai', baseUrl: lms.url, model: 'test-model' }).stream({ messages: user(huge) }, never()));
  expect(chunks).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'prompt_too_long', contextWindow: 4096 }) }]);
  for (const kind of ['lmstudio', 'llamacpp'] as const) {
    const s = await start({ kind, replies: [{}, {}, {}] });
    const other = await collect(
      createProvider({ provider: 'openai', baseUrl: s.url, model: 'test-model', retry: FAST_RETRY }).stream({ messages: user('x') }, never()),
    );
    expect(other.at(-1)).toMatchObject({ type: 'error', error: { code: 'empty_reply' } });
  }
});
