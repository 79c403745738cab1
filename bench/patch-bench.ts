// Patch engine benchmarks on a 1 MB / 20k-line file: match + apply (propose, journal, atomic
// write) and the closest-region search behind a refused match. Medians over many runs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchRow } from './types';
import { applyBlocks, applyProposal, proposeEdit } from '../src/patch';

function bigFile(): string {
  const lines: string[] = [];
  for (let i = 0; lines.length < 20000; i++) {
    lines.push(`export function handler${i}(input: Record<string, number>) {`);
    lines.push(`  const total${i} = Object.values(input).reduce((a, b) => a + b, ${i});`);
    lines.push(`  if (total${i} > ${i * 7}) console.log("handler ${i} over limit", total${i});`);
    lines.push(`  return total${i} * ${(i % 13) + 1}; // scale factor for handler number ${i}`);
    lines.push('}');
  }
  return lines.join('\n') + '\n';
}

async function median(runs: number, fn: () => Promise<void> | void): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const row = (metric: string, value: number, limit: number): BenchRow => ({
  area: 'patch',
  metric,
  value: Math.round(value * 100) / 100,
  unit: 'ms',
  target: `≤ ${limit}`,
  pass: value <= limit,
});

export async function bench(): Promise<BenchRow[]> {
  const text = bigFile();
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-patch-bench-')));
  const rows: BenchRow[] = [];
  try {
    const search = `  if (total2000 > 14000) console.log("handler 2000 over limit", total2000);\n  return total2000 * 12; // scale factor for handler number 2000\n`;
    const replace = search.replace('* 12', '* 13');
    const check = (r: ReturnType<typeof applyBlocks>) => {
      if (!r.ok) throw new Error(`bench edit refused: ${r.refusal.reason}`);
    };
    const drifted = search.replace(/^ {2}/gm, '      ');
    rows.push(
      row(
        'match+apply in memory, exact (1 MB, 20k lines)',
        await median(30, () => check(applyBlocks(text, [{ kind: 'replace', search, replace }], 'big.ts'))),
        50,
      ),
    );
    rows.push(
      row(
        'match+apply in memory, indentation drift (1 MB)',
        await median(30, () => check(applyBlocks(text, [{ kind: 'replace', search: drifted, replace: drifted.replace('* 12', '* 13') }], 'big.ts'))),
        50,
      ),
    );
    fs.writeFileSync(path.join(root, 'big.ts'), text);
    let k = 12;
    rows.push(
      row(
        'propose+apply on disk incl. journal and fsync (1 MB)',
        await median(15, async () => {
          const s = search.replace('* 12', `* ${k}`);
          const r = await proposeEdit(root, 'big.ts', { kind: 'search_replace', search: s, replace: s.replace(`* ${k}`, `* ${k + 1}`) });
          if (!r.ok) throw new Error(r.refusal.reason);
          const a = await applyProposal(root, r.proposal);
          if (!a.ok) throw new Error(a.refusal.reason);
          k++;
        }),
        50,
      ),
    );
    const miss = search.replace('over limit', 'above limit');
    rows.push(
      row(
        'refused match + closest region (1 MB)',
        await median(15, () => {
          const r = applyBlocks(text, [{ kind: 'replace', search: miss, replace }], 'big.ts');
          if (r.ok || !r.refusal.hint.includes('2001')) throw new Error('expected a refusal pointing at line 2001+');
        }),
        200,
      ),
    );
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return rows;
}
