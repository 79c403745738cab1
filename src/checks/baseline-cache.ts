// Baselines by tree state: the checks' results before a turn changed anything, kept for the
// session so a turn that starts on an unchanged tree does not run the whole suite again.
import type { CheckRun } from './check-types';

export interface BaselineCache {
  get(tree: string): CheckRun[] | undefined;
  set(tree: string, runs: CheckRun[]): void;
}

/** A few tree states are enough: each turn needs only the one it started from. */
const KEEP = 8;

export function createBaselineCache(): BaselineCache {
  const entries = new Map<string, CheckRun[]>();
  return {
    get: (tree) => entries.get(tree),
    set(tree, runs) {
      // Skipped checks say nothing about the tree: not cached, so the next turn asks again.
      if (runs.some((r) => r.status === 'skipped')) return;
      entries.delete(tree);
      entries.set(tree, runs);
      while (entries.size > KEEP) entries.delete(entries.keys().next().value as string);
    },
  };
}
