// Pins the scripted model server to the real client libraries: if these fail, the server is
// not speaking the wire format the clients expect, and every provider test would lie.
import Anthropic from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import OpenAI from 'openai';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';

const servers: ScriptedServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});
async function start(...args: Parameters<typeof startScriptedServer>) {
  const s = await startScriptedServer(...args);
  servers.push(s);
  return s;
}

test('ollama client streams text, a whole tool call and final metrics', async () => {
  const s = await start({ kind: 'ollama', replies: [{ text: 'Hello there, world', toolCalls: [{ name: 'read_file', arguments: { path: 'a.ts' } }] }] });
  const client = new Ollama({ host: s.url });
  const it = await client.chat({ model: 'test-model', messages: [{ role: 'user', content: 'hi' }], stream: true, options: { num_ctx: 4096 } });
  let text = '';
  const calls: unknown[] = [];
  let last: { done_reason?: string; eval_count?: number; prompt_eval_count?: number } = {};
  for await (const part of it) {
    text += part.message.content;
    if (part.message.tool_calls) calls.push(...part.message.tool_calls);
    last = part;
  }
  expect(text).toBe('Hello there, world');
  expect(calls).toEqual([{ id: expect.any(String), function: { index: 0, name: 'read_file', arguments: { path: 'a.ts' } } }]);
  expect(last.done_reason).toBe('stop');
  expect(last.eval_count).toBeGreaterThan(0);
  const ps = await client.ps();
  expect(ps.models[0]).toMatchObject({ context_length: 4096 });
  expect(s.chatRequests()).toHaveLength(1);
});

test('ollama refuses unknown models with 404 and tools without the capability with 400', async () => {
  const s = await start({ kind: 'ollama', nativeTools: false, models: ['qwen'], replies: [] });
  const client = new Ollama({ host: s.url });
  await expect(client.chat({ model: 'nope', messages: [] })).rejects.toMatchObject({ status_code: 404, error: "model 'nope' not found" });
  const tools = [{ type: 'function', function: { name: 'x', description: '', parameters: { type: 'object', properties: {} } } }];
  await expect(client.chat({ model: 'qwen', messages: [], tools })).rejects.toMatchObject({
    status_code: 400,
    error: expect.stringContaining('does not support tools'),
  });
});

test('openai client reassembles fragmented tool calls and sees the usage chunk', async () => {
  const s = await start({
    kind: 'lmstudio',
    replies: [{ toolCalls: [{ name: 'edit_file', arguments: { path: 'src/x.ts', old: 'a', new: 'b' } }], promptTokens: 77 }],
  });
  const client = new OpenAI({ baseURL: `${s.url}/v1`, apiKey: 'x', maxRetries: 0 });
  const stream = await client.chat.completions.create({
    model: 'test-model',
    messages: [{ role: 'user', content: 'go' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  let args = '';
  let finish: string | null = null;
  let usage: { prompt_tokens: number } | undefined;
  let id = '';
  for await (const chunk of stream) {
    for (const tc of chunk.choices[0]?.delta.tool_calls ?? []) {
      args += tc.function?.arguments ?? '';
      if (tc.id) id = tc.id;
    }
    finish = chunk.choices[0]?.finish_reason ?? finish;
    if (chunk.usage) usage = chunk.usage;
  }
  expect(JSON.parse(args)).toEqual({ path: 'src/x.ts', old: 'a', new: 'b' });
  expect(id).toMatch(/^\d+$/);
  expect(finish).toBe('tool_calls');
  expect(usage?.prompt_tokens).toBe(77);
});

test('llama.cpp over-long prompt → exceed_context_size_error 400', async () => {
  const s = await start({ kind: 'llamacpp', contextWindow: 100, replies: [{ text: 'x', promptTokens: 500 }] });
  const client = new OpenAI({ baseURL: `${s.url}/v1`, apiKey: 'x', maxRetries: 0 });
  await expect(client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true })).rejects.toMatchObject({
    status: 400,
    error: { type: 'exceed_context_size_error', n_prompt_tokens: 500, n_ctx: 100 },
  });
});

test('hang keeps the stream open until the client aborts, and the server sees it', async () => {
  const s = await start({ kind: 'openai', replies: [{ text: 'first piece then nothing', hang: true }] });
  const client = new OpenAI({ baseURL: `${s.url}/v1`, apiKey: 'x', maxRetries: 0 });
  const ac = new AbortController();
  const stream = await client.chat.completions.create({ model: 'test-model', messages: [], stream: true }, { signal: ac.signal });
  const seen: string[] = [];
  // openai v6 ends the iteration quietly (or throws APIUserAbortError) once the signal fires.
  await (async () => {
    for await (const chunk of stream) {
      seen.push(chunk.choices[0]?.delta.content ?? '');
      ac.abort();
    }
  })().catch((err: unknown) => expect(err).toBeInstanceOf(OpenAI.APIUserAbortError));
  expect(seen).toEqual(['fir']);
  await new Promise<void>((resolve) => {
    const check = () => (s.abortedRequests > 0 ? resolve() : setImmediate(check));
    check();
  });
  expect(s.abortedRequests).toBe(1);
});

test('anthropic sdk streams text and a tool_use with input_json_delta fragments', async () => {
  const s = await start({
    kind: 'anthropic',
    models: ['claude-x'],
    replies: [{ text: 'Let me look.', toolCalls: [{ name: 'read_file', arguments: { path: 'README.md' } }] }],
  });
  const client = new Anthropic({ baseURL: s.url, apiKey: 'k', maxRetries: 0 });
  const stream = client.messages.stream({ model: 'claude-x', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] });
  const msg = await stream.finalMessage();
  expect(msg.stop_reason).toBe('tool_use');
  expect(msg.content).toEqual([
    { type: 'text', text: 'Let me look.' },
    { type: 'tool_use', id: expect.stringMatching(/^toolu_/), name: 'read_file', input: { path: 'README.md' } },
  ]);
  const h = s.chatRequests()[0].headers;
  expect(h['x-api-key'] ?? h.authorization).toMatch(/^(Bearer )?k$/);
});
