// A Makefile with a `check` or `test` target: `make check`, `make test`.
import type { Check } from './check-types';
import { readProjectFile } from './project-file';

const TARGETS: ['check' | 'test', 'check' | 'test'][] = [
  ['check', 'check'],
  ['test', 'test'],
];

export function discoverMakefile(root: string): Check[] {
  for (const file of ['Makefile', 'makefile', 'GNUmakefile']) {
    const text = readProjectFile(root, file);
    if (text !== undefined) return targetsIn(file, text);
  }
  return [];
}

function targetsIn(file: string, text: string): Check[] {
  return TARGETS.filter(([target]) => new RegExp(`^${target}\\s*:(?!=)`, 'm').test(text)).map(([target, kind]) => ({
    name: `make ${target}`,
    command: `make ${target}`,
    kind,
    source: `${file} target ${target}`,
    configured: false,
  }));
}
