// The one way SmallCode runs a command for the model (run_command today, project checks later):
// a runner bound to the workspace and the user's sandbox settings, handed to tools in their context.
import { credentialPaths } from './credential-paths';
import { probeSandbox } from './probe';
import { runSandboxed, type SandboxedOutcome } from './run-sandboxed';
import { findSecrets } from './secrets';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tmpBindsFor } from './tmp-binds';
import type { SandboxStatus } from './types';

export interface CommandRunnerSettings {
  root: string;
  /** The process environment (the command environment is built from it by allow-list). */
  hostEnv: Record<string, string | undefined>;
  /** Let sandboxed commands use the network. */
  network?: boolean;
  /** Extra variables commands may see (`NAME` or `PREFIX_*`). */
  passEnv?: readonly string[];
  /** Further variable sets whose secret values are scrubbed from output (config files). */
  secretSources?: Record<string, string | undefined>[];
  /** SMALLCODE_SANDBOX=off: run commands without a sandbox (then `--yes` no longer covers them). */
  disabled?: boolean;
  /** Paths outside the workspace commands must see even under /tmp (e.g. the TypeScript a bench check uses). */
  visible?: readonly string[];
}

export interface CommandRunOptions {
  timeoutMs: number;
  outputCap: number;
  signal: AbortSignal;
  killGraceMs?: number;
}

export interface CommandRunner {
  /** Which sandbox commands run in, and why (probed once per process). */
  sandbox(): Promise<SandboxStatus>;
  run(command: string, opts: CommandRunOptions): Promise<SandboxedOutcome>;
}

/** Paths inside the workspace a command must not change: code planted there runs later, outside. */
function protectedPaths(root: string): string[] {
  return ['.git/hooks', '.git/config'].map((p) => path.join(root, p)).filter((p) => fs.existsSync(p));
}

export function createCommandRunner(settings: CommandRunnerSettings): CommandRunner {
  const secrets = findSecrets(settings.hostEnv, ...(settings.secretSources ?? []));
  const passEnv = settings.passEnv ?? [];
  const sandbox = (): Promise<SandboxStatus> =>
    settings.disabled
      ? Promise.resolve({ kind: 'none', reason: 'the sandbox is turned off (SMALLCODE_SANDBOX=off)' })
      : probeSandbox(settings.hostEnv.PATH ?? process.env.PATH);
  return {
    sandbox,
    async run(command, opts) {
      const status = await sandbox();
      const plan = {
        root: settings.root,
        network: settings.network ?? false,
        hidden: credentialPaths(settings.hostEnv.HOME),
        readOnly: [...protectedPaths(settings.root), ...tmpBindsFor(settings.visible ?? [], settings.root)],
      };
      return runSandboxed(command, { ...opts, root: settings.root, status, plan, hostEnv: settings.hostEnv, passEnv, secrets });
    },
  };
}
