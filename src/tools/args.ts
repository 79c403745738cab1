// Reading tool arguments defensively: the parser coerces against the schema, but a tool still
// checks what it uses and answers with a precise message instead of throwing.

export type Arg<T> = { ok: true; value: T } | { ok: false; message: string };

export function stringArg(args: Record<string, unknown>, name: string, required: true): Arg<string>;
export function stringArg(args: Record<string, unknown>, name: string, required: false): Arg<string | undefined>;
export function stringArg(args: Record<string, unknown>, name: string, required: boolean): Arg<string | undefined> {
  const v = args[name];
  if (v === undefined || v === null || v === '') {
    return required ? { ok: false, message: `missing argument "${name}"` } : { ok: true, value: undefined };
  }
  if (typeof v === 'string') return { ok: true, value: v };
  if (typeof v === 'number' || typeof v === 'boolean') return { ok: true, value: String(v) };
  return { ok: false, message: `argument "${name}" must be a string` };
}

/** A positive integer, also accepted as a numeric string ("12"). */
export function intArg(args: Record<string, unknown>, name: string): Arg<number | undefined> {
  const v = args[name];
  if (v === undefined || v === null || v === '') return { ok: true, value: undefined };
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1) return { ok: false, message: `argument "${name}" must be a whole number ≥ 1` };
  return { ok: true, value: n };
}

/** A positive number (fractions allowed), also as a numeric string. */
export function numberArg(args: Record<string, unknown>, name: string): Arg<number | undefined> {
  const v = args[name];
  if (v === undefined || v === null || v === '') return { ok: true, value: undefined };
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
  if (!Number.isFinite(n) || n <= 0) return { ok: false, message: `argument "${name}" must be a positive number` };
  return { ok: true, value: n };
}
