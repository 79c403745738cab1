// Retries a stream whose FIRST chunk is a transient failure (reset, 5xx, 429) with exponential
// backoff. Once anything reached the consumer, or on 4xx / cancellation, it never retries.
import { sleep } from '../util/abort';
import { isRetryable } from './errors';
import type { StreamChunk } from './types';

export interface RetryPolicy {
  tries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { tries: 3, baseDelayMs: 250, maxDelayMs: 1000 };

export function backoffDelay(attempt: number, p: RetryPolicy): number {
  return Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** attempt);
}

/** Runs `open()` up to `tries` times while it fails before yielding anything. */
export async function* withRetry(
  open: () => AsyncIterable<StreamChunk>,
  signal: AbortSignal,
  policy: RetryPolicy = DEFAULT_RETRY,
): AsyncGenerator<StreamChunk> {
  for (let attempt = 0; ; attempt++) {
    let yielded = false;
    let failure: StreamChunk | undefined;
    for await (const chunk of open()) {
      if (!yielded && chunk.type === 'error' && isRetryable(chunk.error) && attempt + 1 < policy.tries && !signal.aborted) {
        failure = chunk;
        break;
      }
      yielded = true;
      yield chunk;
    }
    if (!failure) return;
    try {
      await sleep(backoffDelay(attempt, policy), signal);
    } catch {
      yield { type: 'done', finishReason: 'cancelled' };
      return;
    }
  }
}
