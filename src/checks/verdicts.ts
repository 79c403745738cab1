// Each failing check against the turn's baseline: `new` (it passed before the turn), `changed`
// (it failed before, but differently now — the model's change touched it) or `unchanged` (the
// same failure as before: pre-existing, shown once, never blocking). Compared on the digest's
// failure facts, not the raw log, so timings and paths in the output do not count as a change.
import type { CheckRun } from './check-types';

export type Verdict = 'passed' | 'fixed' | 'new' | 'changed' | 'unchanged' | 'skipped';

export interface CheckVerdict {
  run: CheckRun;
  verdict: Verdict;
}

/** What identifies a failure: the failing tests, their assertions and the errors, without timings. */
export function failureKey(run: CheckRun): string {
  const d = run.digest;
  if (!d) return `${run.status}`;
  const facts = [
    run.status,
    d.firstFailure ? `${d.firstFailure.name}\n${d.firstFailure.details.join('\n')}` : '',
    ...d.errorLines,
    ...d.otherFailures,
    ...d.summaryLines,
  ];
  // Durations and counts of time differ run to run; they are not a different failure.
  return facts.join('\n').replace(/\b\d+(?:\.\d+)?\s*(?:ms|s|sec|seconds?)\b/g, '#');
}

const failed = (run: CheckRun | undefined) => run !== undefined && (run.status === 'failed' || run.status === 'timed_out');

export function verdictFor(now: CheckRun, before: CheckRun | undefined): Verdict {
  if (now.status === 'skipped') return 'skipped';
  if (!failed(now)) return failed(before) ? 'fixed' : 'passed';
  // No baseline for it (skipped then): whatever fails now is the model's to look at.
  if (!before || before.status === 'skipped') return 'new';
  if (!failed(before)) return 'new';
  return failureKey(now) === failureKey(before) ? 'unchanged' : 'changed';
}

export function compareRuns(now: CheckRun[], baseline: CheckRun[]): CheckVerdict[] {
  return now.map((run) => ({
    run,
    verdict: verdictFor(
      run,
      baseline.find((b) => b.check.command === run.check.command),
    ),
  }));
}

/** New and changed failures keep the turn going; unchanged ones do not trap the model. */
export const blocks = (v: Verdict): boolean => v === 'new' || v === 'changed';
