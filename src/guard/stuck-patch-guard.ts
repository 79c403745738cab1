// Counts failed edits per file and climbs a strategy ladder: hint → show the real region →
// offer a whole-file write (small files) → escalate to a stronger model, else ask the user.

export type StuckAction = 'hint' | 'show_region' | 'offer_write_file' | 'escalate' | 'ask_user';

export interface StuckVerdict {
  action: StuckAction;
  /** Consecutive failures on this path. */
  count: number;
  path: string;
}

export interface StuckPatchOptions {
  /** Whether a stronger model can take over (the escalation policy's say). */
  canEscalate?: () => boolean;
  /** Files up to this many lines may be rewritten whole (default 200). */
  maxWriteLines?: number;
}

export interface StuckPatchGuard {
  /** A failed edit on `path`; `lineCount` is the file's length when known. */
  failure(path: string, lineCount?: number): StuckVerdict;
  /** A successful edit clears the path's count. */
  success(path: string): void;
  count(path: string): number;
  reset(): void;
}

/**
 * With limit = 3: failures 1–2 → hint, 3 → show_region, 4 → offer_write_file (small files;
 * large ones skip this rung), then escalate once if available, then ask_user.
 */
export function createStuckPatchGuard(limit = 3, opts: StuckPatchOptions = {}): StuckPatchGuard {
  const counts = new Map<string, number>();
  const escalated = new Set<string>();
  const maxLines = opts.maxWriteLines ?? 200;
  const showAt = Math.max(1, limit);

  return {
    failure(path, lineCount) {
      const count = (counts.get(path) ?? 0) + 1;
      counts.set(path, count);
      const small = lineCount === undefined || lineCount < maxLines;
      let action: StuckAction;
      if (count < showAt) action = 'hint';
      else if (count === showAt) action = 'show_region';
      else if (count === showAt + 1 && small) action = 'offer_write_file';
      else if (!escalated.has(path) && (opts.canEscalate?.() ?? false)) {
        escalated.add(path);
        action = 'escalate';
      } else action = 'ask_user';
      return { action, count, path };
    },
    success(path) {
      counts.delete(path);
      escalated.delete(path);
    },
    count: (path) => counts.get(path) ?? 0,
    reset() {
      counts.clear();
      escalated.clear();
    },
  };
}
