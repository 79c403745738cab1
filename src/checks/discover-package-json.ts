// Checks from package.json scripts (test, lint, typecheck, check), run with the package manager
// the lockfile names: npm, pnpm, yarn or bun.
import type { Check, CheckKind } from './check-types';
import { projectFileExists, readProjectFile } from './project-file';

const SCRIPTS: [string, CheckKind][] = [
  ['typecheck', 'typecheck'],
  ['type-check', 'typecheck'],
  ['lint', 'lint'],
  ['check', 'check'],
  ['test', 'test'],
];

/** The placeholder `npm init` writes: not a test suite. */
const NO_TESTS = /no test specified/;

const LOCKFILES: [string, string][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lockb', 'bun'],
  ['bun.lock', 'bun'],
  ['package-lock.json', 'npm'],
];

function packageManager(root: string): { pm: string; lockfile?: string } {
  for (const [file, pm] of LOCKFILES) if (projectFileExists(root, file)) return { pm, lockfile: file };
  return { pm: 'npm' };
}

function scriptCommand(pm: string, script: string): string {
  // `bun test` is bun's own runner, not the script; `npm test` and `pnpm test` are the script.
  if (script === 'test' && pm !== 'bun') return `${pm} test`;
  return pm === 'yarn' ? `yarn ${script}` : `${pm} run ${script}`;
}

export function discoverPackageJson(root: string): Check[] {
  const text = readProjectFile(root, 'package.json');
  if (text === undefined) return [];
  let scripts: Record<string, unknown>;
  try {
    scripts = (JSON.parse(text) as { scripts?: Record<string, unknown> }).scripts ?? {};
  } catch {
    return [];
  }
  const { pm, lockfile } = packageManager(root);
  const out: Check[] = [];
  for (const [script, kind] of SCRIPTS) {
    const body = scripts[script];
    if (typeof body !== 'string' || body.trim() === '' || NO_TESTS.test(body)) continue;
    if (kind === 'typecheck' && out.some((c) => c.kind === 'typecheck')) continue;
    const via = lockfile ? ` (${lockfile})` : '';
    out.push({ name: script, command: scriptCommand(pm, script), kind, source: `package.json scripts.${script}${via}`, configured: false });
  }
  return out;
}
