// Runs a task's check: a fresh copy of the workspace as the model left it, the hidden check/
// files copied over it, the check command in its own process group under a time cap. The
// model's workspace never sees the check files, so a second try cannot read or edit them.
import * as path from 'node:path';
import { createCommandRunner } from '../sandbox/command-runner';
import { copyTree, removeTree } from '../workspace/copy-tree';
import { digestCheckOutput, type CheckDigest } from '../checks/digest';
import type { BenchTask } from './suite-types';

export interface CheckResult {
  passed: boolean;
  exitCode: number | null;
  timedOut: boolean;
  cancelled: boolean;
  /** The whole output (capped at 1 MB), for the log. */
  output: string;
  seconds: number;
  digest: CheckDigest;
}

const OUTPUT_CAP = 1_000_000;

export interface CheckOptions {
  /** The workspace the agent worked in. */
  workspace: string;
  /** A folder that does not exist yet; removed afterwards unless `keep`. */
  checkDir: string;
  signal: AbortSignal;
  /** Extra environment for the check (see requirements.ts). */
  env?: Record<string, string>;
  /** Digest budget in tokens. */
  digestTokens?: number;
  keep?: boolean;
}

export async function runCheck(task: BenchTask, opts: CheckOptions): Promise<CheckResult> {
  const started = Date.now();
  await copyTree(opts.workspace, opts.checkDir, { skip: ['.smallcode'] });
  if (task.checkDir) await copyTree(task.checkDir, opts.checkDir);
  try {
    // The check runs the model's code: in the sandbox, like every command SmallCode runs for it.
    const extra = { PYTHONDONTWRITEBYTECODE: '1', ...opts.env };
    // Paths the check is handed (SMALLCODE_TYPESCRIPT) stay visible when they sit under /tmp.
    const visible = Object.values(extra).filter((v) => v.startsWith('/'));
    const runner = createCommandRunner({ root: opts.checkDir, hostEnv: { ...process.env, ...extra }, passEnv: Object.keys(extra), visible });
    const run = await runner.run(task.check, {
      timeoutMs: task.checkTimeoutS * 1000,
      outputCap: OUTPUT_CAP,
      signal: opts.signal,
    });
    const output = run.spawnError ? `could not start the check: ${run.spawnError}` : run.output;
    const passed = run.exitCode === 0 && !run.timedOut && !run.cancelled;
    const digest = digestCheckOutput({
      name: task.id,
      command: task.check,
      exitCode: run.exitCode,
      output,
      timedOut: run.timedOut,
      root: opts.checkDir,
      ...(opts.digestTokens ? { maxTokens: opts.digestTokens } : {}),
    });
    return { passed, exitCode: run.exitCode, timedOut: run.timedOut, cancelled: run.cancelled, output, seconds: (Date.now() - started) / 1000, digest };
  } finally {
    if (!opts.keep) await removeTree(opts.checkDir);
  }
}

/** The check folder next to a workspace: `<workspace>.check-<try>`. */
export function checkDirFor(workspace: string, attempt: number): string {
  return path.join(path.dirname(workspace), `${path.basename(workspace)}.check-${attempt}`);
}
