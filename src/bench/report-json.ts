// report.json and `--json`: the report model as it is, indented for people, stable for tools.
import type { BenchReport } from './report';

export function renderJson(report: BenchReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
