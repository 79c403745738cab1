// The streaming contract in one place: a provider attempt may throw anywhere; the guard turns
// that into an `error` chunk (or `done: cancelled` on abort) so stream() never throws, and
// makes sure the last chunk is `done` or `error`.
import { isAbortError, linkedSignal } from '../util/abort';
import { classifyError, type ErrorContext } from './errors';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry';
import type { ProviderError, StreamChunk } from './types';

export type Attempt = (signal: AbortSignal) => AsyncIterable<StreamChunk>;

export interface GuardOptions {
  /** Context for error classification; a function because discovery may fill it in late. */
  context: () => ErrorContext;
  retry?: RetryPolicy;
  requestTimeoutMs?: number;
}

async function* guardOnce(attempt: Attempt, user: AbortSignal, o: GuardOptions): AsyncGenerator<StreamChunk> {
  const { signal, dispose } = linkedSignal([user], o.requestTimeoutMs);
  let ended = false;
  try {
    for await (const raw of attempt(signal)) {
      if (ended) continue;
      // Adapters see only the linked signal: a cancel the user did not ask for is our timeout.
      const chunk = raw.type === 'done' && raw.finishReason === 'cancelled' && !user.aborted ? timeoutOr(signal, o, raw) : raw;
      yield chunk;
      if (chunk.type === 'done' || chunk.type === 'error') ended = true;
    }
    if (!ended) yield user.aborted ? { type: 'done', finishReason: 'cancelled' } : timeoutOr(signal, o, { type: 'done', finishReason: 'stop' });
  } catch (err) {
    if (ended) return;
    if (user.aborted) yield { type: 'done', finishReason: 'cancelled' };
    else if (signal.aborted) yield timeoutOr(signal, o, { type: 'done', finishReason: 'cancelled' });
    else if (isAbortError(err)) yield { type: 'done', finishReason: 'cancelled' };
    else yield { type: 'error', error: classifyError(err, o.context()) };
  } finally {
    dispose();
  }
}

function timeoutOr(signal: AbortSignal, o: GuardOptions, fallback: StreamChunk): StreamChunk {
  if (!signal.aborted) return fallback;
  const c = o.context();
  const error: ProviderError = {
    code: 'transient',
    message: `${c.url} did not finish within ${o.requestTimeoutMs} ms — the model may be too slow for this prompt; retry or raise the timeout`,
    url: c.url,
  };
  return { type: 'error', error };
}

/** Guarded, retried stream: what every provider's stream() returns. */
export function guardedStream(attempt: Attempt, user: AbortSignal, o: GuardOptions): AsyncIterable<StreamChunk> {
  return withRetry(() => guardOnce(attempt, user, o), user, o.retry ?? DEFAULT_RETRY);
}
