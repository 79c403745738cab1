// One streamed request to a model: forwards deltas as events, feeds the repetition guard (which
// may cut the generation short), says "waiting for the model… N s" while nothing arrives, drops
// a partial reply the provider retries, and collects text, native calls and usage into one result.
import type { ChatRequest, Provider, ProviderError, Usage, FinishReason } from '../providers/types';
import type { ToolCallRef } from '../types/messages';
import type { EventBus } from './event-bus';
import { createRepetitionGuard } from '../guard/repetition-guard';
import { linkedSignal } from '../util/abort';

/**
 * The outcome of one model call. The finish-reason contract for the turn loop:
 * - status 'ok': finishReason is 'stop' (a finished answer), 'tool_calls' (native calls
 *   finished) or 'length' (the output cap — request.maxTokens — cut the reply: the text and a
 *   native call's arguments may be incomplete; never a finished answer). A reply with no text and
 *   no call never arrives as 'ok' (it is an `empty_reply` error after retries).
 * - status 'error': finishReason 'error', `error` says why (one line).
 * - status 'cancelled': the user cancelled.
 * - `repetition` set: the guard cut a loop (finishReason 'stop').
 */
export interface ModelCallResult {
  status: 'ok' | 'error' | 'cancelled';
  text: string;
  nativeCalls: ToolCallRef[];
  usage?: Usage;
  finishReason: FinishReason;
  /** Set when the repetition guard stopped the stream: the message for the model. */
  repetition?: string;
  error?: ProviderError;
  elapsedMs: number;
  /** How many times the reply was asked for again (cut, stalled, empty, 5xx); callModel always sets it. */
  retries?: number;
}

export interface ModelCallOptions {
  /** Emit model.delta events (false for hidden requests such as summaries). */
  live: boolean;
  /** How often the silence is checked for model.waiting (default 1000 ms; tests shorten it). */
  waitTickMs?: number;
}

export async function callModel(
  provider: Provider,
  request: ChatRequest,
  bus: EventBus,
  signal: AbortSignal,
  opts: ModelCallOptions = { live: true },
): Promise<ModelCallResult> {
  const started = Date.now();
  let guard = createRepetitionGuard();
  // Thinking models loop inside their reasoning as often as in their answers.
  let reasoningGuard = createRepetitionGuard();
  const stop = new AbortController();
  const local = linkedSignal([signal, stop.signal]);
  let text = '';
  let nativeCalls: ToolCallRef[] = [];
  let usage: Usage | undefined;
  let finishReason: FinishReason = 'stop';
  let repetition: string | undefined;
  let error: ProviderError | undefined;
  let retries = 0;
  /** Feeds a guard; on a loop, records why and closes the request. */
  const looping = (g: ReturnType<typeof createRepetitionGuard>, text: string): boolean => {
    const verdict = g.push(text);
    if (!verdict.stop) return false;
    repetition = verdict.message;
    stop.abort(new Error('repetition'));
    return true;
  };
  // Silence watch: the server says nothing during prefill, model loading or a stall.
  const tick = opts.waitTickMs ?? 1000;
  let lastHeard = started;
  let lastStep = 0;
  const waiting = setInterval(() => {
    const silent = Date.now() - lastHeard;
    const step = Math.floor(silent / tick);
    if (step >= 1 && step !== lastStep) {
      lastStep = step;
      bus.emit({ type: 'model.waiting', seconds: Math.floor(silent / 1000) });
    }
  }, tick);
  waiting.unref?.();
  try {
    for await (const chunk of provider.stream(request, local.signal)) {
      lastHeard = Date.now();
      lastStep = 0;
      if (chunk.type === 'text') {
        text += chunk.text;
        if (opts.live) bus.emit({ type: 'model.delta', text: chunk.text });
        if (looping(guard, chunk.text)) break;
      } else if (chunk.type === 'reasoning') {
        if (opts.live) bus.emit({ type: 'model.reasoning', text: chunk.text });
        if (looping(reasoningGuard, chunk.text)) break;
      } else if (chunk.type === 'tool_call') {
        nativeCalls.push(chunk.call);
      } else if (chunk.type === 'usage') {
        usage = chunk.usage;
      } else if (chunk.type === 'retry') {
        // Nothing of the failed attempt has been acted on: start the reply over.
        retries++;
        text = '';
        nativeCalls = [];
        usage = undefined;
        guard = createRepetitionGuard();
        reasoningGuard = createRepetitionGuard();
        // The provider's advice to retry is being followed: the reason is the fault alone.
        const reason = chunk.error.message.replace(/ — retry\b.*$/, '');
        bus.emit({ type: 'model.retry', attempt: chunk.attempt, tries: chunk.tries, reason, discarded: chunk.discarded });
      } else if (chunk.type === 'done') {
        finishReason = chunk.finishReason;
      } else if (chunk.type === 'error') {
        error = chunk.error;
        finishReason = 'error';
      }
    }
  } finally {
    clearInterval(waiting);
    local.dispose();
  }
  const elapsedMs = Date.now() - started;
  if (repetition) finishReason = 'stop';
  const status = signal.aborted || (finishReason === 'cancelled' && !repetition) ? 'cancelled' : error ? 'error' : 'ok';
  return { status, text, nativeCalls, usage, finishReason, repetition, error, elapsedMs, retries };
}
