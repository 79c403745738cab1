// A stage's own allowance of retries: spend one per retry, reset on success. Replaces the loop
// counters and `step--` re-runs, so each stage says how often it may try again.

export interface RetryBudget {
  /** Takes one retry; false when none is left. */
  spend(): boolean;
  /** Retries taken since the last reset. */
  used(): number;
  reset(): void;
}

export function retryBudget(limit: number): RetryBudget {
  let used = 0;
  return {
    spend() {
      if (used >= limit) return false;
      used++;
      return true;
    },
    used: () => used,
    reset() {
      used = 0;
    },
  };
}
