// The prompt's shares in tokens, as the budget computes them and the gauge draws them.

export interface BudgetReport {
  window: number;
  reserve: number;
  system: number;
  /** The project rules (AGENTS.md …), part of `system`: the gauge draws them as their own segment. */
  rules?: number;
  tools: number;
  plan: number;
  pinned: number;
  history: number;
  /** Total prompt tokens estimated for this request. */
  prompt: number;
  /** window - reserve - prompt */
  free: number;
  /** 'estimate' (calibrated) or 'exact' (server tokenizer). */
  source: 'estimate' | 'exact';
}
