// The OpenAI-compatible provider against the shapes a REAL llama-server has (measured by
// test/real-server/): chat_template_caps in /props, 32-character tool-call ids without `call_`,
// one-token argument fragments with grammar whitespace, an error event after a whole generation.
import { createProvider } from '../../src/providers/create-provider';
import { realArgumentFragments } from '../support/scripted-openai';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { collect, FAST_RETRY, never, summarize } from '../support/scripted-collect';

const servers: ScriptedServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));
async function start(...a: Parameters<typeof startScriptedServer>) {
  const s = await startScriptedServer(...a);
  servers.push(s);
  return s;
}
const tools = [
  { name: 'write_file', description: 'Write', parameters: { type: 'object', properties: { path: { type: 'string' }, content: { type: 'string' } } } },
];
const user = [{ role: 'user' as const, content: 'write it' }];
const PEG_ERROR = 'The model produced output that does not match the expected peg-native format';

test('fragments with grammar whitespace concatenate to the same arguments', () => {
  const args = { path: 'a "quoted".txt', content: 'line 1\nline 2' };
  const frags = realArgumentFragments(JSON.stringify(args));
  expect(frags[0]).toBe('{');
  expect(frags.some((f) => /^\s+"/.test(f))).toBe(true);
  expect(JSON.parse(frags.join(''))).toEqual(args);
});

test('a real llama-server tool call keeps its id and exact arguments; caps say native tools', async () => {
  const args = { path: 'src/a.ts', content: 'export const a = 1;\n' };
  const s = await start({ kind: 'llamacpp', realLlamaCpp: true, replies: [{ toolCalls: [{ name: 'write_file', arguments: args }] }] });
  const p = createProvider({ provider: 'openai', baseUrl: s.url, model: 'm', retry: FAST_RETRY });
  expect(await p.info()).toMatchObject({ kind: 'llamacpp', nativeTools: true, serverVersion: 'b1-80fb11a' });
  const sum = summarize(await collect(p.stream({ messages: user, tools }, never())));
  expect(sum.calls).toEqual([{ id: expect.stringMatching(/^[A-Za-z0-9]{32}$/), name: 'write_file', arguments: args }]);
  expect(sum.last).toEqual({ type: 'done', finishReason: 'tool_calls' });
});

test('an error after a generation that streamed nothing usable is retried', async () => {
  const s = await start({ kind: 'llamacpp', realLlamaCpp: true, replies: [{ errorAfterGeneration: PEG_ERROR }, { text: 'fine' }] });
  const p = createProvider({ provider: 'openai', baseUrl: s.url, model: 'm', retry: FAST_RETRY });
  const sum = summarize(await collect(p.stream({ messages: user }, never())));
  expect(sum.text).toBe('fine');
  expect(s.chatRequests()).toHaveLength(2);
});
