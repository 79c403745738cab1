// Exit codes tell the truth: 0 only when the task ended normally; no code means two things across
// commands. 7: the fix rounds ran out with the project's checks still failing (issue 10).
import type { TurnEndReason } from '../agent/events';

export const EXIT = { ok: 0, error: 1, usage: 2, maxSteps: 3, unreadable: 4, refused: 5, stuck: 6, checksFailing: 7, cut: 8, cancelled: 130 } as const;

const BY_REASON: Record<TurnEndReason, number> = {
  done: EXIT.ok,
  max_steps: EXIT.maxSteps,
  unreadable: EXIT.unreadable,
  refused: EXIT.refused,
  stuck: EXIT.stuck,
  cut: EXIT.cut,
  checks_failing: EXIT.checksFailing,
  cancelled: EXIT.cancelled,
  error: EXIT.error,
};

export function exitCodeFor(reason: TurnEndReason): number {
  return BY_REASON[reason];
}

/** `smallcode bench`: 0 whenever the bench ran, whatever the pass rate; the others mean it could not. */
export const BENCH_EXIT = { ran: 0, noServer: 1, usage: 2, badSuite: 9, interrupted: 130 } as const;
