// Lays out one request stable-first: [system] + history (append-only) + the volatile tail, so
// everything before the tail is byte-identical to the previous request and the server's cache holds.
import type { ChatMessage } from '../types/messages';
import type { BudgetReport } from '../types/budget';
import type { TokenCounter } from './token-counter';
import { PROMPT_OVERHEAD, MESSAGE_OVERHEAD } from './token-counter';
import { computeBudget } from './budget';

export { summaryRequestMessages } from './summary';

export interface PromptInput {
  system: string;
  history: ChatMessage[];
  /** Volatile text: routed tool notes, the plan, budget notes. Reported as the `plan` share. */
  tail: string;
  window: number;
  reserve: number;
  counter: TokenCounter;
  /** Tokens of native tool schemas sent beside the messages (already budget-counted). */
  toolsTokens?: number;
  /** Tokens of pinned file text inside the tail, reported as `pinned` instead of `plan`. */
  pinnedTokens?: number;
}

export interface BuiltPrompt {
  messages: ChatMessage[];
  report: BudgetReport;
  /** False when the prompt would exceed window − reserve: compact, never send. */
  fits: boolean;
}

/** The separator between the last user message and the tail appended to it. */
export const TAIL_SEPARATOR = '\n\n';

export function buildPrompt(input: PromptInput): BuiltPrompt {
  const { counter, history, tail } = input;
  const systemMsg: ChatMessage = { role: 'system', content: input.system };
  const messages: ChatMessage[] = [systemMsg, ...history];
  const last = history[history.length - 1];
  let tailRaw = 0;
  if (tail) {
    if (last && last.role === 'user') {
      messages[messages.length - 1] = { ...last, content: last.content + TAIL_SEPARATOR + tail };
      tailRaw = counter.estimate(tail) + 1;
    } else {
      messages.push({ role: 'user', content: tail });
      tailRaw = counter.estimate(tail) + MESSAGE_OVERHEAD;
    }
  }
  // Per-message estimates are cached by the counter, so this is incremental over a long history.
  let historyRaw = 0;
  for (const m of history) historyRaw += counter.estimateMessage(m);
  const system = counter.scale(counter.estimateMessage(systemMsg) + PROMPT_OVERHEAD);
  const tailTokens = tail ? counter.scale(tailRaw) : 0;
  const pinned = Math.min(input.pinnedTokens ?? 0, tailTokens);
  const report = computeBudget({
    window: input.window,
    reserve: input.reserve,
    system,
    tools: input.toolsTokens ?? 0,
    plan: tailTokens - pinned,
    pinned,
    history: counter.scale(historyRaw),
    source: 'estimate',
  });
  return { messages, report, fits: report.free >= 0 };
}

/**
 * Raw-estimate tokens at the start of `next` that are identical to `prev` (what a server's
 * prompt cache can reuse): compared message by message, then by characters inside the first
 * differing message.
 */
export function commonPrefixTokens(prev: ChatMessage[], next: ChatMessage[], counter: TokenCounter): number {
  let same = 0;
  let i = 0;
  for (; i < Math.min(prev.length, next.length); i++) {
    const a = prev[i];
    const b = next[i];
    if (a === b || (a.role === b.role && a.content === b.content && sameCalls(a, b))) same += counter.estimateMessage(b);
    else break;
  }
  if (i < next.length && i < prev.length && prev[i].role === next[i].role) {
    const a = prev[i].content;
    const b = next[i].content;
    let k = 0;
    while (k < a.length && k < b.length && a.charCodeAt(k) === b.charCodeAt(k)) k++;
    same += counter.estimate(b.slice(0, k));
  }
  return same;
}

const total = (ms: ChatMessage[], counter: TokenCounter) => ms.reduce((n, m) => n + counter.estimateMessage(m), 0);

/** Share of `next`'s tokens in the prefix shared with `prev` (0..1); new messages count as not reused. */
export function prefixReuse(prev: ChatMessage[], next: ChatMessage[], counter: TokenCounter): number {
  const t = total(next, counter);
  return t === 0 ? 1 : Math.min(1, commonPrefixTokens(prev, next, counter) / t);
}

/** Share of `prev`'s tokens that survive as `next`'s prefix (0..1): the cache hit rate on what
 * the server has already processed. Near 1 between compactions; low right after one. */
export function prefixKept(prev: ChatMessage[], next: ChatMessage[], counter: TokenCounter): number {
  const t = total(prev, counter);
  return t === 0 ? 1 : Math.min(1, commonPrefixTokens(prev, next, counter) / t);
}

function sameCalls(a: ChatMessage, b: ChatMessage): boolean {
  if (a.toolCalls === b.toolCalls) return true;
  return JSON.stringify(a.toolCalls ?? []) === JSON.stringify(b.toolCalls ?? []);
}
