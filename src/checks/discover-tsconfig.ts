// A TypeScript project (tsconfig.json) with its own compiler installed: `tsc --noEmit` from
// node_modules/.bin — never npx, which could fetch a compiler from the network.
import type { Check } from './check-types';
import { projectFileExists } from './project-file';

export function discoverTsconfig(root: string): Check[] {
  if (!projectFileExists(root, 'tsconfig.json')) return [];
  if (!projectFileExists(root, 'node_modules/.bin/tsc') && !projectFileExists(root, 'node_modules/typescript/bin/tsc')) return [];
  return [{ name: 'tsc', command: 'node_modules/.bin/tsc --noEmit', kind: 'typecheck', source: 'tsconfig.json (local tsc)', configured: false }];
}
