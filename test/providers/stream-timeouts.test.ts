// The default stall timeouts: generous enough for a slow CPU prefill of a full 32k prompt, a whole
// reply's worth of silence where Ollama holds a native tool call back, and fixed when the user says.
import { streamTimeouts } from '../../src/providers/stream-timeouts';
import type { ChatRequest } from '../../src/providers/types';
import { roughPromptTokens } from '../../src/providers/wire-messages';

const prompt = (tokens: number): ChatRequest => ({ messages: [{ role: 'user', content: 'x'.repeat(tokens * 4) }], maxTokens: 4096 });

test('first byte: 120 s for loading plus 40 ms a prompt token (a 25 tokens/s prefill)', () => {
  const full = prompt(32768);
  expect(roughPromptTokens(full.messages, undefined)).toBe(32769); // our yardstick: characters / 4
  expect(streamTimeouts(full, {}, false).firstByteMs).toBe(120_000 + 40 * 32769); // ≈ 24 min
});

test('idle: 120 s between chunks; where tool calls arrive whole (Ollama), a whole reply at 5 tokens/s', () => {
  const tools = [{ name: 't', description: 'd', parameters: { type: 'object' } }];
  expect(streamTimeouts(prompt(10), {}, false).idleMs).toBe(120_000);
  expect(streamTimeouts({ ...prompt(10), tools }, {}, false).idleMs).toBe(120_000);
  expect(streamTimeouts({ ...prompt(10), tools }, {}, true).idleMs).toBe(120_000 + 200 * 4096);
  expect(streamTimeouts(prompt(10), {}, true).idleMs).toBe(120_000);
});

test('SMALLCODE_FIRST_BYTE_TIMEOUT / SMALLCODE_IDLE_TIMEOUT replace the formulas', () => {
  expect(streamTimeouts(prompt(32768), { firstByteTimeoutMs: 600_000, idleTimeoutMs: 30_000 }, true)).toEqual({ firstByteMs: 600_000, idleMs: 30_000 });
});
