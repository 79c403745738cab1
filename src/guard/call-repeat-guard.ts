// Notices the model calling the same tool with the same arguments and getting the same result,
// again and again (Roo/OpenCode's "doom loop": three identical calls). A retry is not a loop: the
// result is part of the key, so a re-read of a file that changed — on disk or by our own edit —
// differs, and a failed or applied edit on a file forgets the earlier calls on it.

export type CallRepeatVerdict = { loop: false } | { loop: true; count: number; message: string };

export interface CallRepeatGuard {
  /** A call and what it returned (its text, or a hash standing for it; '' when unknown). */
  record(name: string, args: Record<string, unknown>, result?: string): CallRepeatVerdict;
  /** `path` changed or an edit on it was tried: earlier calls on it are legitimate again. */
  forget(path: string): void;
  /** A reply that could not be read names these files: it was an attempt on them, not progress
   * and not a loop — calls on every recorded path the text mentions are forgotten. */
  forgetMentionedIn(text: string): void;
  /** Forget everything. */
  reset(): void;
}

/** JSON with object keys sorted at every depth, so key order never hides a repeat. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The file a call is about, if it names one. */
export function callPath(args: Record<string, unknown>): string | undefined {
  const p = args.path;
  return typeof p === 'string' && p.trim() !== '' ? p.trim().replace(/^\.\//, '') : undefined;
}

interface Seen {
  key: string;
  path?: string;
}

/** Only the last `recent` calls count: re-listing a folder three times over a 200-step session
 * is normal work; three identical calls among the last few is a loop. */
export function createCallRepeatGuard(limit = 3, recent = 8): CallRepeatGuard {
  let seen: Seen[] = [];
  return {
    record(name, args, result = '') {
      const key = `${name}\u0000${canonicalJson(args)}\u0000${result}`;
      seen = [...seen.slice(-(recent - 1)), { key, path: callPath(args) }];
      const count = seen.filter((s) => s.key === key).length;
      if (count < limit) return { loop: false };
      return {
        loop: true,
        count,
        message: `You have called ${name} with exactly these arguments ${count} times and got the same result each time. Do not call it again: use the result you already have, try a different approach, or give your answer.`,
      };
    },
    forget(path) {
      const p = path.replace(/^\.\//, '');
      seen = seen.filter((s) => s.path !== p);
    },
    forgetMentionedIn(text) {
      seen = seen.filter((s) => s.path === undefined || !text.includes(s.path));
    },
    reset() {
      seen = [];
    },
  };
}
