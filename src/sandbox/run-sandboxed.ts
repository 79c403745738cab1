// Runs one shell command the way every command SmallCode runs for the model must run: inside the
// sandbox the probe found (or plainly when there is none), with an allow-listed environment, a
// timeout, an abort signal, capped output and known secret values scrubbed from that output.
import * as os from 'node:os';
import * as path from 'node:path';
import { bwrapArgs } from './bwrap-args';
import { commandEnv } from './command-env';
import { findOnPath } from './probe';
import { spawnCapped, type ProcessOutcome } from './run-process';
import { scrubSecrets, type Secret } from './secrets';
import { seatbeltProfile } from './seatbelt-profile';
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
  const shell = ['/bin/sh', '-c', command];
  switch (run.status.kind) {
    case 'bwrap': {
      const bwrap = findOnPath('bwrap', run.hostEnv.PATH ?? process.env.PATH) ?? 'bwrap';
      // bwrap itself gets the clean environment too: inside, /proc/1/environ is bwrap's.
      return { argv: [bwrap, ...bwrapArgs(run.plan), '--', ...shell], env: commandEnv(run.hostEnv, run.passEnv, { TMPDIR: '/tmp' }) };
    }
    case 'sandbox-exec': {
      const tmp = [os.tmpdir(), '/private/tmp', '/private/var/folders'].map((p) => path.resolve(p));
      return { argv: ['/usr/bin/sandbox-exec', '-p', seatbeltProfile(run.plan, tmp), ...shell], env: commandEnv(run.hostEnv, run.passEnv) };
    }
    case 'none':
      return { argv: shell, env: commandEnv(run.hostEnv, run.passEnv) };
  }
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
