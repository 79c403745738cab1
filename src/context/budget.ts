// The budget: how a context window splits between the answer reserve, the system text, tool
// schemas, the plan/tail, pinned files and history — the numbers the gauge draws.
import type { BudgetReport } from '../types/budget';

/** Share caps of the window (after the reserve is taken out, the rest goes to history). */
export const SHARES = { system: 0.1, tools: 0.15, resultCap: 0.12 } as const;

/** Tokens kept free for the answer: ~25 % of the window, at least 1024, at most 8192. */
export function defaultReserve(window: number): number {
  const r = Math.max(1024, Math.min(8192, Math.round(window * 0.25)));
  // A tiny window still leaves half of itself for the prompt.
  return Math.min(r, Math.floor(window / 2));
}

/** Per-tool-result cap in tokens: ~12 % of the window, at least 400. */
export function perResultCap(window: number): number {
  return Math.max(400, Math.round(window * SHARES.resultCap));
}

export interface BudgetInput {
  window: number;
  reserve?: number;
  system: number;
  tools: number;
  plan: number;
  pinned: number;
  history: number;
  source: 'estimate' | 'exact';
}

export function computeBudget(input: BudgetInput): BudgetReport {
  const reserve = input.reserve ?? defaultReserve(input.window);
  const prompt = input.system + input.tools + input.plan + input.pinned + input.history;
  return {
    window: input.window,
    reserve,
    system: input.system,
    tools: input.tools,
    plan: input.plan,
    pinned: input.pinned,
    history: input.history,
    prompt,
    free: input.window - reserve - prompt,
    source: input.source,
  };
}

export interface ShareLimits {
  /** What the whole prompt may use: window − reserve. */
  prompt: number;
  system: number;
  tools: number;
  /** What history may use once system, tools, plan and pinned are paid for. */
  history: number;
}

/**
 * Caps per share for a window. `used` are the actual non-history shares (the system text and
 * tools may be smaller than their caps, and history gets what they leave).
 */
export function shareLimits(window: number, reserve: number, used: { system?: number; tools?: number; plan?: number; pinned?: number } = {}): ShareLimits {
  const prompt = Math.max(0, window - reserve);
  const system = Math.round(window * SHARES.system);
  const tools = Math.round(window * SHARES.tools);
  const fixed = (used.system ?? system) + (used.tools ?? 0) + (used.plan ?? 0) + (used.pinned ?? 0);
  return { prompt, system, tools, history: Math.max(0, prompt - fixed) };
}

/** Whether a report's non-history shares exceed their caps (a warning for the gauge, not an error). */
export function overShare(report: BudgetReport): ('system' | 'tools')[] {
  const out: ('system' | 'tools')[] = [];
  if (report.system > report.window * SHARES.system) out.push('system');
  if (report.tools > report.window * SHARES.tools) out.push('tools');
  return out;
}
