// The native Anthropic adapter against the scripted Messages API through @anthropic-ai/sdk:
// message mapping (system, tool_use, tool_result), streamed text and input_json_delta calls.
import { createCloudProvider } from '../../src/providers/create-provider';
import { toAnthropicPrompt } from '../../src/providers/anthropic-messages';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { collect, FAST_RETRY, never, summarize } from '../support/scripted-collect';

let s: ScriptedServer;
afterEach(() => s?.close());

test('streams text and a tool_use whose input arrives in fragments', async () => {
  const input = { path: 'src/main.ts', old_str: 'let x = 1;', new_str: 'let x = 2;' };
  s = await startScriptedServer({
    kind: 'anthropic',
    models: ['claude-test'],
    replies: [{ text: 'Editing now.', reasoning: 'plan', toolCalls: [{ name: 'edit_file', arguments: input }], promptTokens: 900, completionTokens: 30 }],
  });
  const p = createCloudProvider({ vendor: 'anthropic', apiKey: 'sk-ant', model: 'claude-test', baseUrl: s.url, retry: FAST_RETRY });
  const tools = [{ name: 'edit_file', description: 'Edit a file', parameters: { type: 'object', properties: { path: { type: 'string' } } } }];
  const chunks = await collect(
    p.stream(
      {
        messages: [
          { role: 'system', content: 'be brief' },
          { role: 'user', content: 'fix it' },
        ],
        tools,
        maxTokens: 500,
      },
      never(),
    ),
  );
  const sum = summarize(chunks);
  expect(sum.text).toBe('Editing now.');
  expect(sum.reasoning).toBe('plan');
  expect(sum.calls).toEqual([{ id: expect.stringMatching(/^toolu_/), name: 'edit_file', arguments: input }]);
  expect(sum.usage).toEqual({ promptTokens: 900, completionTokens: 30 });
  expect(sum.last).toEqual({ type: 'done', finishReason: 'tool_calls' });
  const body = s.chatRequests()[0].body as Record<string, unknown>;
  expect(body).toMatchObject({
    model: 'claude-test',
    max_tokens: 500,
    stream: true,
    system: 'be brief',
    tools: [{ name: 'edit_file', input_schema: { type: 'object' } }],
  });
  expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'fix it' }] }]);
  const info = await p.info();
  expect(info).toMatchObject({ provider: 'anthropic', kind: 'anthropic', contextWindow: 200000, nativeTools: true });
});

test('tool results go back as tool_result blocks in the next user message, turns alternate', () => {
  const prompt = toAnthropicPrompt([
    { role: 'system', content: 'S' },
    { role: 'user', content: 'go' },
    {
      role: 'assistant',
      content: 'reading',
      toolCalls: [
        { id: 't1', name: 'read_file', arguments: { path: 'a' } },
        { id: 't2', name: 'read_file', arguments: { path: 'b' } },
      ],
    },
    { role: 'tool', content: 'A', toolCallId: 't1', toolName: 'read_file' },
    { role: 'tool', content: 'B', toolCallId: 't2', toolName: 'read_file' },
    { role: 'user', content: 'and?' },
  ]);
  expect(prompt.system).toBe('S');
  expect(prompt.messages).toEqual([
    { role: 'user', content: [{ type: 'text', text: 'go' }] },
    {
      role: 'assistant',
      content: [
        { type: 'text', text: 'reading' },
        { type: 'tool_use', id: 't1', name: 'read_file', input: { path: 'a' } },
        { type: 'tool_use', id: 't2', name: 'read_file', input: { path: 'b' } },
      ],
    },
    {
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 't1', content: 'A' },
        { type: 'tool_result', tool_use_id: 't2', content: 'B' },
        { type: 'text', text: 'and?' },
      ],
    },
  ]);
});

test('an over-long prompt → prompt_too_long with both sizes', async () => {
  s = await startScriptedServer({ kind: 'anthropic', models: ['c'], contextWindow: 200000, replies: [{ text: 'x', promptTokens: 210000 }] });
  const p = createCloudProvider({ vendor: 'anthropic', apiKey: 'k', model: 'c', baseUrl: s.url, retry: FAST_RETRY });
  const chunks = await collect(p.stream({ messages: [{ role: 'user', content: 'big' }] }, never()));
  expect(chunks).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'prompt_too_long', promptTokens: 210000, contextWindow: 200000 }) }]);
});

test('DeepSeek is OpenAI-compatible at its own base URL with JSON-object output', async () => {
  s = await startScriptedServer({ kind: 'openai', models: ['deepseek-v4-flash'], replies: [{ text: '{"a":1}' }] });
  const p = createCloudProvider({ vendor: 'deepseek', apiKey: 'sk-ds', model: 'deepseek-v4-flash', baseUrl: s.url });
  const out = summarize(await collect(p.stream({ messages: [{ role: 'user', content: 'json' }], format: { type: 'object' } }, never())));
  expect(out.text).toBe('{"a":1}');
  const req = s.chatRequests()[0];
  expect(req.body).toMatchObject({ response_format: { type: 'json_object' } });
  expect(req.headers.authorization).toBe('Bearer sk-ds');
  expect(await p.info()).toMatchObject({ kind: 'deepseek', contextWindow: 131072 });
  expect(s.requests.some((r) => r.path === '/props' || r.path === '/api/v0/models')).toBe(false);
});
