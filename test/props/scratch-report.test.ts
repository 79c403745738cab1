import * as fs from 'node:fs';
import { patchReport } from './support/patch-report';

it('report', async () => {
  const n = Number(process.env.N ?? 300);
  const r = await patchReport(n, Number(process.env.SEED ?? 16));
  const lines: string[] = [`cases ${r.cases} ${JSON.stringify(r.renderings)}`];
  for (const [k, t] of r.byDialect) lines.push(`dialect ${k} ${JSON.stringify(t)}`);
  for (const [k, t] of r.byDrift) lines.push(`drift ${k} ${JSON.stringify(t)}`);
  for (const [k, t] of r.byRung) lines.push(`rung ${k} ${JSON.stringify(t)}`);
  fs.writeFileSync('/tmp/pp/report.txt', lines.join('\n'));
  fs.writeFileSync('/tmp/pp/examples.txt', [...r.examples.entries()].map(([k, v]) => `##### ${k}\n${v.slice(0, 6000)}`).join('\n\n'));
}, 3600000);
