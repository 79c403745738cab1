// The tolerant OpenAI-chunk accumulator on hand-written dialect variants: what llama.cpp,
// LM Studio, vLLM, Ollama /v1 and OpenAI really send, including the sloppy parts.
import { parseToolArguments, StreamAccumulator } from '../../src/providers/stream-accumulator';
import type { StreamChunk } from '../../src/providers/types';

const run = (chunks: unknown[]): StreamChunk[] => {
  const acc = new StreamAccumulator();
  return [...chunks.flatMap((c) => acc.push(c)), ...acc.finishChunks()];
};
const delta = (d: Record<string, unknown>, finish: string | null = null) => ({ choices: [{ index: 0, delta: d, finish_reason: finish }] });

test('canonical OpenAI: fragments merged by index, usage chunk with empty choices', () => {
  const out = run([
    delta({ role: 'assistant', content: null }),
    delta({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }] }),
    delta({ tool_calls: [{ index: 0, function: { arguments: '{"location":' } }] }),
    delta({ tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }),
    delta({}, 'tool_calls'),
    { choices: [], usage: { prompt_tokens: 82, completion_tokens: 17, total_tokens: 99 } },
  ]);
  expect(out).toEqual([
    { type: 'tool_call', call: { id: 'call_1', name: 'get_weather', arguments: { location: 'Paris' } } },
    { type: 'usage', usage: { promptTokens: 82, completionTokens: 17 } },
    { type: 'done', finishReason: 'tool_calls' },
  ]);
});

test('two interleaved calls, no type, no finish chunk, missing ids are synthesized', () => {
  const out = run([
    delta({ tool_calls: [{ index: 1, function: { name: 'b', arguments: '{"x"' } }] }),
    delta({ tool_calls: [{ index: 0, function: { name: 'a', arguments: '{}' } }] }),
    delta({ tool_calls: [{ index: 1, function: { arguments: ':1}' } }] }),
  ]);
  expect(out).toEqual([
    { type: 'tool_call', call: { id: 'call_1', name: 'a', arguments: {} } },
    { type: 'tool_call', call: { id: 'call_2', name: 'b', arguments: { x: 1 } } },
    { type: 'done', finishReason: 'tool_calls' },
  ]);
});

test('llama.cpp: reasoning_content, usage on the finish chunk, timings speed', () => {
  const out = run([
    delta({ reasoning_content: 'hmm' }),
    delta({ content: 'Hi' }),
    {
      choices: [{ index: 0, delta: {}, finish_reason: 'length' }],
      usage: { prompt_tokens: 10, completion_tokens: 2 },
      timings: { predicted_per_second: 42.5, predicted_n: 2, prompt_n: 10, cache_n: 0 },
    },
  ]);
  expect(out).toEqual([
    { type: 'reasoning', text: 'hmm' },
    { type: 'text', text: 'Hi' },
    { type: 'usage', usage: { promptTokens: 10, completionTokens: 2, tokensPerSecond: 42.5 } },
    { type: 'done', finishReason: 'length' },
  ]);
});

test('prompt tokens reused from the cache: llama.cpp timings.cache_n, OpenAI prompt_tokens_details.cached_tokens', () => {
  const llama = run([
    delta({ content: 'Hi' }, 'stop'),
    { choices: [], usage: { prompt_tokens: 100, completion_tokens: 2 }, timings: { predicted_per_second: 40, predicted_n: 2, prompt_n: 40, cache_n: 60 } },
  ]);
  expect(llama).toContainEqual({ type: 'usage', usage: { promptTokens: 100, completionTokens: 2, tokensPerSecond: 40, cachedPromptTokens: 60 } });
  const openai = run([
    delta({ content: 'Hi' }, 'stop'),
    { choices: [], usage: { prompt_tokens: 2048, completion_tokens: 5, prompt_tokens_details: { cached_tokens: 1920 } } },
  ]);
  expect(openai).toContainEqual({ type: 'usage', usage: { promptTokens: 2048, completionTokens: 5, cachedPromptTokens: 1920 } });
});

test('Ollama /v1: whole call in one chunk, `reasoning` field, null choices tolerated', () => {
  const out = run([
    delta({ reasoning: 'plan' }),
    delta({ tool_calls: [{ index: 0, id: 'call_x', function: { name: 'read_file', arguments: '{"path":"a"}' } }] }),
    { choices: null, usage: null },
    delta({}, 'tool_calls'),
  ]);
  expect(out).toEqual([
    { type: 'reasoning', text: 'plan' },
    { type: 'tool_call', call: { id: 'call_x', name: 'read_file', arguments: { path: 'a' } } },
    { type: 'done', finishReason: 'tool_calls' },
  ]);
});

test('calls without index: a new id starts a new call, fragments continue the last', () => {
  const out = run([
    delta({ tool_calls: [{ id: 'c1', function: { name: 'a', arguments: '{"p":' } }] }),
    delta({ tool_calls: [{ function: { arguments: '1}' } }] }),
    delta({ tool_calls: [{ id: 'c2', function: { name: 'b', arguments: '{}' } }] }),
  ]);
  expect(out.filter((c) => c.type === 'tool_call')).toEqual([
    { type: 'tool_call', call: { id: 'c1', name: 'a', arguments: { p: 1 } } },
    { type: 'tool_call', call: { id: 'c2', name: 'b', arguments: {} } },
  ]);
});

test('a name repeated on every fragment is kept once; a name split across fragments is joined', () => {
  const out = run([
    delta({ tool_calls: [{ index: 0, id: 'a', function: { name: 'read_file', arguments: '{"p":' } }] }),
    delta({ tool_calls: [{ index: 0, function: { name: 'read_file', arguments: '1}' } }] }),
    delta({ tool_calls: [{ index: 1, id: 'b', function: { name: 'search', arguments: '' } }] }),
    delta({ tool_calls: [{ index: 1, function: { name: '_files', arguments: '{}' } }] }),
  ]);
  expect(out.filter((c) => c.type === 'tool_call')).toEqual([
    { type: 'tool_call', call: { id: 'a', name: 'read_file', arguments: { p: 1 } } },
    { type: 'tool_call', call: { id: 'b', name: 'search_files', arguments: {} } },
  ]);
});

test('finish "stop" with calls present is reported as tool_calls; plain text stays stop', () => {
  expect(run([delta({ tool_calls: [{ index: 0, function: { name: 'a', arguments: '{}' } }] }), delta({}, 'stop')]).pop()).toEqual({
    type: 'done',
    finishReason: 'tool_calls',
  });
  expect(run([delta({ content: 'x' })]).pop()).toEqual({ type: 'done', finishReason: 'stop' });
});

test('arguments: empty → {}, double-encoded unwrapped, broken kept raw', () => {
  expect(parseToolArguments('')).toEqual({});
  expect(parseToolArguments('"{\\"a\\":1}"')).toEqual({ a: 1 });
  expect(parseToolArguments('{"a":1,}')).toEqual({ __raw: '{"a":1,}' });
  expect(parseToolArguments('[1,2]')).toEqual({ __raw: '[1,2]' });
});

test('garbage chunks are ignored', () => {
  expect(run([null, 'text', 42, { choices: [null, 'x'] }])).toEqual([{ type: 'done', finishReason: 'stop' }]);
});
