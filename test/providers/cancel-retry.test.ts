// Failure behaviour shared by all adapters: abort really closes the HTTP request and ends the
// stream with done:'cancelled'; transient faults before the first chunk are retried, 4xx are
// not; nothing listening is one 'unreachable' line naming the URL.
import net from 'node:net';
import { createProvider, type ProviderOptions } from '../../src/providers/create-provider';
import type { StreamChunk } from '../../src/providers/types';
import { startScriptedServer, type ScriptedServer, type ServerKind } from '../support/scripted-server';
import { collect, FAST_RETRY, never } from '../support/scripted-collect';

const servers: ScriptedServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));
async function start(...a: Parameters<typeof startScriptedServer>) {
  const s = await startScriptedServer(...a);
  servers.push(s);
  return s;
}
const providerFor = (kind: ServerKind): ProviderOptions['provider'] => (kind === 'ollama' ? 'ollama' : kind === 'anthropic' ? 'anthropic' : 'openai');

/** Resolves once the server has seen `n` client disconnects (event-driven, no sleeps). */
function disconnects(s: ScriptedServer, n: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (s.abortedRequests >= n ? resolve() : setImmediate(check));
    check();
  });
}

describe.each<ServerKind>(['ollama', 'llamacpp', 'anthropic'])('%s cancellation', (kind) => {
  test('abort mid-stream closes the socket and ends with done cancelled', async () => {
    const s = await start({ kind, models: ['test-model'], replies: [{ text: 'the first words and then silence', hang: true }] });
    const p = createProvider({ provider: providerFor(kind), baseUrl: s.url, model: 'test-model', apiKey: 'k', retry: FAST_RETRY });
    const ac = new AbortController();
    const seen: StreamChunk[] = [];
    for await (const c of p.stream({ messages: [{ role: 'user', content: 'go' }] }, ac.signal)) {
      seen.push(c);
      if (c.type === 'text') ac.abort();
    }
    expect(seen[0]).toMatchObject({ type: 'text' });
    expect(seen[seen.length - 1]).toEqual({ type: 'done', finishReason: 'cancelled' });
    await disconnects(s, 1);
    expect(s.abortedRequests).toBe(1);
    expect(s.chatRequests()).toHaveLength(1);
  });
});

test('abort before the request starts yields only done cancelled', async () => {
  const s = await start({ kind: 'ollama', replies: [{ text: 'never' }] });
  const p = createProvider({ provider: 'ollama', baseUrl: s.url, model: 'test-model' });
  await p.info();
  const ac = new AbortController();
  ac.abort();
  expect(await collect(p.stream({ messages: [{ role: 'user', content: 'x' }] }, ac.signal))).toEqual([{ type: 'done', finishReason: 'cancelled' }]);
});

describe.each<ServerKind>(['ollama', 'vllm', 'anthropic'])('%s retry', (kind) => {
  test('503 twice then OK succeeds on the third request', async () => {
    const busy = { httpError: { status: 503, body: { error: 'server busy, queue full' } } };
    const s = await start({ kind, replies: [busy, busy, { text: 'finally' }] });
    const p = createProvider({ provider: providerFor(kind), baseUrl: s.url, model: 'test-model', apiKey: 'k', retry: FAST_RETRY });
    const chunks = await collect(p.stream({ messages: [{ role: 'user', content: 'x' }] }, never()));
    expect(
      chunks
        .filter((c) => c.type === 'text')
        .map((c) => (c.type === 'text' ? c.text : ''))
        .join(''),
    ).toBe('finally');
    expect(chunks.some((c) => c.type === 'error')).toBe(false);
    expect(s.chatRequests()).toHaveLength(3);
  });

  test('a 400 is not retried', async () => {
    const s = await start({
      kind,
      replies: [{ httpError: { status: 400, body: { error: { message: 'bad things in the request', type: 'invalid_request_error' } } } }],
    });
    const p = createProvider({ provider: providerFor(kind), baseUrl: s.url, model: 'test-model', apiKey: 'k', retry: FAST_RETRY });
    const chunks = await collect(p.stream({ messages: [{ role: 'user', content: 'x' }] }, never()));
    expect(chunks).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'bad_request' }) }]);
    expect(s.chatRequests()).toHaveLength(1);
  });
});

test('503 on every try gives up after three attempts with a transient error', async () => {
  const s = await start({
    kind: 'llamacpp',
    replies: () => ({ httpError: { status: 503, body: { error: { code: 503, message: 'Loading model', type: 'unavailable_error' } } } }),
  });
  const p = createProvider({ provider: 'openai', baseUrl: s.url, model: 'm', retry: FAST_RETRY });
  const chunks = await collect(p.stream({ messages: [{ role: 'user', content: 'x' }] }, never()));
  expect(chunks.map((c) => c.type)).toEqual(['retry', 'retry', 'error']);
  expect(chunks[0]).toMatchObject({ type: 'retry', attempt: 2, tries: 3, discarded: false });
  expect(chunks[2]).toEqual({ type: 'error', error: expect.objectContaining({ code: 'transient', message: expect.stringContaining('Loading model') }) });
  expect(s.chatRequests()).toHaveLength(3);
});

test('a failure after the first chunk is retried and the partial reply discarded', async () => {
  const s = await start({ kind: 'llamacpp', replies: [{ text: 'half an answer', midStreamError: 'slot crashed' }, { text: 'the whole answer' }] });
  const p = createProvider({ provider: 'openai', baseUrl: s.url, model: 'm', retry: FAST_RETRY });
  const chunks = await collect(p.stream({ messages: [{ role: 'user', content: 'x' }] }, never()));
  const retry = chunks.findIndex((c) => c.type === 'retry');
  expect(chunks[retry]).toMatchObject({ type: 'retry', discarded: true, error: { message: expect.stringContaining('slot crashed') } });
  const after = chunks.slice(retry + 1).flatMap((c) => (c.type === 'text' ? [c.text] : []));
  expect(after.join('')).toBe('the whole answer');
  expect(chunks[chunks.length - 1]).toEqual({ type: 'done', finishReason: 'stop' });
  expect(s.chatRequests()).toHaveLength(2);
});

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe.each<ProviderOptions['provider']>(['ollama', 'openai', 'anthropic'])('%s with nothing listening', (provider) => {
  test('stream yields one unreachable line naming the URL; info() throws the same', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const p = createProvider({ provider, baseUrl: url, model: 'm', apiKey: 'k', retry: FAST_RETRY });
    const chunks = await collect(p.stream({ messages: [{ role: 'user', content: 'x' }] }, never()));
    expect(chunks).toHaveLength(1);
    const only = chunks[0];
    expect(only.type).toBe('error');
    if (only.type !== 'error') return;
    expect(only.error.code).toBe('unreachable');
    expect(only.error.message).toContain(url);
    expect(only.error.message).not.toContain('\n');
    if (provider !== 'anthropic') await expect(p.info()).rejects.toMatchObject({ error: { code: 'unreachable' } });
  });
});

test('requestTimeoutMs ends a hung stream with one timeout line, not a cancel, and is not retried', async () => {
  const s = await start({ kind: 'vllm', replies: [{ text: 'slow model', hang: true }] });
  const p = createProvider({ provider: 'openai', baseUrl: s.url, model: 'test-model', requestTimeoutMs: 300, retry: FAST_RETRY });
  await p.info(); // discovery first: on a loaded machine it alone can take 300 ms
  const chunks = await collect(p.stream({ messages: [{ role: 'user', content: 'x' }] }, never()));
  expect(chunks[0]).toMatchObject({ type: 'text' });
  expect(chunks[chunks.length - 1]).toMatchObject({
    type: 'error',
    error: { code: 'timeout', message: expect.stringContaining('did not finish within 300 ms') },
  });
  expect(s.chatRequests()).toHaveLength(1);
  await disconnects(s, 1);
});
