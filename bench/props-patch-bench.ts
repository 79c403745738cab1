// The patch engine's wrong-apply report (issue 16): generated edits to real files (node_modules
// texts, CRLF/tab/BOM/no-final-newline variants) in every dialect and drift, counted as applied
// exactly, refused, or wrong bytes — per dialect, per drift and per rung. Goal: 0 wrong bytes.
import type { BenchRow } from './types';
import { type Tally, patchReport } from '../test/props/support/patch-report';

const CASES = Number(process.env.SMALLCODE_BENCH_PROPS_CASES) || 150;
const SEED = 16;

const pct = (n: number, of: number) => (of === 0 ? 0 : Math.round((1000 * n) / of) / 10);

function rows(scope: string, t: Tally): BenchRow[] {
  const label = (what: string) => `wrong-apply ${scope}: ${what} (of ${t.cases})`;
  return [
    { area: 'patch', metric: label('applied exactly'), value: pct(t.exact, t.cases), unit: '%', target: '', pass: null },
    { area: 'patch', metric: label('refused'), value: pct(t.refused, t.cases), unit: '%', target: '', pass: null },
    { area: 'patch', metric: label('wrong bytes'), value: t.wrong, unit: 'edits', target: '= 0', pass: t.wrong === 0 },
  ];
}

export async function bench(): Promise<BenchRow[]> {
  const report = await patchReport(CASES, SEED);
  const out: BenchRow[] = [
    { area: 'patch', metric: `wrong-apply: generated cases (seed ${SEED})`, value: report.cases, unit: 'cases', target: '', pass: null },
    {
      area: 'patch',
      metric: 'wrong-apply: drifted renderings not judged (region has a whitespace twin)',
      value: report.twins,
      unit: 'renderings',
      target: '',
      pass: null,
    },
  ];
  out.push(...rows('all renderings', report.renderings));
  for (const [dialect, t] of [...report.byDialect].sort()) out.push(...rows(`dialect ${dialect}`, t));
  for (const [drift, t] of [...report.byDrift].sort()) out.push(...rows(`drift ${drift}`, t));
  // Per rung only applied edits exist (a refusal has no rung): wrong bytes per rung that applied them.
  for (const [rung, t] of [...report.byRung].sort()) {
    out.push({
      area: 'patch',
      metric: `wrong-apply rung ${rung}: wrong bytes (of ${t.cases} applied)`,
      value: t.wrong,
      unit: 'edits',
      target: '= 0',
      pass: t.wrong === 0,
    });
  }
  return out;
}
