// Lays out one request within the budget: stable system + append-only history + volatile tail.
// A prompt that would not fit window − reserve is compacted first and never sent overflowing.
import type { ChatMessage, Provider } from '../providers/types';
import type { BudgetReport } from './events';
import type { EventBus } from './event-bus';
import type { TokenCounter } from '../context/token-counter';
import { buildPrompt } from '../context/prompt-builder';
import { compactToFit } from '../context/compaction';
import { callModel } from './model-call';

export interface AssembleInput {
  system: string;
  history: ChatMessage[];
  tail: string;
  window: number;
  reserve: number;
  counter: TokenCounter;
  /** Tokens taken by native tool schemas (0 in text-tool mode: they are part of the tail). */
  toolsTokens: number;
  /** Tokens of the tool text inside the tail (text-tool mode), reported as the tools share. */
  toolTextTokens?: number;
  provider: Provider;
  bus: EventBus;
  signal: AbortSignal;
  /** Compact even if it fits (/compact). */
  force?: boolean;
}

export type AssembleResult =
  | { ok: true; messages: ChatMessage[]; report: BudgetReport; history: ChatMessage[]; rawEstimate: number }
  | { ok: false; message: string; history: ChatMessage[] };

/** The model summarises old turns; a failure falls back to the extractive summary. */
function summarizerFor(provider: Provider, bus: EventBus) {
  return async (transcript: string, signal?: AbortSignal): Promise<string> => {
    const result = await callModel(
      provider,
      {
        messages: [
          { role: 'system', content: 'You summarise coding sessions precisely and briefly.' },
          {
            role: 'user',
            content:
              'Summarise this earlier part of a coding session in at most 200 words using exactly these headings:\nGoal:\nDecisions:\nFiles touched:\nOpen problems:\n\n' +
              transcript,
          },
        ],
        maxTokens: 400,
        temperature: 0,
      },
      bus,
      signal ?? new AbortController().signal,
      { live: false },
    );
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
  if (!built.fits || input.force) {
    const limit = input.window - input.reserve - (built.report.prompt - built.report.history);
    const compacted = await compactToFit(history, Math.max(0, Math.floor(limit * 0.5)), input.counter, summarizerFor(input.provider, input.bus), input.signal);
    if (compacted.method !== 'none') {
      history = compacted.history;
      input.bus.emit({ type: 'compaction', before: compacted.before, after: compacted.after, method: compacted.method === 'stubs' ? 'stubs' : compacted.method });
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
  // The tail mixes tool text and plan; the gauge shows them as separate shares.
  const moved = Math.min(input.toolTextTokens ?? 0, built.report.plan);
  const report = { ...built.report, tools: built.report.tools + moved, plan: built.report.plan - moved };
  return { ok: true, messages: built.messages, report, history, rawEstimate };
}
