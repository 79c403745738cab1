// The streaming contract in one place: a provider attempt may throw anywhere; the guard turns
// that into an `error` chunk (or `done: cancelled` on abort) so stream() never throws, makes sure
// the last chunk is `done` or `error`, and holds the server to its word:
// - nothing within the first-byte timeout → `timeout`; a gap longer than the idle timeout once
//   tokens flowed → a cut (`transient`, retried);
// - a reply with no text and no tool call → `empty_reply` (retried);
// - a reply that used the whole output cap → `length`, whatever the server said.
import { isAbortError, linkedSignal } from '../util/abort';
import { classifyError, type ErrorContext } from './errors';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry';
import type { StreamTimeouts } from './stream-timeouts';
import type { FinishReason, ProviderError, StreamChunk, Usage } from './types';

/** One try at the stream. `sending()` is called right before the chat request goes out (after
 * discovery, which has its own short timeouts): the first-byte timeout starts there. */
export type Attempt = (signal: AbortSignal, sending: () => void) => AsyncIterable<StreamChunk>;

export interface GuardOptions {
  /** Context for error classification; a function because discovery may fill it in late. */
  context: () => ErrorContext;
  retry?: RetryPolicy;
  /** A cap on the whole request (rarely set; the stall timeouts are what catch a dead server). */
  requestTimeoutMs?: number;
  timeouts?: StreamTimeouts;
  /** The request's output cap. */
  maxTokens?: number;
}

type Stall = 'first_byte' | 'idle' | 'request';

/** Aborts its signal when the server is too slow, counted from the moment the request goes out:
 * nothing within the first-byte timeout, a gap longer than the idle timeout, or (rarely set) the
 * whole request taking longer than its cap. */
function watchdog(t: StreamTimeouts | undefined, requestMs: number | undefined) {
  const controller = new AbortController();
  let stalled: { kind: Stall; ms: number } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let cap: NodeJS.Timeout | undefined;
  const fire = (kind: Stall, ms: number) => () => {
    stalled ??= { kind, ms };
    controller.abort(new Error(`${kind} timeout after ${ms} ms`));
  };
  const arm = (kind: Stall, ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire(kind, ms), ms);
    timer.unref?.();
  };
  return {
    signal: controller.signal,
    start: () => {
      if (t && !stalled) arm('first_byte', t.firstByteMs);
      if (requestMs !== undefined && !cap) {
        cap = setTimeout(fire('request', requestMs), requestMs);
        cap.unref?.();
      }
    },
    touch: () => t && !stalled && arm('idle', t.idleMs),
    stalled: () => stalled,
    dispose: () => {
      if (timer) clearTimeout(timer);
      if (cap) clearTimeout(cap);
    },
  };
}

const seconds = (ms: number) => Math.round(ms / 1000);

function stallError(s: { kind: Stall; ms: number }, c: ErrorContext): ProviderError {
  if (s.kind === 'request')
    return {
      code: 'timeout',
      url: c.url,
      message: `${c.url} did not finish within ${s.ms} ms — the model may be too slow for this prompt; retry or raise the timeout`,
    };
  if (s.kind === 'first_byte')
    return {
      code: 'timeout',
      url: c.url,
      message: `${c.url} sent nothing for ${seconds(s.ms)} s (first-byte timeout) — the model may still be loading or reading a very long prompt; raise SMALLCODE_FIRST_BYTE_TIMEOUT (seconds) or check the server`,
    };
  return {
    code: 'transient',
    url: c.url,
    message: `${c.url} stopped sending for ${seconds(s.ms)} s in the middle of a reply (idle timeout) — raise SMALLCODE_IDLE_TIMEOUT (seconds) or check the server`,
  };
}

async function* guardOnce(attempt: Attempt, user: AbortSignal, o: GuardOptions): AsyncGenerator<StreamChunk> {
  const dog = watchdog(o.timeouts, o.requestTimeoutMs);
  const { signal, dispose } = linkedSignal([user, dog.signal]);
  let ended = false;
  let answered = false;
  let thought = false;
  let usage: Usage | undefined;
  /** Why the linked signal fired when the user did not cancel: a stall or the request cap. */
  const interrupted = (fallback: StreamChunk): StreamChunk => {
    const stall = dog.stalled();
    return stall ? { type: 'error', error: stallError(stall, o.context()) } : fallback;
  };
  try {
    for await (const raw of attempt(signal, dog.start)) {
      dog.touch();
      if (ended) continue;
      let chunk = raw;
      if (chunk.type === 'text' || chunk.type === 'tool_call') answered = true;
      else if (chunk.type === 'reasoning') thought = true;
      else if (chunk.type === 'usage') usage = chunk.usage;
      // Adapters see only the linked signal: a cancel the user did not ask for is ours.
      if (chunk.type === 'done' && chunk.finishReason === 'cancelled' && !user.aborted) chunk = interrupted(chunk);
      else if (chunk.type === 'done') chunk = settle(chunk.finishReason, answered, thought, usage, o);
      yield chunk;
      if (chunk.type === 'done' || chunk.type === 'error') ended = true;
    }
    if (!ended) yield user.aborted ? { type: 'done', finishReason: 'cancelled' } : interrupted(settle('stop', answered, thought, usage, o));
  } catch (err) {
    if (ended) return;
    if (user.aborted) yield { type: 'done', finishReason: 'cancelled' };
    else if (signal.aborted) yield interrupted({ type: 'done', finishReason: 'cancelled' });
    else if (isAbortError(err)) yield { type: 'done', finishReason: 'cancelled' };
    else yield { type: 'error', error: classifyError(err, o.context()) };
  } finally {
    dog.dispose();
    dispose();
  }
}

/** The finish the server reported, checked against what actually arrived. */
function settle(reported: FinishReason, answered: boolean, thought: boolean, usage: Usage | undefined, o: GuardOptions): StreamChunk {
  const capped = o.maxTokens !== undefined && usage !== undefined && usage.completionTokens >= o.maxTokens;
  if (reported === 'length' || ((reported === 'stop' || reported === 'tool_calls') && capped)) return { type: 'done', finishReason: 'length' };
  if ((reported === 'stop' || reported === 'tool_calls') && !answered) {
    const c = o.context();
    const what = thought ? 'only reasoning, no answer and no tool call' : 'no text and no tool call';
    return {
      type: 'error',
      error: { code: 'empty_reply', url: c.url, message: `${c.model} at ${c.url} sent an empty reply (${what}) — retry, or try another model` },
    };
  }
  return { type: 'done', finishReason: reported };
}

/** Guarded, retried stream: what every provider's stream() returns. */
export function guardedStream(attempt: Attempt, user: AbortSignal, o: GuardOptions): AsyncIterable<StreamChunk> {
  return withRetry(() => guardOnce(attempt, user, o), user, o.retry ?? DEFAULT_RETRY);
}
