// Stage 8, verify: before the turn's first change the project's checks run once (the baseline,
// cached per tree state); when the model answers after changing files they run again. New and
// changed failures go back to the model as a digest and the turn continues, up to the fix
// rounds; unchanged (pre-existing) ones are reported once and never trap the model.
import type { CheckRun } from '../../checks/check-types';
import { blocks, failureKey, verdictFor, type CheckVerdict } from '../../checks/verdicts';
import { checkFeedback } from '../../checks/feedback';
import type { TurnEndReason } from '../events';
import type { EventBus } from '../event-bus';
import type { HistoryStore } from '../history-store';
import type { ProjectChecks } from '../project-checks';
import type { Escalation } from './escalation';

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
  input.checks.discover();
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
    verdicts = runs.map((run) => ({ run, verdict: verdictFor(run, before(run)) }));
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
  }
  // Like a tool result: the model reads it on its next step; compaction shrinks it to one line.
  const stub = `<tool_result name="run_checks">${blocking.map((v) => `${v.run.check.name} ${v.verdict}`).join(', ')}</tool_result>`;
  input.history.append({ role: 'user', content: `<tool_result name="run_checks">\n${feedback.text}\n</tool_result>`, origin: 'harness', stub });
  return { kind: 'next' };
}
