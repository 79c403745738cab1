// The wrong-apply report: generated cases run in every dialect and drift, tallied as applied
// exactly / refused / wrong bytes, per dialect, per drift and per rung (the strategy that applied).
import * as fs from 'node:fs';
import * as fc from 'fast-check';
import { buildCase, caseChoices, hasWhitespaceTwin, type PatchCase } from './patch-case';
import { describeCase, makeWorkspace, runRendered, writeCase } from './patch-oracle';
import { type Rendered, renderings } from './patch-render';

export interface Tally {
  cases: number;
  exact: number;
  refused: number;
  wrong: number;
}

export interface PatchReport {
  cases: number;
  renderings: Tally;
  byDialect: Map<string, Tally>;
  byDrift: Map<string, Tally>;
  /** Applied renderings by the rung (strategy) that applied them; refusals are not per rung. */
  byRung: Map<string, Tally>;
  /** The first wrong rendering of each dialect/drift pair, described. */
  examples: Map<string, string>;
  /**
   * Drifted renderings whose region has a whitespace twin elsewhere (the drifted search is that
   * place, exactly): no reader could tell which was meant, so they are not judged.
   */
  twins: number;
}

const empty = (): Tally => ({ cases: 0, exact: 0, refused: 0, wrong: 0 });

function count(map: Map<string, Tally>, key: string, kind: 'exact' | 'refused' | 'wrong'): void {
  const t = map.get(key) ?? empty();
  t.cases++;
  t[kind]++;
  map.set(key, t);
}

export async function patchReport(numRuns: number, seed: number, onCase?: (c: PatchCase, r: Rendered) => void): Promise<PatchReport> {
  const report: PatchReport = { cases: 0, renderings: empty(), byDialect: new Map(), byDrift: new Map(), byRung: new Map(), examples: new Map(), twins: 0 };
  const root = makeWorkspace();
  try {
    for (const choices of fc.sample(caseChoices, { numRuns, seed })) {
      const c = buildCase(choices);
      if (!c) continue;
      report.cases++;
      writeCase(root, c);
      const twin = hasWhitespaceTwin(c.lines, c.start, c.end);
      for (const r of renderings(c)) {
        if (twin && r.drift !== 'none') {
          report.twins++;
          continue;
        }
        onCase?.(c, r);
        const v = await runRendered(root, c, r);
        const all = report.renderings;
        all.cases++;
        all[v.kind]++;
        count(report.byDialect, r.dialect, v.kind);
        count(report.byDrift, r.drift, v.kind);
        if (v.kind !== 'refused') for (const s of new Set(v.strategies)) count(report.byRung, s, v.kind);
        const key = `${r.dialect}/${r.drift}`;
        if (v.kind === 'wrong' && !report.examples.has(key)) report.examples.set(key, describeCase(c, r, v));
      }
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return report;
}
