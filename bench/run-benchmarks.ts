// `npm run bench`: runs every area's benchmark and prints one table. Each area module exports
// `bench(): Promise<BenchRow[]>`; a failing area is reported as a row, not a crash.
import type { BenchRow, BenchModule } from './types';

const AREAS: [string, () => BenchModule][] = [
  ['providers', () => (require('./providers-bench') as { bench: BenchModule }).bench],
  ['toolcall', () => (require('./toolcall-bench') as { bench: BenchModule }).bench],
  ['toolcall-props', () => (require('./props-parser-bench') as { bench: BenchModule }).bench],
  ['patch', () => (require('./patch-bench') as { bench: BenchModule }).bench],
  ['props-patch', () => (require('./props-patch-bench') as { bench: BenchModule }).bench],
  ['router', () => (require('./router-bench') as { bench: BenchModule }).bench],
  ['context', () => (require('./context-bench') as { bench: BenchModule }).bench],
  ['read', () => (require('./read-bench') as { bench: BenchModule }).bench],
  ['checks', () => (require('./checks-bench') as { bench: BenchModule }).bench],
  ['agent', () => (require('./agent-bench') as { bench: BenchModule }).bench],
  ['sim-model', () => (require('./sim-model-bench') as { bench: BenchModule }).bench],
  ['tui', () => (require('./tui-bench') as { bench: BenchModule }).bench],
];

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 1) return n.toFixed(2);
  return n.toFixed(4);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const rows: BenchRow[] = [];
  for (const [area, load] of AREAS) {
    if (only.length && !only.includes(area)) continue;
    process.stderr.write(`bench: ${area}…\n`);
    try {
      rows.push(...(await load()()));
    } catch (err) {
      rows.push({ area, metric: `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, value: NaN, unit: '', target: '', pass: false });
    }
  }
  const table = rows.map((r) => [r.area, r.metric, fmt(r.value), r.unit, r.target, r.pass === null ? '' : r.pass ? 'PASS' : 'FAIL']);
  const header = ['area', 'metric', 'value', 'unit', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  process.stdout.write(line(header) + '\n' + widths.map((w) => '-'.repeat(w)).join('  ') + '\n');
  for (const row of table) process.stdout.write(line(row) + '\n');
  const failed = rows.filter((r) => r.pass === false).length;
  process.stdout.write(`\n${rows.length - failed} passed, ${failed} failed\n`);
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
