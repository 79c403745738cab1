// What this machine offers the suite's checks (node, python3, sh, TypeScript), probed once per
// bench; a task needing something missing is skipped with the reason, never counted as failed.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { Requirement } from './suite-types';

export interface Environment {
  has(req: Requirement): boolean;
  /** Extra variables for check commands (where TypeScript is, for the TS tasks' checks). */
  checkEnv: Record<string, string>;
}

function runs(cmd: string, args: string[]): boolean {
  try {
    return spawnSync(cmd, args, { stdio: 'ignore', timeout: 10_000 }).status === 0;
  } catch {
    return false;
  }
}

/** The TypeScript compiler SmallCode itself can load (a dev install, or a global one on NODE_PATH). */
function typescriptPath(): string | undefined {
  try {
    return path.dirname(require.resolve('typescript/package.json'));
  } catch {
    return undefined;
  }
}

/** Probes lazily: a suite without Python tasks never starts python3. */
export function probeEnvironment(): Environment {
  const ts = typescriptPath();
  const probes: Record<Requirement, () => boolean> = {
    node: () => true, // we are running on it
    python3: () => runs('python3', ['--version']),
    sh: () => runs('sh', ['-c', 'exit 0']),
    typescript: () => ts !== undefined,
  };
  const known = new Map<Requirement, boolean>();
  const has = (req: Requirement): boolean => {
    if (!known.has(req)) known.set(req, probes[req]());
    return known.get(req)!;
  };
  return { has, checkEnv: ts ? { SMALLCODE_TYPESCRIPT: ts } : {} };
}

/** The first requirement a task needs that is missing, if any. */
export function missingRequirement(requires: Requirement[], env: Environment): Requirement | undefined {
  return requires.find((r) => !env.has(r));
}
