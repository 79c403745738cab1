// A small streaming client for Anthropic's Messages API: one POST, server-sent events read as they
// arrive. Replaces @anthropic-ai/sdk (29 MB installed) for the one call escalation makes.
import type { MessageCreateParamsStreaming, RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages/messages';
import { parseJson, sseEvents } from './sse';

export const ANTHROPIC_VERSION = '2023-06-01';

/** A refused request or an `error` event, shaped like the SDK's APIError (status, error body, message)
 * so errors.ts classifies it the same way. */
export class AnthropicApiError extends Error {
  constructor(
    readonly status: number | undefined,
    readonly error: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'AnthropicApiError';
  }
}

export interface AnthropicClient {
  /** Sends one streaming request; resolves once the headers say yes, then yields its events. */
  stream(params: MessageCreateParamsStreaming, signal: AbortSignal): Promise<AsyncIterable<RawMessageStreamEvent>>;
}

const STREAMED = new Set(['message_start', 'message_delta', 'message_stop', 'content_block_start', 'content_block_delta', 'content_block_stop']);

/** The Messages API's events, pings and kinds this client has no use for skipped (as the SDK does). */
async function* events(body: ReadableStream<Uint8Array>): AsyncGenerator<RawMessageStreamEvent> {
  for await (const { event, data } of sseEvents(body)) {
    const parsed = parseJson(data) as { type?: string; error?: { message?: unknown } } | undefined;
    const kind = event || parsed?.type || '';
    if (kind === 'error') {
      const message = typeof parsed?.error?.message === 'string' ? parsed.error.message : data;
      throw new AnthropicApiError(undefined, parsed ?? data, message);
    }
    if (parsed && STREAMED.has(kind)) yield parsed as RawMessageStreamEvent;
  }
}

export function createAnthropicClient(o: { baseUrl: string; apiKey?: string; fetch: typeof fetch }): AnthropicClient {
  const url = `${o.baseUrl.replace(/\/+$/, '')}/v1/messages`;
  return {
    async stream(params, signal) {
      const res = await o.fetch(url, {
        method: 'POST',
        signal,
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          'anthropic-version': ANTHROPIC_VERSION,
          ...(o.apiKey ? { 'x-api-key': o.apiKey } : {}),
        },
        body: JSON.stringify(params),
      });
      if (!res.ok || !res.body) {
        const text = await res.text().catch(() => '');
        throw new AnthropicApiError(res.status, parseJson(text) ?? text, `${res.status} ${text || res.statusText}`);
      }
      return events(res.body);
    },
  };
}
