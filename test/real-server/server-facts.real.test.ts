// What the real llama-server does that a server written from documents may not: pinned here so
// the scripted server (test/support/scripted-openai.ts) can be kept honest, and so a llama.cpp
// upgrade that changes one of them is noticed.
import { startRig, dig, readSuiteSetup, type Rig } from './suite-setup';
import { streamFacts } from './sse';
import type { Exchange } from '../../scripts/real-server/recording-proxy';
import { REAL_PROPS, realArgumentFragments } from '../support/scripted-openai';

const WRITE_TOOL = {
  type: 'function',
  function: {
    name: 'write_file',
    description: 'Create a file',
    parameters: {
      type: 'object',
      properties: { path: { const: 'a.txt' }, content: { const: 'hi there' } },
      required: ['path', 'content'],
      additionalProperties: false,
    },
  },
};

async function chat(rig: Rig, body: Record<string, unknown>): Promise<Exchange> {
  const r = await fetch(`${rig.proxy.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', stream: true, ...body }),
  });
  await r.text();
  return rig.proxy.exchanges.at(-1)!;
}

describe('the real llama-server', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig(2048);
  });
  afterAll(async () => rig?.stop('server-facts'));

  test('/props carries chat_template_caps, the per-slot window and a b1-<commit> build', async () => {
    const { json: props } = await rig.direct('/props');
    expect(dig(props, 'chat_template_caps', 'supports_tools')).toBe(true);
    expect(dig(props, 'chat_template_caps', 'supports_tool_calls')).toBe(true);
    expect(dig(props, 'default_generation_settings', 'n_ctx')).toBe(2048);
    expect(dig(props, 'build_info')).toBe(`b1-${readSuiteSetup().commit.slice(0, 7)}`);
    expect(String(dig(props, 'chat_template'))).toContain('<tool_call>');
    // The scripted server's realLlamaCpp option copies these.
    expect(dig(props, 'chat_template_caps')).toEqual(REAL_PROPS.chat_template_caps);
    expect(dig(props, 'total_slots')).toBe(REAL_PROPS.total_slots);
  });

  test('native tool calls: ids without call_, arguments one token per delta with grammar whitespace', async () => {
    const opening = [
      [rig.tokens.toolCallLine, 300],
      [rig.tokens.endOfTurn, 400],
    ];
    const ex = await chat(rig, {
      messages: [{ role: 'user', content: 'write a.txt' }],
      tools: [WRITE_TOOL],
      tool_choice: 'required',
      parallel_tool_calls: false,
      logit_bias: opening,
      stream_options: { include_usage: true },
    });
    const facts = streamFacts(ex);
    expect(ex.status).toBe(200);
    expect(facts.finishReason).toBe('tool_calls');
    expect(facts.calls).toHaveLength(1);
    expect(facts.calls[0].id).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(facts.calls[0].id.startsWith('call_')).toBe(false);
    expect(JSON.parse(facts.calls[0].fragments.join(''))).toEqual({ path: 'a.txt', content: 'hi there' });
    expect(facts.calls[0].fragments.length).toBeGreaterThan(3);
    expect(facts.calls[0].fragments.some((f) => f.trim() === '' || /^\s|\s$/.test(f))).toBe(true);
    // The scripted server's realLlamaCpp fragments have the same opening and whitespace style.
    expect(facts.calls[0].fragments[0]).toBe(realArgumentFragments('{"path":"a.txt"}')[0]);
    // include_usage: the finish chunk has no usage; a last chunk with empty choices has usage + timings.
    expect(facts.timingsOnUsageChunk).toBe(true);
    expect(facts.usage!.prompt_tokens).toBe(facts.timings!.cache_n + facts.timings!.prompt_n);
  });

  test('tool_choice "required" still lets content come first: without a call the reply runs to the cap', async () => {
    const ex = await chat(rig, { messages: [{ role: 'user', content: 'write a.txt' }], tools: [WRITE_TOOL], tool_choice: 'required', max_tokens: 40 });
    const facts = streamFacts(ex);
    expect(ex.status).toBe(200);
    expect(facts.calls).toHaveLength(0);
    expect(facts.finishReason).toBe('length');
    expect(facts.content.length).toBeGreaterThan(0);
  });

  test('an over-long prompt is refused with exceed_context_size_error and both sizes', async () => {
    const ex = await chat(rig, { messages: [{ role: 'user', content: 'x9 '.repeat(3000) }] });
    expect(ex.status).toBe(400);
    const body = JSON.parse(ex.response);
    expect(dig(body, 'error', 'type')).toBe('exceed_context_size_error');
    expect(dig(body, 'error', 'n_ctx')).toBe(2048);
    expect(Number(dig(body, 'error', 'n_prompt_tokens'))).toBeGreaterThan(2048);
  });

  test('an identical repeat still re-evaluates at least one token; cache_n is real', async () => {
    const body = { messages: [{ role: 'user', content: 'the same prompt twice' }], grammar: 'root ::= "ok"', stream_options: { include_usage: true } };
    const first = streamFacts(await chat(rig, body));
    const second = streamFacts(await chat(rig, body));
    expect(second.timings!.prompt_n).toBeGreaterThanOrEqual(1);
    expect(second.timings!.cache_n).toBe(first.usage!.prompt_tokens - second.timings!.prompt_n);
  });

  test('grammar together with tools is a 400', async () => {
    const ex = await chat(rig, { messages: [{ role: 'user', content: 'hi' }], tools: [WRITE_TOOL], grammar: 'root ::= "ok"' });
    expect(ex.status).toBe(400);
    expect(ex.response).toContain('Cannot use custom grammar constraints with tools');
  });
});

describe('the real llama-server with --no-jinja', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig(2048, {}, ['--no-jinja']);
  });
  afterAll(async () => rig?.stop('server-facts-2'));

  test('/props still says supports_tools, but any request with tools is a 500', async () => {
    const { json: props } = await rig.direct('/props');
    expect(dig(props, 'chat_template_caps', 'supports_tools')).toBe(true);
    const ex = await chat(rig, { messages: [{ role: 'user', content: 'hi' }], tools: [WRITE_TOOL] });
    expect(ex.status).toBe(500);
    expect(ex.response).toContain('tools param requires --jinja flag');
  });
});

describe('the real llama-server when the model emits invalid UTF-8', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig(2048, { toGarbled: () => true });
  });
  afterAll(async () => rig?.stop('server-facts-3'));

  test('the whole generation runs, then HTTP 200 ends with data: {"error": 500 …} — no finish chunk, no [DONE]', async () => {
    const ex = await chat(rig, { messages: [{ role: 'user', content: 'hi' }], max_tokens: 16, stream_options: { include_usage: true } });
    expect(ex.status).toBe(200);
    const events = streamFacts(ex).events;
    expect(events.at(-1)).toEqual({
      error: { code: 500, message: 'The model produced output that does not match the expected peg-native format', type: 'server_error' },
    });
    expect(streamFacts(ex).finishReason).toBeUndefined();
    expect(ex.response).not.toContain('[DONE]');
  });
});
