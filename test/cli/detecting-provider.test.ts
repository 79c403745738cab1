// The workbench's lazily detected provider forwards every Provider method — countTokens included,
// which the old hand-written wrapper dropped (so exact counting never ran in the workbench) — and
// exact counts include the tools offered natively, as the server will render them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as net from 'node:net';
import { detectingProvider } from '../../src/cli/detecting-provider';
import { loadConfig } from '../../src/config/config';
import { createProvider } from '../../src/providers/create-provider';
import { wrapProvider } from '../../src/providers/wrap-provider';
import type { ToolSpec } from '../../src/types/tool-spec';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { collect, never } from '../support/scripted-collect';

const servers: ScriptedServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));
const dir = () => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-lazy-')));
const messages = [
  { role: 'system' as const, content: 'You are a coding assistant.' },
  { role: 'user' as const, content: 'Read src/a.ts and fix the bug.' },
];
const tools: ToolSpec[] = [
  {
    name: 'read_file',
    description: 'Read a file of the workspace',
    parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
  },
];

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

test('the detecting provider counts tokens exactly through the server it found', async () => {
  const s = await startScriptedServer({ kind: 'llamacpp', replies: [] });
  servers.push(s);
  const config = loadConfig({ provider: 'openai', baseUrl: s.url, model: 'm' }, { XDG_CONFIG_HOME: dir() }, dir());
  const lazy = detectingProvider(config);
  const direct = createProvider({ provider: 'openai', baseUrl: s.url, model: 'm' });
  const expected = await direct.countTokens(messages);
  expect(expected).toBeGreaterThan(0);
  expect(await lazy.provider.countTokens(messages)).toBe(expected);
  expect(s.requests.filter((r) => r.path === '/tokenize')).toHaveLength(2);
});

test('before any server answers: countTokens is undefined and stream is the one-line error', async () => {
  const config = loadConfig({ provider: 'openai', baseUrl: `http://127.0.0.1:${await freePort()}`, model: 'm' }, { XDG_CONFIG_HOME: dir() }, dir());
  const lazy = detectingProvider(config);
  expect(await lazy.provider.countTokens(messages)).toBeUndefined();
  const [only] = await collect(lazy.provider.stream({ messages }, never()));
  expect(only).toMatchObject({ type: 'error', error: { code: 'unreachable' } });
});

test('wrapProvider forwards every method, replacing only what it is given', async () => {
  const s = await startScriptedServer({ kind: 'vllm', replies: [{ text: 'hi' }] });
  servers.push(s);
  const inner = createProvider({ provider: 'openai', baseUrl: s.url, model: 'test-model' });
  const seen: string[] = [];
  const wrapped = wrapProvider(inner, {
    stream: (r, signal) => {
      seen.push('stream');
      return inner.stream(r, signal);
    },
  });
  expect((await wrapped.info()).kind).toBe('vllm');
  expect(await wrapped.countTokens(messages)).toBe(await inner.countTokens(messages));
  await collect(wrapped.stream({ messages }, never()));
  expect(seen).toEqual(['stream']);
});

describe.each(['llamacpp', 'vllm'] as const)('%s: the exact count includes the tools offered natively', (kind) => {
  test('tools are sent to the tokenizer and the count grows by them', async () => {
    const s = await startScriptedServer({ kind, models: ['test-model'], replies: [] });
    servers.push(s);
    const p = createProvider({ provider: 'openai', baseUrl: s.url, model: 'test-model' });
    const without = await p.countTokens(messages);
    const withTools = await p.countTokens(messages, undefined, tools);
    expect(withTools).toBeGreaterThan(without ?? Number.POSITIVE_INFINITY);
    const path = kind === 'llamacpp' ? '/apply-template' : '/tokenize';
    const last = s.requests.filter((r) => r.path === path).at(-1);
    expect(last?.body).toMatchObject({ tools: [{ type: 'function', function: { name: 'read_file' } }] });
  });
});

test('llama.cpp without --jinja: tools are not offered natively, so they are not counted (and not sent)', async () => {
  const s = await startScriptedServer({ kind: 'llamacpp', jinja: false, replies: [] });
  servers.push(s);
  const p = createProvider({ provider: 'openai', baseUrl: s.url, model: 'm' });
  expect(await p.countTokens(messages, undefined, tools)).toBe(await p.countTokens(messages));
});
