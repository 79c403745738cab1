// Runs one task for one model: a fresh copy of the workspace, the agent (through the port the
// CLI provides — the same headless path as `run --yes`) under a time and step cap, then the
// hidden check; with --tries 2 a failed task gets one more turn carrying the check's digest.
import * as path from 'node:path';
import type { AgentEvent, TurnEndReason } from '../agent/events';
import type { BenchTask } from './suite-types';
import type { TaskReason, TaskReport, TryReport } from './report';
import { createMetricsCollector } from './task-metrics';
import { runCheck, checkDirFor, type CheckResult } from './check-run';
import { firstPrompt, retryPrompt } from './prompts';
import { copyTree, removeTree } from '../workspace/copy-tree';
import { linkedSignal } from '../util/abort';

/** One agent working in one workspace; `turn` runs a prompt to its end (abort = cancel). */
export interface AgentSession {
  subscribe(fn: (e: AgentEvent) => void): () => void;
  turn(prompt: string, signal: AbortSignal): Promise<{ reason: TurnEndReason; text: string; exitCode: number }>;
}

/** The seam to the real agent: the CLI builds it from the user's config and provider. */
export interface AgentPort {
  start(workspace: string, maxSteps: number | undefined): Promise<{ ok: true; session: AgentSession } | { ok: false; message: string }>;
}

export interface TaskRunOptions {
  port: AgentPort;
  tries: number;
  /** Folder for this task's workspace; created, removed afterwards unless `keep`. */
  workspace: string;
  /** The whole bench's stop signal (Ctrl-C). */
  signal: AbortSignal;
  checkEnv?: Record<string, string>;
  keep?: boolean;
  /** Receives the task's log text (agent answers, full check outputs) when it ends. */
  onLog?: (text: string) => Promise<void>;
}

const AGENT_REASON: Record<TurnEndReason, TaskReason> = {
  done: 'check_failed',
  max_steps: 'max_steps',
  cancelled: 'cancelled',
  error: 'error',
  unreadable: 'unreadable',
  refused: 'refused',
  stuck: 'stuck',
  cut: 'cut',
  checks_failing: 'check_failed',
};

function firstLine(s: string): string {
  return (s.split('\n').find((l) => l.trim() !== '') ?? '').trim().slice(0, 200);
}

/** The digest's most telling line: the first failing test, else the first error, else the summary. */
function digestHead(check: CheckResult): string {
  const d = check.digest;
  if (d.firstFailure) return `${d.firstFailure.name}: ${d.firstFailure.details[0] ?? ''}`.trim().replace(/:$/, '');
  return d.errorLines[0] ?? d.summaryLines.at(-1) ?? firstLine(d.text);
}

function classify(agentEnd: TurnEndReason | 'timeout', agentText: string, check: CheckResult | undefined): { reason: TaskReason; detail: string } {
  if (check?.passed) return { reason: 'passed', detail: '' };
  if (agentEnd === 'timeout') return { reason: 'timeout', detail: 'the agent ran past the time cap' };
  if (agentEnd !== 'done') return { reason: AGENT_REASON[agentEnd], detail: firstLine(agentText) };
  if (!check || check.cancelled) return { reason: 'cancelled', detail: 'stopped before the check finished' };
  if (check.timedOut) return { reason: 'check_timeout', detail: `the check ran past ${Math.round(check.seconds)} s` };
  return { reason: 'check_failed', detail: digestHead(check) };
}

export async function runTask(task: BenchTask, opts: TaskRunOptions): Promise<TaskReport> {
  const started = Date.now();
  const metrics = createMetricsCollector();
  const tries: TryReport[] = [];
  const log: string[] = [`# ${task.id}`, '', task.instruction, ''];
  try {
    await copyTree(task.workspaceDir, opts.workspace);
    const ready = await opts.port.start(opts.workspace, task.maxSteps);
    if (!ready.ok) {
      const t: TryReport = {
        try: 1,
        passed: false,
        reason: 'error',
        detail: ready.message,
        agent_end: 'error',
        exit_code: 1,
        steps: 0,
        seconds: 0,
        check_exit_code: null,
        check_seconds: 0,
        digest: '',
      };
      tries.push(t);
    } else {
      const session = ready.session;
      const unsubscribe = session.subscribe((e) => metrics.onEvent(e));
      let prompt = firstPrompt(task);
      for (let attempt = 1; attempt <= opts.tries && !opts.signal.aborted; attempt++) {
        const tryStarted = Date.now();
        const stepsBefore = metrics.result().steps;
        const capped = linkedSignal([opts.signal], task.timeoutS * 1000);
        const outcome = await session.turn(prompt, capped.signal).finally(() => capped.dispose());
        const timedOut = outcome.reason === 'cancelled' && capped.signal.aborted && !opts.signal.aborted;
        const agentEnd: TurnEndReason | 'timeout' = timedOut ? 'timeout' : outcome.reason;
        log.push(`## try ${attempt}: agent ${agentEnd} (exit ${outcome.exitCode})`, '', outcome.text, '');
        const check = opts.signal.aborted
          ? undefined
          : await runCheck(task, {
              workspace: opts.workspace,
              checkDir: checkDirFor(opts.workspace, attempt),
              signal: opts.signal,
              env: opts.checkEnv,
              keep: opts.keep,
            });
        if (check)
          log.push(
            `## try ${attempt}: check \`${task.check}\` → exit ${check.exitCode ?? 'none'}${check.timedOut ? ' (timed out)' : ''}`,
            '',
            check.output,
            '',
          );
        const { reason, detail } = classify(agentEnd, outcome.text, check);
        tries.push({
          try: attempt,
          passed: check?.passed ?? false,
          reason,
          detail,
          agent_end: agentEnd,
          exit_code: outcome.exitCode,
          steps: metrics.result().steps - stepsBefore,
          seconds: (Date.now() - tryStarted) / 1000,
          check_exit_code: check?.exitCode ?? null,
          check_seconds: check?.seconds ?? 0,
          digest: check && !check.passed ? check.digest.text : '',
        });
        if (!check || check.passed) break;
        prompt = retryPrompt(check.digest.text);
      }
      unsubscribe();
    }
  } catch (err) {
    // The harness itself failed (disk full, a folder it cannot write): this task is an error, the bench goes on.
    const message = `bench error: ${err instanceof Error ? err.message : String(err)}`;
    tries.push({
      try: tries.length + 1,
      passed: false,
      reason: 'error',
      detail: message,
      agent_end: 'error',
      exit_code: 1,
      steps: 0,
      seconds: 0,
      check_exit_code: null,
      check_seconds: 0,
      digest: '',
    });
    log.push(message);
  } finally {
    if (opts.onLog) await opts.onLog(log.join('\n'));
    if (!opts.keep) await removeTree(opts.workspace);
  }
  return report(task, tries, metrics.result(), (Date.now() - started) / 1000);
}

function report(task: BenchTask, tries: TryReport[], m: ReturnType<ReturnType<typeof createMetricsCollector>['result']>, seconds: number): TaskReport {
  const last = tries[tries.length - 1];
  const winner = tries.find((t) => t.passed);
  return {
    id: task.id,
    tags: task.tags,
    passed: winner !== undefined,
    passed_on_try: winner?.try ?? null,
    reason: winner ? 'passed' : last.reason,
    detail: winner ? '' : last.detail,
    exit_code: last.exit_code,
    steps: m.steps,
    prompt_tokens: m.promptTokens,
    completion_tokens: m.completionTokens,
    cached_prompt_tokens: m.cachedPromptTokens,
    tokens_per_second: m.tokensPerSecond === null ? null : Math.round(m.tokensPerSecond * 10) / 10,
    tool_calls: m.toolCalls,
    repaired_calls: m.repairedCalls,
    unreadable_calls: m.unreadableReplies,
    edits_applied: m.editsApplied,
    edits_refused: m.editsRefused,
    guard_interventions: m.guardInterventions,
    seconds: Math.round(seconds * 10) / 10,
    tries,
  };
}

/** `<root>/<model>/<task id>`, with the model name made safe for a folder name. */
export function taskWorkspacePath(root: string, model: string, taskId: string): string {
  return path.join(root, slug(model), taskId);
}

export function slug(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'model';
}
