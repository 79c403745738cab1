// The model writes the summary of old turns. Preferred form: the same system + history the server
// has cached, plus one instruction; if that would not fit, the transcript alone. A failure falls
// back to the extractive summary (inside compactToFit).
import type { Provider } from '../providers/types';
import type { ChatMessage } from '../types/messages';
import type { EventBus } from './event-bus';
import type { TokenCounter } from '../context/token-counter';
import type { Summarizer } from '../context/compaction';
import { summaryRequestMessages, summaryInstruction } from '../context/summary';
import { callModel } from './model-call';

/** Our count is an estimate (a few % off per prompt): keep a margin so the summary request, the
 * largest of a session, stays under the limit on the server's count too. */
const SUMMARY_MARGIN = 0.95;

export interface SummarizerInput {
  system: string;
  history: ChatMessage[];
  window: number;
  reserve: number;
  counter: TokenCounter;
  provider: Provider;
  bus: EventBus;
  signal: AbortSignal;
}

export function summarizerFor(input: SummarizerInput): Summarizer {
  const limit = input.window - input.reserve;
  return async (transcript, signal, fold) => {
    let messages: ChatMessage[] = [
      { role: 'system', content: 'You summarise coding sessions precisely and briefly.' },
      { role: 'user', content: `${summaryInstruction(fold ?? 0)}\n\nThe conversation so far:\n${transcript}` },
    ];
    if (fold !== undefined) {
      const cached = summaryRequestMessages(input.system, input.history, fold);
      if (input.counter.countMessages(cached) <= limit * SUMMARY_MARGIN) messages = cached;
    }
    const result = await callModel(input.provider, { messages, maxTokens: 400, temperature: 0 }, input.bus, signal ?? input.signal, { live: false });
    if (result.status !== 'ok' || result.text.trim() === '') throw new Error('summary failed');
    return result.text;
  };
}
