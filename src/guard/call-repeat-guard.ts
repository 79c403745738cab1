// Notices the model calling the same tool with the same arguments again and again without
// progress in between (Roo/OpenCode's "doom loop": three identical calls).

export type CallRepeatVerdict = { loop: false } | { loop: true; count: number; message: string };

export interface CallRepeatGuard {
  record(name: string, args: Record<string, unknown>): CallRepeatVerdict;
  /** Progress was made (e.g. a successful write): identical calls are legitimate again. */
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

/** Only the last `recent` calls count: re-listing a folder three times over a 200-step session
 * is normal work; three identical calls among the last few is a loop. */
export function createCallRepeatGuard(limit = 3, recent = 8): CallRepeatGuard {
  let seen: string[] = [];
  return {
    record(name, args) {
      const key = `${name}\u0000${canonicalJson(args)}`;
      seen = [...seen.slice(-(recent - 1)), key];
      const count = seen.filter((k) => k === key).length;
      if (count < limit) return { loop: false };
      return {
        loop: true,
        count,
        message: `You have called ${name} with exactly these arguments ${count} times and nothing changed in between. Do not call it again: use the result you already have, try a different approach, or give your answer.`,
      };
    },
    reset() {
      seen = [];
    },
  };
}
