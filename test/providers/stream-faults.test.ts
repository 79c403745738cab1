// Faults that used to hang or lie (issue 9), through the real client libraries against the
// scripted server: a stream cut mid-reply is retried with the partial reply discarded; a silent
// server hits the first-byte timeout once (no silent retries); a stall mid-reply is a cut; an
// empty 200 is an error; a reply cut by the output cap is `length` on every adapter, with and
// without tool calls; a malformed chunk is our one line.
import { createProvider, type ProviderOptions } from '../../src/providers/create-provider';
import type { StreamChunk } from '../../src/providers/types';
import { startScriptedServer, type ScriptedReply, type ScriptedServer, type ServerKind } from '../support/scripted-server';
import { collect, FAST_RETRY, never, summarize } from '../support/scripted-collect';

const servers: ScriptedServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function providerOn(kind: ServerKind, replies: ScriptedReply[], extra: Partial<ProviderOptions> = {}) {
  const s = await startScriptedServer({ kind, replies });
  servers.push(s);
  const provider: ProviderOptions['provider'] = kind === 'ollama' ? 'ollama' : kind === 'anthropic' ? 'anthropic' : 'openai';
  const p = createProvider({ provider, baseUrl: s.url, model: 'test-model', apiKey: 'k', retry: FAST_RETRY, ...extra });
  return { s, p };
}

const ask = { messages: [{ role: 'user' as const, content: 'go' }] };
const KINDS: ServerKind[] = ['ollama', 'llamacpp', 'lmstudio', 'vllm', 'anthropic'];
const types = (chunks: StreamChunk[]) => chunks.map((c) => c.type);

describe.each(KINDS)('%s', (kind) => {
  test('a stream cut after some content is retried; the partial reply is marked discarded', async () => {
    const { s, p } = await providerOn(kind, [{ text: 'the first half of a long answer', cutAfterChunks: 3 }, { text: 'a complete answer' }]);
    const chunks = await collect(p.stream(ask, never()));
    const retry = chunks.findIndex((c) => c.type === 'retry');
    expect(retry).toBeGreaterThan(0);
    expect(chunks[retry]).toMatchObject({ type: 'retry', attempt: 2, tries: 3, discarded: true, error: { code: 'transient' } });
    expect(summarize(chunks.slice(retry + 1)).text).toBe('a complete answer');
    expect(chunks.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
    expect(s.chatRequests()).toHaveLength(2);
  });

  test('a server that sends nothing ends at the first-byte timeout, once, with one line', async () => {
    const { s, p } = await providerOn(kind, [{ silent: true }, { text: 'never asked' }], { firstByteTimeoutMs: 300 });
    const chunks = await collect(p.stream(ask, never()));
    expect(chunks).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'timeout', message: expect.stringContaining('first-byte timeout') }) }]);
    const only = chunks[0];
    if (only.type === 'error') expect(only.error.message).not.toContain('\n');
    expect(s.chatRequests()).toHaveLength(1);
  });

  test('a slow first byte within the timeout is simply waited for', async () => {
    const { p } = await providerOn(kind, [{ text: 'late but fine', firstByteDelayMs: 300 }], { firstByteTimeoutMs: 10_000 });
    const chunks = await collect(p.stream(ask, never()));
    expect(summarize(chunks).text).toBe('late but fine');
    expect(types(chunks)).not.toContain('retry');
  });

  test('a stall in the middle of a reply is treated as a cut: retried after the idle timeout', async () => {
    const { s, p } = await providerOn(kind, [{ text: 'tokens flow, then stop', stallAfterChunks: 2 }, { text: 'second try' }], { idleTimeoutMs: 300 });
    const chunks = await collect(p.stream(ask, never()));
    expect(chunks.find((c) => c.type === 'retry')).toMatchObject({ discarded: true, error: { message: expect.stringContaining('idle timeout') } });
    expect(chunks.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
    expect(s.chatRequests()).toHaveLength(2);
  });

  test('an empty 200 is an error after the retries, never a successful empty answer', async () => {
    const { s, p } = await providerOn(kind, [{ text: '' }, { text: '' }, { text: '' }]);
    const chunks = await collect(p.stream(ask, never()));
    expect(types(chunks).filter((t) => t !== 'usage')).toEqual(['retry', 'retry', 'error']);
    expect(chunks.at(-1)).toMatchObject({ type: 'error', error: { code: 'empty_reply', message: expect.stringContaining('empty reply') } });
    expect(s.chatRequests()).toHaveLength(3);
  });

  test('an empty 200 followed by a real answer succeeds', async () => {
    const { p } = await providerOn(kind, [{ text: '' }, { text: 'here it is' }]);
    const chunks = await collect(p.stream(ask, never()));
    expect(summarize(chunks).text).toBe('here it is');
    expect(chunks.find((c) => c.type === 'retry')).toMatchObject({ discarded: false });
  });

  test('a reply cut by the output cap reports length — with text, and with a tool call', async () => {
    const { p } = await providerOn(kind, [
      { text: 'an answer that ran into the ca', finish: 'length' },
      { toolCalls: [{ name: 'write_file', arguments: '{"path": "a.txt", "content": "unfini' }], finish: 'length' },
    ]);
    expect((await collect(p.stream(ask, never()))).at(-1)).toEqual({ type: 'done', finishReason: 'length' });
    const call = await collect(p.stream({ ...ask, tools: [{ name: 'write_file', description: 'w', parameters: { type: 'object' } }] }, never()));
    expect(call.at(-1)).toEqual({ type: 'done', finishReason: 'length' });
  });

  test('a reply that used the whole output cap is length even when the server says stop', async () => {
    const { p } = await providerOn(kind, [{ text: 'exactly as long as allowed', completionTokens: 64 }]);
    const chunks = await collect(p.stream({ ...ask, maxTokens: 64 }, never()));
    expect(chunks.at(-1)).toEqual({ type: 'done', finishReason: 'length' });
  });

  test('a malformed chunk is our one line: no library message, no retry', async () => {
    const { s, p } = await providerOn(kind, [{ text: 'some text before garbage', malformedChunk: true }, { text: 'not asked' }]);
    const chunks = await collect(p.stream(ask, never()));
    const last = chunks.at(-1);
    expect(last).toMatchObject({ type: 'error', error: { code: 'protocol' } });
    if (last?.type !== 'error') return;
    expect(last.error.message).toMatch(/^unreadable answer from http:\/\/127\.0\.0\.1:\d+(\/v1)?: a streamed chunk was not valid JSON — /);
    expect(last.error.message).not.toMatch(/\n|Unexpected|SyntaxError|position|\{"/);
    expect(s.chatRequests()).toHaveLength(1);
  });
});

test('Ollama: a stream that ends without its final done line was cut, and is retried', async () => {
  // The first reply's connection is cut right after its content, before the done:true line.
  const { s, p } = await providerOn('ollama', [{ text: 'abc', endAfterChunks: 1 }, { text: 'whole' }]);
  const chunks = await collect(p.stream(ask, never()));
  expect(chunks.find((c) => c.type === 'retry')).toMatchObject({ discarded: true });
  expect(summarize(chunks.slice(chunks.findIndex((c) => c.type === 'retry'))).text).toBe('whole');
  expect(s.chatRequests()).toHaveLength(2);
});

test('a cut that keeps happening ends with the transient error after the bounded tries', async () => {
  const cut = { text: 'again and again and again', cutAfterChunks: 2 };
  const { s, p } = await providerOn('llamacpp', [cut, cut, cut, { text: 'never reached' }]);
  const chunks = await collect(p.stream(ask, never()));
  expect(chunks.filter((c) => c.type === 'retry')).toHaveLength(2);
  expect(chunks.at(-1)).toMatchObject({ type: 'error', error: { code: 'transient' } });
  expect(s.chatRequests()).toHaveLength(3);
});
