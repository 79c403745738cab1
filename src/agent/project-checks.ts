// The session's project checks: discovered once per turn from the project's files (or taken from
// SMALLCODE_CHECKS), each run past the same approval and sandbox rules as run_command, the
// baseline cached by tree state, every run announced as check.started / check.finished.
import type { CheckRun, Check } from '../checks/check-types';
import { discoverChecks, type ChecksSetting, type Discovery } from '../checks/discover';
import { createBaselineCache } from '../checks/baseline-cache';
import { runChecks } from '../checks/run-checks';
import { treeState } from '../checks/tree-state';
import { digestBudget } from '../checks/digest';
import type { CommandRunner } from '../sandbox/command-runner';
import { alwaysKey } from '../tools/command-policy';
import type { CheckPhase, CheckVerdictName } from './events';
import type { EventBus } from './event-bus';
import type { Approval } from './turn/turn-context';
import { decide } from './policy';
import { ask, commandFacts, type RunnerDeps } from './tool-runner';

export interface ChecksSettings {
  setting: ChecksSetting;
  /** SMALLCODE_FIX_ROUNDS: how often failures go back to the model in one turn (default 3). */
  fixRounds: number;
}

export interface ProjectChecks {
  readonly fixRounds: number;
  /** Discovers again (the project's files may have changed). */
  discover(): Discovery;
  /** The checks' results on the tree as it is now, from the cache when the tree is unchanged. */
  baseline(window: number, signal: AbortSignal): Promise<CheckRun[]>;
  /** Runs them all now; `verdicts` names each run's verdict for its event. */
  run(phase: CheckPhase, window: number, signal: AbortSignal, verdicts?: (run: CheckRun) => CheckVerdictName | undefined, only?: string): Promise<CheckRun[]>;
  /** The last run of each check this session (for the workbench's full-output view). */
  last(): CheckRun[];
}

export function createProjectChecks(
  root: string,
  settings: ChecksSettings,
  deps: { bus: EventBus; approval: Approval; commands: CommandRunner },
): ProjectChecks {
  const cache = createBaselineCache();
  const latest = new Map<string, CheckRun>();
  let discovery: Discovery | undefined;
  let ids = 0;
  /** Checks the user declined: not asked about again this session, except on /check or run_checks. */
  const declined = new Set<string>();
  const runner: RunnerDeps = {
    root,
    bus: deps.bus,
    approvals: deps.approval.approvals,
    policy: deps.approval.policy,
    ctx: { root, signal: new AbortController().signal, outputCap: 0, exec: deps.commands },
  };

  /** The run_command rules: configured checks run unasked; others are allow-listed, always-allowed,
   * covered by --yes in a sandbox, or asked about once (then "always" holds for the session). */
  async function approve(check: Check, phase: CheckPhase): Promise<true | string> {
    if (check.configured) return true;
    if (phase !== 'manual' && declined.has(check.command)) return 'declined by the user earlier in this session (/check asks again)';
    const facts = await commandFacts(check.command, runner);
    const verdict = decide('exec', deps.approval.policy, facts);
    if (verdict.action === 'auto') return true;
    if (verdict.action === 'deny') {
      const why = deps.approval.policy.autoApprove && !facts.sandboxed ? 'no sandbox here for --yes to cover it' : 'nobody can approve it in this run';
      return `not approved: ${why} — configure it in SMALLCODE_CHECKS or allow it with SMALLCODE_ALLOW`;
    }
    const id = `check-approval-${++ids}`;
    const call = { id, name: 'run_checks', arguments: { command: check.command } };
    const answer = await ask(runner, { id, call, risk: 'exec', command: { command: check.command, cwd: root, sandbox: facts.sandbox } });
    if (answer.decision === 'reject') {
      declined.add(check.command);
      return 'declined by the user';
    }
    declined.delete(check.command);
    if (answer.decision === 'always') deps.approval.policy.alwaysAllowed.add(alwaysKey(facts.parsed));
    return true;
  }

  async function run(
    phase: CheckPhase,
    window: number,
    signal: AbortSignal,
    verdicts?: (run: CheckRun) => CheckVerdictName | undefined,
    only?: string,
  ): Promise<CheckRun[]> {
    const checks = (discovery ?? api.discover()).checks.filter((c) => only === undefined || c.name === only);
    if (checks.length === 0) return [];
    // The digest budget is shared: several failing checks must not flood a small window.
    const digestTokens = Math.max(200, Math.floor(digestBudget(window) / Math.min(checks.length, 3)));
    let clock: NodeJS.Timeout | undefined;
    const runs = await runChecks({
      checks,
      runner: deps.commands,
      root,
      signal,
      digestTokens,
      approve: (c) => approve(c, phase),
      onStart: (c) => {
        deps.bus.emit({ type: 'check.started', name: c.name, command: c.command, phase });
        let seconds = 0;
        clock = setInterval(() => deps.bus.emit({ type: 'check.running', name: c.name, seconds: ++seconds }), 1000);
        clock.unref();
      },
      onFinish: (r) => {
        clearInterval(clock);
        if (r.status !== 'skipped') latest.set(r.check.name, r);
        const verdict = verdicts?.(r);
        deps.bus.emit({
          type: 'check.finished',
          name: r.check.name,
          command: r.check.command,
          phase,
          status: r.status,
          ...(verdict ? { verdict } : {}),
          exitCode: r.exitCode,
          ms: r.ms,
          digest: r.digest?.text ?? '',
          digestTokens: r.digest?.tokens ?? 0,
          output: r.output,
          ...(r.skipped ? { skipped: r.skipped } : {}),
        });
      },
    });
    clearInterval(clock);
    return runs;
  }

  const api: ProjectChecks = {
    fixRounds: settings.fixRounds,
    discover() {
      discovery = discoverChecks(root, settings.setting);
      return discovery;
    },
    async baseline(window, signal) {
      const tree = treeState(root);
      const cached = cache.get(tree);
      if (cached) return cached;
      const runs = await run('baseline', window, signal);
      if (signal.aborted) return runs;
      // Keyed by the tree before the run: caches a check leaves behind (coverage, __pycache__) are
      // usually ignored files; when they are not, the next turn simply measures again.
      cache.set(tree, runs);
      return runs;
    },
    run,
    last: () => [...latest.values()],
  };
  return api;
}
