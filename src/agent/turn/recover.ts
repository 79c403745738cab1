// Stage 5, recover: what to do with a reply that is not a plain answer — a server error (switch
// to text tools, compact and retry, fall back from the cloud), a stream the repetition guard cut,
// a reply cut off by the output cap. Each retry spends its own budget from the turn state.
import type { TurnEndReason } from '../events';
import type { EventBus } from '../event-bus';
import type { HistoryStore } from '../history-store';
import type { ModelCallResult } from '../model-call';
import { noteMessage } from '../history-format';
import type { Escalation } from './escalation';
import type { TurnState } from './turn-state';
import type { LocalModel } from './turn-context';
import { recoverCut } from './recover-cut';
import { defaultReserve } from '../../context/budget';

export type Recovery =
  /** A reply to settle: calls to run or a final answer. */
  | { kind: 'usable' }
  /** Run the same step again (a retry budget was spent). */
  | { kind: 'retry' }
  /** This step is used up; the model was told what went wrong. */
  | { kind: 'next' }
  | { kind: 'end'; reason: TurnEndReason; text: string };

export interface RecoverInput {
  model: LocalModel;
  bus: EventBus;
  history: HistoryStore;
  escalation: Escalation;
  turn: TurnState;
  /** The request's estimate, calibrated against an overflow error's count. */
  rawEstimate: number;
  escalating: boolean;
  lastStep: boolean;
}

export function recover(input: RecoverInput, reply: ModelCallResult): Recovery {
  if (reply.status === 'cancelled') return { kind: 'end', reason: 'cancelled', text: 'Cancelled.' };
  if (reply.status === 'error') return recoverError(input, reply);
  if (reply.repetition) {
    input.history.append({ role: 'assistant', content: reply.text.slice(0, 2000) });
    input.history.append(noteMessage(reply.repetition));
    input.bus.emit({ type: 'guard', kind: 'repetition', message: reply.repetition });
    input.escalation.failure('the model started repeating itself');
    return { kind: 'next' };
  }
  if (reply.finishReason === 'length') return recoverCut(input, reply);
  input.turn.retries.cut.reset();
  return { kind: 'usable' };
}

function recoverError(input: RecoverInput, reply: ModelCallResult): Recovery {
  const { bus, turn } = input;
  // The cloud model failed (key, quota, network): the local model carries on with this step.
  if (input.escalating) return { kind: 'retry' };
  const error = reply.error;
  if (error?.code === 'no_tool_support' && turn.toolMode === 'native' && turn.retries.toolSupport.spend()) {
    turn.toolMode = 'text';
    bus.emit({ type: 'notice', level: 'warn', message: 'The model does not support native tools: switching to text tool calls.' });
    return { kind: 'retry' };
  }
  if (error?.code === 'prompt_too_long' && turn.retries.overflow.spend()) {
    // Our estimate was too low for this server's tokenizer: learn from its count, compact and
    // try the step once more instead of failing the task.
    if (error.promptTokens) input.model.counter.calibrate(input.rawEstimate, error.promptTokens);
    // The server named a smaller window than we were told (a stale SMALLCODE_CONTEXT, a model
    // reloaded with less): the server is right, and every later request must fit its window.
    const named = error.contextWindow;
    if (named && named < input.model.info.contextWindow) {
      bus.emit({
        type: 'notice',
        level: 'warn',
        message: `the server's window is ${named} tokens, not ${input.model.info.contextWindow}: using ${named} from now on`,
      });
      input.model.info.contextWindow = named;
      input.model.reserve = Math.min(input.model.reserve, defaultReserve(named));
    }
    turn.forceCompact = true;
    bus.emit({
      type: 'notice',
      level: 'warn',
      message: `the server said the prompt was too long (${error.promptTokens ?? '?'} tokens): compacting and retrying`,
    });
    return { kind: 'retry' };
  }
  const message = error?.message ?? 'the model server failed';
  bus.emit({ type: 'error', message });
  return { kind: 'end', reason: 'error', text: message };
}
