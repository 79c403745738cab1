// Stage 8, verify: before the turn's first change the project's checks run once (the baseline,
// cached per tree state); when the model answers after changing files they run again. New and
// changed failures go back to the model as a digest and the turn continues, up to the fix
// rounds; unchanged (pre-existing) ones are reported once and never trap the model.
import type { CheckRun } from '../../checks/check-types';
import { blocks, compareRuns, failureKey, verdictFor, type CheckVerdict } from '../../checks/verdicts';
import { checkFeedback } from '../../checks/feedback';
import type { TurnEndReason } from '../events';
import type { EventBus } from '../event-bus';
import type { HistoryStore } from '../history-store';
import type { ProjectChecks } from '../project-checks';
import type { Escalation } from './escalation';
import type { ToolResult } from '../../tools/types';
import { toolError } from '../../tools/result';

/** What the verify stage keeps within one turn. */
export interface TurnChecks {
  /** Results before the turn's first change (undefined until a change is about to be applied). */
  baseline?: CheckRun[];
  /** Feedback rounds given to the model so far. */
  rounds: number;
  /** Pre-existing failures already shown (shown once). */
  shownUnchanged: Set<string>;
  /** turn.wrote at the last verify: no new writes, no new run. */
  verifiedAt: number;
  last?: CheckVerdict[];
  /** Each blocking check's failure at the last round: the same again counts as a repeated failure. */
  lastFailures: Map<string, string>;
}

export function createTurnChecks(): TurnChecks {
  return { rounds: 0, shownUnchanged: new Set(), verifiedAt: 0, lastFailures: new Map() };
}

export interface VerifyInput {
  checks: ProjectChecks | undefined;
  window: number;
  bus: EventBus;
  history: HistoryStore;
  escalation: Escalation;
}

/** Before the first change of the turn is applied. */
export async function takeBaseline(input: VerifyInput, state: TurnChecks, signal: AbortSignal): Promise<void> {
  if (!input.checks || state.baseline) return;
  state.baseline = await input.checks.baseline(input.window, signal);
}

export type Verified = { kind: 'pass'; text: string } | { kind: 'next' } | { kind: 'end'; reason: TurnEndReason; text: string };

export async function verify(input: VerifyInput, state: TurnChecks, wrote: number, answer: string, signal: AbortSignal): Promise<Verified> {
  const { checks, bus } = input;
  const baseline = state.baseline;
  if (!checks || !baseline || wrote === 0) return { kind: 'pass', text: answer };
  let verdicts = state.last;
  if (!verdicts || wrote !== state.verifiedAt) {
    const before = (r: CheckRun) => baseline.find((b) => b.check.command === r.check.command);
    const runs = await checks.run('verify', input.window, signal, (r) => verdictFor(r, before(r)));
    if (signal.aborted) return { kind: 'end', reason: 'cancelled', text: 'Cancelled.' };
    verdicts = compareRuns(runs, baseline);
    state.last = verdicts;
    state.verifiedAt = wrote;
  }
  const blocking = verdicts.filter((v) => blocks(v.verdict));
  const preexisting = verdicts.filter((v) => v.verdict === 'unchanged').map((v) => v.run.check.name);
  const fresh = preexisting.filter((n) => !state.shownUnchanged.has(n));
  if (fresh.length > 0) bus.emit({ type: 'notice', level: 'info', message: `pre-existing check failures, unchanged by this turn: ${fresh.join(', ')}` });
  if (blocking.length === 0) {
    for (const n of preexisting) state.shownUnchanged.add(n);
    return { kind: 'pass', text: answer };
  }
  if (state.rounds >= checks.fixRounds) {
    const list = blocking.map((v) => `${v.run.check.name} (\`${v.run.check.command}\`, ${v.verdict})`).join(', ');
    const rounds = `${state.rounds} fix round${state.rounds === 1 ? '' : 's'}`;
    const text = `${answer.trim() ? `${answer.trim()}\n\n` : ''}The project's checks still fail after ${rounds}: ${list}.`;
    return { kind: 'end', reason: 'checks_failing', text };
  }
  state.rounds++;
  const feedback = checkFeedback(verdicts, state.rounds, checks.fixRounds, state.shownUnchanged);
  for (const n of preexisting) state.shownUnchanged.add(n);
  // The same failure as last round: the model's fix did not touch it — a failure for escalation.
  for (const v of blocking) {
    const key = failureKey(v.run);
    const again = state.lastFailures.get(v.run.check.name) === key;
    state.lastFailures.set(v.run.check.name, key);
    input.escalation.failure(`check ${v.run.check.name} ${again ? 'still fails the same way' : 'fails'}: ${(v.run.digest?.text ?? '').slice(0, 600)}`);
    if (again) {
      // The fix did not touch the failure: like an edit that keeps failing, a stronger model may
      // take the next step when one is configured.
      bus.emit({ type: 'guard', kind: 'stuck_patch', message: `check ${v.run.check.name} fails exactly as before the last fix` });
      if (input.escalation.available) input.escalation.requestQuietly();
    }
  }
  // Like a tool result: the model reads it on its next step; compaction shrinks it to one line.
  const stub = `<tool_result name="run_checks">${blocking.map((v) => `${v.run.check.name} ${v.verdict}`).join(', ')}</tool_result>`;
  input.history.append({ role: 'user', content: `<tool_result name="run_checks">\n${feedback.text}\n</tool_result>`, origin: 'harness', stub });
  return { kind: 'next' };
}

/** run_checks: the checks now, judged against the turn's baseline when there is one. A full run
 * after the turn's changes also stands as the verify run while nothing is written after it. */
export async function checkNow(input: VerifyInput, state: TurnChecks, wrote: number, signal: AbortSignal, only?: string): Promise<ToolResult> {
  const checks = input.checks;
  if (!checks) return toolError('failed', 'The project checks are off in this session; use run_command to run a test command.');
  const found = checks.discover();
  if (found.checks.length === 0) return toolError('failed', `${found.note ?? 'No checks found'}; use run_command to run a test command.`);
  if (only && !found.checks.some((c) => c.name === only))
    return toolError('bad_args', `There is no check named "${only}". The checks are: ${found.checks.map((c) => c.name).join(', ')}.`);
  const baseline = state.baseline ?? [];
  const before = (r: CheckRun) => baseline.find((b) => b.check.command === r.check.command);
  const runs = await checks.run('manual', input.window, signal, (r) => (state.baseline ? verdictFor(r, before(r)) : undefined), only);
  const verdicts = compareRuns(runs, baseline);
  // Judged only against a baseline that existed before this run (this run may become it).
  const judged = state.baseline !== undefined;
  // Before any change this run is the baseline; after the changes it stands as the verify run.
  if (!only && !state.baseline && wrote === 0 && runs.every((r) => r.status !== 'skipped')) state.baseline = runs;
  else if (!only && state.baseline && wrote > 0) {
    state.last = verdicts;
    state.verifiedAt = wrote;
  }
  const failing = runs.filter((r) => r.status === 'failed' || r.status === 'timed_out');
  const lines = verdicts.map(({ run: r, verdict }) => {
    const v = judged ? verdict : undefined;
    if (r.status === 'skipped') return `- ${r.check.name}: not run (${r.skipped ?? 'skipped'})`;
    if (r.status === 'passed') return `- ${r.check.name}: passed`;
    const label = v === 'unchanged' ? ' (pre-existing: the same before your changes)' : v === 'changed' || v === 'new' ? ` (${v})` : '';
    return `- ${r.check.name}: FAILED${label}\n${r.digest?.text ?? ''}`;
  });
  const summary =
    failing.length === 0
      ? `checks · ${runs.filter((r) => r.status === 'passed').length} passed`
      : `checks · ${failing.map((r) => r.check.name).join(', ')} failed`;
  return { ok: failing.length === 0, forModel: lines.join('\n'), summary };
}
