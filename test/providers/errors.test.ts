// Every server's real failure bodies classified into one ProviderError code with a one-line
// message naming the URL (bodies from shared/reference/model-servers.md).
import { classifyError, overflowNumbers, type ErrorContext } from '../../src/providers/errors';
import { splitBaseUrl } from '../../src/providers/base-url';

const ctx: ErrorContext = { url: 'http://127.0.0.1:8080/v1', kind: 'llamacpp', model: 'qwen' };
const code = (err: unknown, c: ErrorContext = ctx) => classifyError(err, c).code;

test('context overflow in every dialect → prompt_too_long with sizes', () => {
  const cases: [unknown, number | undefined, number | undefined][] = [
    [
      {
        status: 400,
        error: {
          code: 400,
          message: 'request (13392 tokens) exceeds the available context size (8192 tokens), try increasing it',
          type: 'exceed_context_size_error',
          n_prompt_tokens: 13392,
          n_ctx: 8192,
        },
      },
      13392,
      8192,
    ],
    [
      {
        status: 400,
        error:
          "This model's maximum context length is 8192 tokens. However, you requested 8 output tokens and your prompt contains at least 8185 input tokens, for a total of 8193.",
      },
      8185,
      8192,
    ],
    [
      {
        status: 400,
        error: {
          message: "This model's maximum context length is 4096 tokens. However, you requested 4118 tokens (3118 in the messages, 1000 in the completion).",
          code: 'context_length_exceeded',
        },
      },
      3118,
      4096,
    ],
    [
      {
        status: 400,
        error:
          'Trying to keep the first 14538 tokens when context the overflows. However, the model is loaded with context length of only 2048 tokens, which is not enough.',
      },
      14538,
      2048,
    ],
    [
      {
        status: 400,
        error:
          'The number of tokens to keep from the initial prompt is greater than the context length (n_keep: 13055>= n_ctx: 4096). Try to load the model with a larger context length',
      },
      13055,
      4096,
    ],
    [
      {
        status_code: 400,
        error:
          '{"error":{"code":400,"message":"request (9177 tokens) exceeds the available context size (4096 tokens), try increasing it","type":"exceed_context_size_error"}}',
      },
      9177,
      4096,
    ],
    [
      { status: 400, error: { type: 'error', error: { type: 'invalid_request_error', message: 'prompt is too long: 210000 tokens > 200000 maximum' } } },
      210000,
      200000,
    ],
  ];
  for (const [err, promptTokens, contextWindow] of cases) {
    const e = classifyError(err, ctx);
    expect(e).toMatchObject({ code: 'prompt_too_long', promptTokens, contextWindow, url: ctx.url });
    expect(e.message).toContain(ctx.url);
  }
});

test('refused tools → no_tool_support', () => {
  expect(code({ status_code: 400, error: 'registry.ollama.ai/library/gemma:2b does not support tools' })).toBe('no_tool_support');
  expect(
    code({
      status: 400,
      error: { message: '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set', type: 'BadRequestError' },
    }),
  ).toBe('no_tool_support');
});

test('network: refused → unreachable with the start hint, reset → transient', () => {
  const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:11434'), { code: 'ECONNREFUSED' }) });
  const e = classifyError(refused, { url: 'http://127.0.0.1:11434', kind: 'ollama', model: 'm' });
  expect(e.code).toBe('unreachable');
  expect(e.message).toBe(
    'no model server at http://127.0.0.1:11434 — start one: `ollama serve` / LM Studio → Developer → Start server / `llama-server -m model.gguf --port 8080`',
  );
  expect(code(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe('transient');
});

test('status families: auth, 429/5xx transient, 404 model vs wrong endpoint, other 4xx bad_request', () => {
  expect(code({ status: 401, error: { message: 'Incorrect API key provided' } })).toBe('auth');
  expect(code({ status: 429, error: { message: 'slow down' } })).toBe('transient');
  expect(code({ status: 529, error: { type: 'overloaded_error', message: 'Overloaded' } })).toBe('transient');
  expect(code({ status: 404, error: { message: 'The model `x` does not exist.' } })).toBe('model_not_found');
  expect(code({ status: 404, error: { message: 'File Not Found' } })).toBe('bad_request');
  expect(code({ status: 422, error: { message: 'temperature out of range' } })).toBe('bad_request');
  expect(code(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe('cancelled');
});

test('an error the server reported mid-stream is transient; our own parse failure is protocol', () => {
  expect(classifyError(new Error('an error was encountered while running the model'), ctx)).toMatchObject({
    code: 'transient',
    message: `${ctx.url} reported an error: an error was encountered while running the model — retry, or check the server log`,
  });
  expect(code(new SyntaxError('Unexpected token < in JSON at position 0'))).toBe('protocol');
});

test('model_not_found lists models and says how to get one', () => {
  const e = classifyError(
    { status_code: 404, error: "model 'llama9' not found" },
    { url: 'http://h:11434', kind: 'ollama', model: 'llama9', availableModels: ['qwen:7b'] },
  );
  expect(e).toMatchObject({ code: 'model_not_found', availableModels: ['qwen:7b'] });
  expect(e.message).toBe("model 'llama9' not found at http://h:11434 — available: qwen:7b; run `ollama pull llama9`");
});

test('messages are single lines even for multi-line server text', () => {
  const e = classifyError({ status: 400, error: { message: 'line one\nline two\n\tline three' } }, ctx);
  expect(e.message).not.toMatch(/\n/);
  expect(e.message).toContain('line one line two line three');
});

test('overflowNumbers returns undefined for unrelated text', () => {
  expect(overflowNumbers('temperature must be positive')).toBeUndefined();
});

test('base URL: with/without /v1, trailing slash, missing scheme', () => {
  for (const u of ['http://127.0.0.1:1234', 'http://127.0.0.1:1234/', 'http://127.0.0.1:1234/v1', 'http://127.0.0.1:1234/v1/', '127.0.0.1:1234/v1']) {
    expect(splitBaseUrl(u)).toEqual({ root: 'http://127.0.0.1:1234', v1: 'http://127.0.0.1:1234/v1' });
  }
  expect(splitBaseUrl('http://localhost:11434/api')).toEqual({ root: 'http://localhost:11434', v1: 'http://localhost:11434/v1' });
  expect(splitBaseUrl('https://api.deepseek.com')).toEqual({ root: 'https://api.deepseek.com', v1: 'https://api.deepseek.com/v1' });
});
