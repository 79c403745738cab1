// Lays out one request within the budget: stable system + append-only history + volatile tail.
// A prompt that would not fit window − reserve is compacted first and never sent overflowing.
import type { Provider } from '../providers/types';
import type { ChatMessage } from '../types/messages';
import type { BudgetReport } from '../types/budget';
import type { EventBus } from './event-bus';
import { buildPrompt, type PromptInput } from '../context/prompt-builder';
import { compactToFit } from '../context/compaction';
import { summaryRequestMessages, summaryInstruction } from '../context/summary';
import { callModel } from './model-call';

/** The prompt builder's input, plus what compaction needs to call the model. */
export interface AssembleInput extends Omit<PromptInput, 'toolsTokens' | 'pinnedTokens'> {
  /** Tokens taken by native tool schemas (0 in text-tool mode). */
  toolsTokens: number;
  /** Tokens of the tool description inside the history (text-tool mode), reported as the tools share. */
  toolNoteTokens?: number;
  provider: Provider;
  bus: EventBus;
  signal: AbortSignal;
  /** Compact even if it fits (after a silent server-side truncation or an overflow error). */
  force?: boolean;
}

export type AssembleResult =
  | { ok: true; messages: ChatMessage[]; report: BudgetReport; history: ChatMessage[]; rawEstimate: number }
  | { ok: false; message: string; history: ChatMessage[] };

/** Compaction starts before the hard limit, leaving room for a cache-friendly summary request
 * (the unchanged prompt plus a short instruction) within window − reserve. */
export const SOFT_LIMIT = 0.85;
const SUMMARY_MARGIN = 0.95;

/**
 * The model summarises old turns. Preferred form: the same system + history the server has
 * cached, plus one instruction; if that would not fit, the transcript alone. A failure falls
 * back to the extractive summary (inside compactToFit).
 */
export type SummarizerInput = Pick<AssembleInput, 'system' | 'history' | 'window' | 'reserve' | 'counter' | 'provider' | 'bus' | 'signal'>;

export function summarizerFor(input: SummarizerInput) {
  const limit = input.window - input.reserve;
  return async (transcript: string, signal?: AbortSignal, fold?: number): Promise<string> => {
    let messages: ChatMessage[] = [
      { role: 'system', content: 'You summarise coding sessions precisely and briefly.' },
      { role: 'user', content: `${summaryInstruction(fold ?? 0)}\n\nThe conversation so far:\n${transcript}` },
    ];
    if (fold !== undefined) {
      const cached = summaryRequestMessages(input.system, input.history, fold);
      // Our count is an estimate (a few % off per prompt): keep a margin so the summary
      // request, the largest of a session, stays under the limit on the server's count too.
      if (input.counter.countMessages(cached) <= limit * SUMMARY_MARGIN) messages = cached;
    }
    const result = await callModel(input.provider, { messages, maxTokens: 400, temperature: 0 }, input.bus, signal ?? input.signal, { live: false });
    if (result.status !== 'ok' || result.text.trim() === '') throw new Error('summary failed');
    return result.text;
  };
}

export async function assemblePrompt(input: AssembleInput): Promise<AssembleResult> {
  let history = input.history;
  const build = () =>
    buildPrompt({
      system: input.system,
      history,
      tail: input.tail,
      window: input.window,
      reserve: input.reserve,
      counter: input.counter,
      toolsTokens: input.toolsTokens,
    });
  let built = build();
  const hardLimit = input.window - input.reserve;
  // A forced compaction of a history this short would only cost a model call.
  const force = input.force === true && history.length > 4;
  if (!built.fits || force || built.report.prompt > hardLimit * SOFT_LIMIT) {
    // History may use what the rest of the prompt leaves below the soft limit; compactToFit
    // then shrinks it to half of that, so compactions stay rare and large.
    const historyLimit = Math.floor(hardLimit * SOFT_LIMIT) - (built.report.prompt - built.report.history);
    const target = force ? Math.floor(built.report.history * 0.5) : Math.max(0, historyLimit);
    const compacted = await compactToFit(history, target, input.counter, summarizerFor(input), input.signal);
    if (compacted.method !== 'none') {
      history = compacted.history;
      input.bus.emit({
        type: 'compaction',
        before: compacted.before,
        after: compacted.after,
        method: compacted.method === 'stubs' ? 'stubs' : compacted.method,
      });
      built = build();
    }
  }
  if (!built.fits) {
    return {
      ok: false,
      history,
      message: `the prompt needs ${built.report.prompt} tokens but only ${input.window - input.reserve} fit the ${input.window}-token window even after compaction — shorten the request, /clear the conversation, or raise the window (SMALLCODE_CONTEXT / the server's context length)`,
    };
  }
  const rawEstimate = input.counter.estimateMessages(built.messages) + input.toolsTokens;
  // The tool description sits in the history; the gauge shows it as the tools share.
  const moved = Math.min(input.toolNoteTokens ?? 0, built.report.history);
  const report = { ...built.report, tools: built.report.tools + moved, history: built.report.history - moved };
  return { ok: true, messages: built.messages, report, history, rawEstimate };
}
