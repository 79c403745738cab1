// Compaction of the history in two stages: old tool outputs become one-line stubs, then the
// oldest turns fold into one summary message. Rare and large, so the prompt prefix stays stable.
import type { ChatMessage } from '../types/messages';
import type { TokenCounter } from './token-counter';
import { acceptSummary, extractiveSummary, isSummaryMessage, renderTranscript } from './summary';
import { isToolResult } from './tool-result';

export { summaryRequestMessages, SUMMARY_HEADER, extractiveSummary } from './summary';

/** Compaction aims at this share of the history limit, so it need not run again soon. */
export const COMPACT_GOAL = 0.5;

/** `fold` is how many leading history messages are being summarised, so a summariser can send
 * the unchanged prompt plus an instruction (cache-friendly) instead of the transcript. */
export type Summarizer = (transcript: string, signal?: AbortSignal, fold?: number) => Promise<string>;

export interface CompactResult {
  history: ChatMessage[];
  method: 'none' | 'stubs' | 'summary' | 'extractive';
  before: number;
  after: number;
}

/** A one-line stand-in for a tool result when the tool did not provide one. */
export function generatedStub(m: ChatMessage): string {
  const lines = m.content.split('\n').length;
  const first = m.content.trim().split('\n', 1)[0].slice(0, 60);
  return `[${m.toolName ?? 'tool'} result elided to save context: ${lines} line${lines === 1 ? '' : 's'}${first ? `, began "${first}"` : ''}]`;
}

/** Replaces all but the last `keepRecent` tool results by their stubs. Untouched messages keep identity. */
export function stubOldToolOutputs(history: ChatMessage[], keepRecent: number): ChatMessage[] {
  let toKeep = Math.max(0, keepRecent);
  const out = history.slice();
  for (let i = out.length - 1; i >= 0; i--) {
    const m = out[i];
    if (!isToolResult(m)) continue;
    if (toKeep > 0) {
      toKeep--;
      continue;
    }
    const stub = m.stub ?? generatedStub(m);
    if (stub.length < m.content.length) out[i] = { ...m, content: stub };
  }
  return out;
}

/** A fold point never separates a tool result from the call it answers. */
export function isSafeBoundary(history: ChatMessage[], i: number): boolean {
  return i > 0 && i <= history.length && (i === history.length || !isToolResult(history[i]));
}

/** Fold everything before the last `keepRecentTurns` user turns; else the older half of the messages. */
export function foldForTurns(history: ChatMessage[], keepRecentTurns: number): number {
  const userAt = history.flatMap((m, i) => (m.role === 'user' && !isSummaryMessage(m) ? [i] : []));
  if (keepRecentTurns > 0 && userAt.length > keepRecentTurns) return userAt[userAt.length - keepRecentTurns];
  for (let i = Math.floor(history.length / 2); i > 0; i--) if (isSafeBoundary(history, i)) return i;
  return 0;
}

export interface SummarizeOptions {
  keepRecentTurns: number;
  summarize?: Summarizer;
  signal?: AbortSignal;
  /** Fold exactly the first `fold` messages (moved back to a safe boundary); overrides the turn count. */
  fold?: number;
  /** Cap on the transcript handed to `summarize`, so the summary request fits the window (default 16000). */
  transcriptChars?: number;
}

/** Folds the oldest messages into ONE user-role summary message. */
export async function summarizeOldest(history: ChatMessage[], opts: SummarizeOptions): Promise<{ history: ChatMessage[]; method: 'summary' | 'extractive' }> {
  let fold = opts.fold ?? foldForTurns(history, opts.keepRecentTurns);
  fold = Math.min(fold, history.length);
  while (fold > 0 && !isSafeBoundary(history, fold)) fold--;
  if (fold <= 0) return { history, method: 'extractive' };
  const folded = history.slice(0, fold);
  const transcript = renderTranscript(folded, opts.transcriptChars);
  let text: string | undefined;
  if (opts.summarize && !opts.signal?.aborted) {
    try {
      const maxChars = Math.min(4000, Math.max(600, Math.floor(transcript.length * 0.5)));
      text = acceptSummary(await opts.summarize(transcript, opts.signal, fold), maxChars);
    } catch {
      text = undefined; // the model failed: the extractive summary stands in
    }
  }
  const method = text ? 'summary' : 'extractive';
  const summary: ChatMessage = { role: 'user', content: text ?? extractiveSummary(folded), origin: 'harness' };
  return { history: [summary, ...history.slice(fold)], method };
}

/** The smallest safe fold (keeping the most recent messages) whose tail costs at most `tailBudget` budget tokens. */
export function foldForBudget(history: ChatMessage[], tailBudget: number, counter: TokenCounter): number {
  let tail = 0;
  let best = 0;
  for (let i = history.length - 1; i > 0; i--) {
    tail += counter.scale(counter.estimateMessage(history[i]));
    if (tail > tailBudget) break;
    if (isSafeBoundary(history, i)) best = i;
  }
  if (best > 0) return best;
  // Even the newest group is over budget: keep only it.
  for (let i = history.length - 1; i > 0; i--) if (isSafeBoundary(history, i)) return i;
  return 0;
}

/**
 * Shrinks the history to at most COMPACT_GOAL × `targetTokens` when it exceeds `targetTokens`:
 * stubs first; if that is not enough, a summary of the oldest messages (model, else extractive).
 */
export async function compactToFit(
  history: ChatMessage[],
  targetTokens: number,
  counter: TokenCounter,
  summarize?: Summarizer,
  signal?: AbortSignal,
): Promise<CompactResult> {
  const before = counter.countMessages(history);
  if (before <= targetTokens) return { history, method: 'none', before, after: before };
  const goal = Math.floor(targetTokens * COMPACT_GOAL);
  let stubbed = history;
  for (const keep of [4, 2, 1]) {
    stubbed = stubOldToolOutputs(history, keep);
    const after = counter.countMessages(stubbed);
    if (after <= goal) return { history: stubbed, method: 'stubs', before, after };
  }
  const allowance = Math.min(600, Math.floor(goal * 0.25));
  const fold = foldForBudget(stubbed, goal - allowance, counter);
  // The summary request carries the transcript instead of the history: keep it within ~80 % of
  // the history limit at a conservative 3 characters per token.
  const transcriptChars = Math.max(2000, Math.floor(targetTokens * 0.8 * 3));
  const done = await summarizeOldest(stubbed, { keepRecentTurns: 0, fold, summarize, signal, transcriptChars });
  const after = counter.countMessages(done.history);
  // A summary longer than what it replaces (an extractive one over a few short messages) would
  // grow the history and break the server's cache for nothing: not applied, not announced.
  if (after >= before) return { history, method: 'none', before, after: before };
  return { history: done.history, method: done.method, before, after };
}
