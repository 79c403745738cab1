// Where `--suite` points: an existing folder, or the name of a suite that ships with SmallCode
// (suites/<name> in the package). Anything else is a bad suite, said in one line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../util/package-root';
import { loadSuite } from './suite';
import type { SuiteLoad } from './suite-types';

export function builtinSuites(): string[] {
  const dir = path.join(packageRoot(), 'suites');
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

export function resolveSuite(arg: string, cwd: string): SuiteLoad {
  const asDir = path.resolve(cwd, arg);
  if (fs.existsSync(asDir)) return loadSuite(asDir);
  if (/^[\w-]+$/.test(arg) && builtinSuites().includes(arg)) return loadSuite(path.join(packageRoot(), 'suites', arg), arg);
  return {
    ok: false,
    problem: { file: arg, message: `no folder "${asDir}" and no built-in suite of that name (built-in: ${builtinSuites().join(', ') || 'none'})` },
  };
}
