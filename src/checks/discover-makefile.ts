// A Makefile with a `check` or `test` target: `make check`, `make test`.
import type { Check } from './check-types';
import { readProjectFile } from './project-file';

const TARGETS: ['check' | 'test', 'check' | 'test'][] = [
  ['check', 'check'],
  ['test', 'test'],
];

export function discoverMakefile(root: string): Check[] {
  const file = ['Makefile', 'makefile', 'GNUmakefile'].find((f) => readProjectFile(root, f) !== undefined);
  if (!file) return [];
  const text = readProjectFile(root, file) ?? '';
  return TARGETS.filter(([target]) => new RegExp(`^${target}\\s*:(?!=)`, 'm').test(text)).map(([target, kind]) => ({
    name: `make ${target}`,
    command: `make ${target}`,
    kind,
    source: `${file} target ${target}`,
    configured: false,
  }));
}
