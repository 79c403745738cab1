// Runs checks one after another through the sandboxed command runner (the same one run_command
// uses): each under a time cap, its process group killed on timeout, each first past the approval
// gate the caller provides. The model gets the digest; the user keeps the whole output.
import type { CommandRunner } from '../sandbox/command-runner';
import type { Check, CheckRun } from './check-types';
import { digestCheckOutput } from './digest';

export interface RunChecksInput {
  checks: Check[];
  runner: CommandRunner;
  root: string;
  signal: AbortSignal;
  /** Token budget of each digest. */
  digestTokens: number;
  /** Whether a check may run (approval and sandbox rules); a string says why it may not. */
  approve(check: Check): Promise<true | string>;
  onStart?(check: Check): void;
  onFinish?(run: CheckRun): void;
}

/** Type-checks and linters get two minutes, test suites five. */
function timeoutFor(check: Check): number {
  return (check.kind === 'test' || check.kind === 'check' ? 300 : 120) * 1000;
}

const OUTPUT_CAP = 1_000_000;

async function runOneCheck(check: Check, input: Omit<RunChecksInput, 'checks'>): Promise<CheckRun> {
  const started = Date.now();
  const approved = await input.approve(check);
  if (approved !== true) return { check, status: 'skipped', exitCode: null, ms: 0, digest: undefined, output: '', skipped: approved };
  input.onStart?.(check);
  const run = await input.runner.run(check.command, { timeoutMs: timeoutFor(check), outputCap: OUTPUT_CAP, signal: input.signal });
  const ms = Date.now() - started;
  if (run.cancelled) return { check, status: 'skipped', exitCode: null, ms, digest: undefined, output: run.output, skipped: 'cancelled' };
  const output = run.spawnError ? `could not start the check: ${run.spawnError}` : run.output;
  const digest = digestCheckOutput({
    name: check.name,
    command: check.command,
    exitCode: run.spawnError ? null : run.exitCode,
    output,
    timedOut: run.timedOut,
    root: input.root,
    maxTokens: input.digestTokens,
  });
  const status = run.timedOut ? 'timed_out' : digest.passed ? 'passed' : 'failed';
  return { check, status, exitCode: run.exitCode, ms, digest, output };
}

export async function runChecks(input: RunChecksInput): Promise<CheckRun[]> {
  const runs: CheckRun[] = [];
  for (const check of input.checks) {
    if (input.signal.aborted) break;
    const run = await runOneCheck(check, input);
    runs.push(run);
    input.onFinish?.(run);
  }
  return runs;
}
