// The command line that runs a program inside the sandbox this machine offers: bubblewrap with
// the plan's binds, or sandbox-exec with its profile, or the program itself. Commands for the
// model and workspace MCP servers are both wrapped here, so a fix to the wrapping reaches both.
import * as os from 'node:os';
import * as path from 'node:path';
import { bwrapArgs } from './bwrap-args';
import { findOnPath } from './probe';
import { seatbeltProfile } from './seatbelt-profile';
import type { SandboxPlan, SandboxStatus } from './types';

/** `bwrapExtra`: further bubblewrap options placed after the plan's (e.g. scratch caches, a cwd). */
export function sandboxedArgv(
  kind: SandboxStatus['kind'],
  plan: SandboxPlan,
  inner: string[],
  hostPath: string | undefined,
  bwrapExtra: string[] = [],
): string[] {
  switch (kind) {
    case 'bwrap': {
      const bwrap = findOnPath('bwrap', hostPath ?? process.env.PATH) ?? 'bwrap';
      return [bwrap, ...bwrapArgs(plan), ...bwrapExtra, '--', ...inner];
    }
    case 'sandbox-exec': {
      const tmp = [os.tmpdir(), '/private/tmp', '/private/var/folders'].map((p) => path.resolve(p));
      return ['/usr/bin/sandbox-exec', '-p', seatbeltProfile(plan, tmp), ...inner];
    }
    case 'none':
      return inner;
  }
}
