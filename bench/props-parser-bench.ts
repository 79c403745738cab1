// Parser wrong-call report (issue 16): generated calls rendered in every dialect with the damages
// the parser claims to repair → exact, unreadable, missed, wrong call (goal 0), per dialect.
import fc from 'fast-check';
import { DIALECTS, EDIT_BLOCK } from '../test/props/support/parser-dialects';
import { callSyntaxString } from '../test/props/support/parser-values';
import { type GenCase, type Outcome, describeCase, genCase, outcomeOf, parseRendered, renderCase } from '../test/props/support/parser-outcome';
import type { BenchRow } from './types';

const PER_DIALECT = Number(process.env.SMALLCODE_PROPS_RUNS) > 0 ? Number(process.env.SMALLCODE_PROPS_RUNS) : 300;
const SEED = Number(process.env.SMALLCODE_PROPS_SEED) || 42;

export interface DialectScore {
  dialect: string;
  cases: number;
  counts: Record<Outcome, number>;
  /** The first few wrong or missed cases, described. */
  failures: string[];
  /** The first few unreadable cases, described (to tell a fair refusal from a lost repair). */
  refusals: string[];
}

/** `text` draws the string values: code (default) or code with other calls' syntax in it. */
export function scoreDialects(perDialect = PER_DIALECT, seed = SEED, text?: fc.Arbitrary<string>): DialectScore[] {
  return [...DIALECTS, EDIT_BLOCK].map((d, i) => {
    const counts: Record<Outcome, number> = { exact: 0, unreadable: 0, missed: 0, wrong: 0 };
    const failures: string[] = [];
    const refusals: string[] = [];
    let cases = 0;
    for (const c of fc.sample(genCase([d], text), { numRuns: perDialect, seed: seed + i }) as GenCase[]) {
      const r = renderCase(c);
      if (!r) continue;
      cases++;
      const res = parseRendered(r);
      const o = outcomeOf(c.call, res);
      counts[o]++;
      if ((o === 'wrong' || o === 'missed') && failures.length < 3) failures.push(`${o}: ${describeCase(c, r, res)}`);
      if (o === 'unreadable' && refusals.length < 3) refusals.push(`${o}: ${describeCase(c, r, res)}`);
    }
    return { dialect: d.name, cases, counts, failures, refusals };
  });
}

export async function bench(): Promise<BenchRow[]> {
  const scores = scoreDialects();
  const rows: BenchRow[] = [];
  const total = { cases: 0, exact: 0, unreadable: 0, missed: 0, wrong: 0 };
  for (const s of scores) {
    total.cases += s.cases;
    for (const k of ['exact', 'unreadable', 'missed', 'wrong'] as const) total[k] += s.counts[k];
    const info = `${s.counts.exact} exact, ${s.counts.unreadable} unreadable, ${s.counts.missed} missed`;
    rows.push({
      area: 'toolcall-props',
      metric: `${s.dialect}: wrong calls of ${s.cases} (${info})`,
      value: s.counts.wrong,
      unit: 'calls',
      target: '= 0',
      pass: s.counts.wrong === 0,
    });
  }
  rows.push({ area: 'toolcall-props', metric: `all dialects: cases generated`, value: total.cases, unit: 'cases', target: '', pass: null });
  rows.push({ area: 'toolcall-props', metric: 'all dialects: read exactly', value: total.exact / total.cases, unit: 'share', target: '', pass: null });
  rows.push({ area: 'toolcall-props', metric: 'all dialects: reported unreadable', value: total.unreadable, unit: 'cases', target: '', pass: null });
  rows.push({
    area: 'toolcall-props',
    metric: 'all dialects: missed (no call, no flag)',
    value: total.missed,
    unit: 'cases',
    target: '= 0',
    pass: total.missed === 0,
  });
  rows.push({ area: 'toolcall-props', metric: 'all dialects: wrong call', value: total.wrong, unit: 'calls', target: '= 0', pass: total.wrong === 0 });
  // Values that hold another call's syntax (a file about tool calls): the hardest case.
  const nested = scoreDialects(PER_DIALECT, SEED + 1000, callSyntaxString);
  const bad = nested.filter((s) => s.counts.wrong > 0);
  const wrong = bad.reduce((n, s) => n + s.counts.wrong, 0);
  const cases = nested.reduce((n, s) => n + s.cases, 0);
  const where = bad.map((s) => `${s.dialect} ${s.counts.wrong}`).join(', ');
  rows.push({
    area: 'toolcall-props',
    metric: `values holding call syntax: wrong calls of ${cases}${where ? ` (${where})` : ''}`,
    value: wrong,
    unit: 'calls',
    target: '= 0',
    pass: wrong === 0,
  });
  return rows;
}

// `node dist/bench/props-parser-bench.js [dialect…] [--refusals]`: the per-dialect table with examples.
if (require.main === module) {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const text = process.argv.includes('--call-syntax') ? callSyntaxString : undefined;
  for (const s of scoreDialects(PER_DIALECT, SEED, text).filter((x) => only.length === 0 || only.includes(x.dialect))) {
    process.stdout.write(`${s.dialect.padEnd(28)} ${String(s.cases).padStart(5)} ${JSON.stringify(s.counts)}\n`);
    for (const f of process.argv.includes('--refusals') ? s.refusals : s.failures) process.stdout.write(`  ${f.replace(/\n/g, '\n    ')}\n`);
  }
}
