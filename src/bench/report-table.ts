// The report as plain-text tables for the terminal: a pure view `(report) → text`.
import type { BenchReport } from './report';
import { comparisonRows, failureLines, modelSummary, taskRow, TASK_ALIGN, TASK_HEADER, type Align } from './report-cells';

/** Columns padded to their widest cell; a dashed rule under the header. */
export function textTable(header: string[], rows: string[][], align: Align[]): string[] {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const pad = (s: string, i: number) => (align[i] === 'r' ? s.padStart(widths[i] + s.length - [...s].length) : s.padEnd(widths[i] + s.length - [...s].length));
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export function renderTable(report: BenchReport): string {
  const out: string[] = [];
  for (const m of report.models) {
    out.push(`model ${m.model} · ${m.server} · suite ${report.suite.name}${report.tries > 1 ? ` · ${report.tries} tries` : ''}`);
    out.push(...textTable(TASK_HEADER, m.tasks.map(taskRow), TASK_ALIGN));
    out.push(modelSummary(m));
    const failures = failureLines(m);
    if (failures.length) out.push('why tasks failed:', ...failures.map((f) => `  ${f}`));
    for (const s of m.skipped) out.push(`skipped ${s.id}: ${s.reason}`);
    out.push('');
  }
  if (report.models.length > 1) {
    const c = comparisonRows(report.models);
    out.push('side by side:', ...textTable(c.header, c.rows, c.align), '');
  }
  if (!report.complete) out.push('the bench was stopped before the end: this report holds the tasks that finished');
  return out.join('\n').replace(/\n+$/, '') + '\n';
}
