// Exit codes tell the truth: 0 only when the task ended normally.
import type { TurnEndReason } from '../agent/events';

export const EXIT = { ok: 0, error: 1, usage: 2, maxSteps: 3, unreadable: 4, refused: 5, stuck: 6, cancelled: 130 } as const;

export function exitCodeFor(reason: TurnEndReason): number {
  switch (reason) {
    case 'done':
      return EXIT.ok;
    case 'max_steps':
      return EXIT.maxSteps;
    case 'unreadable':
      return EXIT.unreadable;
    case 'refused':
      return EXIT.refused;
    case 'stuck':
      return EXIT.stuck;
    case 'cancelled':
      return EXIT.cancelled;
    default:
      return EXIT.error;
  }
}
