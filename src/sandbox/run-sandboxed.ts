// Runs one shell command the way every command SmallCode runs for the model must run: inside the
// sandbox the probe found (or plainly when there is none), with an allow-listed environment, a
// timeout, an abort signal, capped output and known secret values scrubbed from that output.
import { commandEnv } from './command-env';
import { sandboxedArgv } from './sandbox-argv';
import { spawnCapped, type ProcessOutcome } from './run-process';
import { scrubSecrets, type Secret } from './secrets';
import type { SandboxPlan, SandboxStatus } from './types';

export interface SandboxedRun {
  /** The workspace root (realpath'd): the working directory and the only writable folder. */
  root: string;
  status: SandboxStatus;
  plan: SandboxPlan;
  /** The host environment the allow-listed command environment is built from. */
  hostEnv: Record<string, string | undefined>;
  /** User-configured extra variable names (`NAME` or `PREFIX_*`). */
  passEnv: readonly string[];
  secrets: readonly Secret[];
  timeoutMs: number;
  outputCap: number;
  signal: AbortSignal;
  killGraceMs?: number;
}

export interface SandboxedOutcome extends ProcessOutcome {
  sandbox: SandboxStatus['kind'];
  /** The command could reach the network (no sandbox, or one that allows it). */
  network: boolean;
}

function argvFor(command: string, run: SandboxedRun): { argv: string[]; env: Record<string, string> } {
  const argv = sandboxedArgv(run.status.kind, run.plan, ['/bin/sh', '-c', command], run.hostEnv.PATH);
  // bwrap itself gets the clean environment too: inside, /proc/1/environ is bwrap's.
  const env = commandEnv(run.hostEnv, run.passEnv, run.status.kind === 'bwrap' ? { TMPDIR: '/tmp' } : {});
  return { argv, env };
}

export async function runSandboxed(command: string, run: SandboxedRun): Promise<SandboxedOutcome> {
  const { argv, env } = argvFor(command, run);
  const r = await spawnCapped(argv, {
    cwd: run.root,
    env,
    timeoutMs: run.timeoutMs,
    outputCap: run.outputCap,
    signal: run.signal,
    killGraceMs: run.killGraceMs,
  });
  const network = run.status.kind === 'none' || run.plan.network;
  return { ...r, output: scrubSecrets(r.output, run.secrets), sandbox: run.status.kind, network };
}
