// A small streaming client for OpenAI-compatible chat completions: one POST, server-sent events
// read as they arrive. Replaces the `openai` SDK (20 MB installed), of which we used only this
// call; the chunks go to our own tolerant accumulator as before.
import type { ChatCompletionChunk, ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import { isAbortError } from '../util/abort';
import { parseJson, sseEvents } from './sse';

/** A refused request or an error sent inside the stream, shaped like the SDK's APIError (status,
 * the body's `error`, the same message) so errors.ts classifies it as before. */
export class OpenAiApiError extends Error {
  readonly code: unknown;
  readonly type: unknown;
  constructor(
    readonly status: number | undefined,
    readonly error: unknown,
    fallback: string | undefined,
  ) {
    const e = error as { message?: unknown } | undefined;
    const said = e?.message ? (typeof e.message === 'string' ? e.message : JSON.stringify(e.message)) : error ? JSON.stringify(error) : fallback;
    super(status ? `${status} ${said || 'status code (no body)'}` : said || '(no status code or body)');
    this.name = 'OpenAiApiError';
    this.code = (error as { code?: unknown } | undefined)?.code;
    this.type = (error as { type?: unknown } | undefined)?.type;
  }
}

export interface OpenAiClient {
  /** Sends one streaming request; resolves once the headers say yes, then yields its chunks. */
  streamChat(body: ChatCompletionCreateParamsStreaming, signal: AbortSignal): Promise<AsyncIterable<ChatCompletionChunk>>;
}

async function* chunks(body: ReadableStream<Uint8Array>): AsyncGenerator<ChatCompletionChunk> {
  try {
    for await (const { data } of sseEvents(body)) {
      if (data.startsWith('[DONE]')) return;
      const chunk = JSON.parse(data) as ChatCompletionChunk & { error?: unknown };
      // llama.cpp and vLLM report a failure after the headers as a chunk holding `error`.
      if (chunk?.error) throw new OpenAiApiError(undefined, chunk.error, undefined);
      yield chunk;
    }
  } catch (err) {
    // A cancelled request simply ends; the caller sees its own signal aborted.
    if (isAbortError(err)) return;
    throw err;
  }
}

/** `baseUrl` is the API root that ends in /v1. */
export function createOpenAiClient(o: { baseUrl: string; apiKey: string; fetch: typeof fetch }): OpenAiClient {
  const url = `${o.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  return {
    async streamChat(body, signal) {
      const res = await o.fetch(url, {
        method: 'POST',
        signal,
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${o.apiKey}` },
        body: JSON.stringify(body),
      });
      if (!res.ok || !res.body) {
        const text = await res.text().catch((err: Error) => err.message);
        const json = parseJson(text) as { error?: unknown } | undefined;
        throw new OpenAiApiError(res.status, json?.error, json ? undefined : text);
      }
      return chunks(res.body);
    },
  };
}
