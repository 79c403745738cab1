// One streamed request to a model: forwards deltas as events, feeds the repetition guard (which
// may cut the generation short), and collects text, native calls and usage into one result.
import type { ChatRequest, Provider, ProviderError, Usage, FinishReason } from '../providers/types';
import type { ToolCallRef } from '../types/messages';
import type { EventBus } from './event-bus';
import { createRepetitionGuard } from '../guard/repetition-guard';
import { linkedSignal } from '../util/abort';

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
}

export interface ModelCallOptions {
  /** Emit model.delta events (false for hidden requests such as summaries). */
  live: boolean;
}

export async function callModel(
  provider: Provider,
  request: ChatRequest,
  bus: EventBus,
  signal: AbortSignal,
  opts: ModelCallOptions = { live: true },
): Promise<ModelCallResult> {
  const started = Date.now();
  const guard = createRepetitionGuard();
  // Thinking models loop inside their reasoning as often as in their answers.
  const reasoningGuard = createRepetitionGuard();
  const stop = new AbortController();
  const local = linkedSignal([signal, stop.signal]);
  let text = '';
  const nativeCalls: ToolCallRef[] = [];
  let usage: Usage | undefined;
  let finishReason: FinishReason = 'stop';
  let repetition: string | undefined;
  let error: ProviderError | undefined;
  /** Feeds a guard; on a loop, records why and closes the request. */
  const looping = (g: ReturnType<typeof createRepetitionGuard>, text: string): boolean => {
    const verdict = g.push(text);
    if (!verdict.stop) return false;
    repetition = verdict.message;
    stop.abort(new Error('repetition'));
    return true;
  };
  try {
    for await (const chunk of provider.stream(request, local.signal)) {
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
      } else if (chunk.type === 'done') {
        finishReason = chunk.finishReason;
      } else if (chunk.type === 'error') {
        error = chunk.error;
        finishReason = 'error';
      }
    }
  } finally {
    local.dispose();
  }
  const elapsedMs = Date.now() - started;
  if (repetition) finishReason = 'stop';
  const status = signal.aborted || (finishReason === 'cancelled' && !repetition) ? 'cancelled' : error ? 'error' : 'ok';
  return { status, text, nativeCalls, usage, finishReason, repetition, error, elapsedMs };
}
