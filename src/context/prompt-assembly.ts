// Lays out one request within the budget: the stable system text + the append-only history. A
// prompt that would not fit window − reserve is compacted first and never sent overflowing.
import type { ChatMessage } from '../types/messages';
import type { BudgetReport } from '../types/budget';
import { buildPrompt, type PromptInput } from './prompt-builder';
import { compactToFit, type CompactResult, type Summarizer } from './compaction';

/** The prompt builder's input, plus what compaction needs. */
export interface AssembleInput extends Omit<PromptInput, 'toolsTokens' | 'pinnedTokens'> {
  /** Tokens taken by native tool schemas (0 in text-tool mode). */
  toolsTokens: number;
  /** Writes the summary of old turns (the model; the extractive summary stands in on failure). */
  summarize?: Summarizer;
  signal: AbortSignal;
  /** Compact even if it fits (after a silent server-side truncation or an overflow error). */
  force?: boolean;
}

export type AssembleResult =
  | { ok: true; messages: ChatMessage[]; report: BudgetReport; history: ChatMessage[]; rawEstimate: number; compaction?: CompactResult }
  | { ok: false; message: string; history: ChatMessage[]; compaction?: CompactResult };

/** Compaction starts before the hard limit, leaving room for a cache-friendly summary request
 * (the unchanged prompt plus a short instruction) within window − reserve. */
export const SOFT_LIMIT = 0.85;

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
  let compaction: CompactResult | undefined;
  if (!built.fits || force || built.report.prompt > hardLimit * SOFT_LIMIT) {
    // History may use what the rest of the prompt leaves below the soft limit; compactToFit
    // then shrinks it to half of that, so compactions stay rare and large.
    const historyLimit = Math.floor(hardLimit * SOFT_LIMIT) - (built.report.prompt - built.report.history);
    const target = force ? Math.floor(built.report.history * 0.5) : Math.max(0, historyLimit);
    const compacted = await compactToFit(history, target, input.counter, input.summarize, input.signal);
    if (compacted.method !== 'none') {
      history = compacted.history;
      compaction = compacted;
      built = build();
    }
  }
  if (!built.fits) {
    return {
      ok: false,
      history,
      compaction,
      message: `the prompt needs ${built.report.prompt} tokens but only ${hardLimit} fit the ${input.window}-token window even after compaction — shorten the request, /clear the conversation, or raise the window (SMALLCODE_CONTEXT / the server's context length)`,
    };
  }
  const rawEstimate = input.counter.estimateMessages(built.messages) + input.toolsTokens;
  return { ok: true, messages: built.messages, report: built.report, history, rawEstimate, compaction };
}
