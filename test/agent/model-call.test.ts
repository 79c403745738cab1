// One model call as the turn loop sees it: "waiting for the model… N s" while the server says
// nothing, a cut reply discarded and asked for again (the result holds only the good attempt),
// and the finish-reason contract (`length` when the output cap cut the reply).
import { callModel } from '../../src/agent/model-call';
import { createEventBus } from '../../src/agent/event-bus';
import type { AgentEvent } from '../../src/agent/events';
import { createProvider } from '../../src/providers/create-provider';
import { startScriptedServer, type ScriptedReply, type ScriptedServer } from '../support/scripted-server';
import { FAST_RETRY } from '../support/scripted-collect';

const servers: ScriptedServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function call(replies: ScriptedReply[], request: { maxTokens?: number; firstByte?: number } = {}) {
  const s = await startScriptedServer({ kind: 'llamacpp', replies });
  servers.push(s);
  const provider = createProvider({ provider: 'openai', baseUrl: s.url, model: 'm', retry: FAST_RETRY, firstByteTimeoutMs: request.firstByte });
  await provider.info();
  const bus = createEventBus();
  const events: AgentEvent[] = [];
  bus.subscribe((e) => events.push(e));
  const result = await callModel(provider, { messages: [{ role: 'user', content: 'go' }], maxTokens: request.maxTokens }, bus, new AbortController().signal, {
    live: true,
    waitTickMs: 50,
  });
  return { result, events, server: s };
}

test('while the server is silent, model.waiting events count up; the first delta ends them', async () => {
  const { result, events } = await call([{ text: 'finally here', firstByteDelayMs: 400 }]);
  const waits = events.flatMap((e, i) => (e.type === 'model.waiting' ? [i] : []));
  expect(waits.length).toBeGreaterThanOrEqual(2);
  const firstDelta = events.findIndex((e) => e.type === 'model.delta');
  expect(Math.max(...waits)).toBeLessThan(firstDelta);
  const seconds = waits.map((i) => (events[i].type === 'model.waiting' ? events[i].seconds : -1));
  expect(seconds.every((n, i) => Number.isInteger(n) && n >= 0 && n >= (seconds[i - 1] ?? 0))).toBe(true);
  expect(result).toMatchObject({ status: 'ok', text: 'finally here', finishReason: 'stop' });
});

test('a cut reply is discarded: model.retry says so and the result holds only the new reply', async () => {
  const { result, events, server } = await call([{ text: 'this half is thrown away', cutAfterChunks: 3 }, { text: 'the real answer' }]);
  const retry = events.find((e) => e.type === 'model.retry');
  expect(retry).toMatchObject({ type: 'model.retry', attempt: 2, tries: 3, discarded: true, reason: expect.stringContaining(server.url) });
  expect(result).toMatchObject({ status: 'ok', text: 'the real answer', retries: 1, finishReason: 'stop' });
  const deltas = events.filter((e) => e.type === 'model.delta').map((e) => (e.type === 'model.delta' ? e.text : ''));
  expect(deltas.join('')).toContain('the real answer');
});

test('the output cap: status ok with finishReason length, never a finished answer', async () => {
  const { result } = await call([{ text: 'a reply the cap cut sh', finish: 'length' }]);
  expect(result).toMatchObject({ status: 'ok', finishReason: 'length', text: 'a reply the cap cut sh' });
});

test('a silent server ends the call with one timeout error and no retry', async () => {
  const { result, server } = await call([{ silent: true }], { firstByte: 300 });
  expect(result).toMatchObject({ status: 'error', finishReason: 'error', retries: 0, error: { code: 'timeout' } });
  expect(server.chatRequests()).toHaveLength(1);
});
