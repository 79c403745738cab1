// Retries a stream that failed with a transient fault (reset, 5xx, 429, a cut or stalled stream,
// an empty reply) with exponential backoff, a bounded number of times — also after part of the
// reply arrived: nothing has been acted upon yet (tool calls run only after a reply ends), so the
// partial reply is simply discarded, and a `retry` chunk says so. 4xx, first-byte timeouts,
// unreadable streams and cancellation are never retried.
import { sleep } from '../util/abort';
import { isRetryable } from './errors';
import type { ProviderError, StreamChunk } from './types';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  tries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { tries: 3, baseDelayMs: 250, maxDelayMs: 1000 };

export function backoffDelay(attempt: number, p: RetryPolicy): number {
  return Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** attempt);
}

/** Runs `open()` up to `tries` times while it ends in a retryable error. */
export async function* withRetry(
  open: () => AsyncIterable<StreamChunk>,
  signal: AbortSignal,
  policy: RetryPolicy = DEFAULT_RETRY,
): AsyncGenerator<StreamChunk> {
  for (let attempt = 0; ; attempt++) {
    let shown = false;
    let failure: ProviderError | undefined;
    for await (const chunk of open()) {
      if (chunk.type === 'error' && isRetryable(chunk.error) && attempt + 1 < policy.tries && !signal.aborted) {
        failure = chunk.error;
        break;
      }
      if (chunk.type === 'text' || chunk.type === 'reasoning' || chunk.type === 'tool_call') shown = true;
      yield chunk;
    }
    if (!failure) return;
    yield { type: 'retry', attempt: attempt + 2, tries: policy.tries, error: failure, discarded: shown };
    try {
      await sleep(backoffDelay(attempt, policy), signal);
    } catch {
      yield { type: 'done', finishReason: 'cancelled' };
      return;
    }
  }
}
