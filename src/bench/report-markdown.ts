// report.md: the same tables as the terminal, as Markdown (a pure view), plus how to read them.
import type { BenchReport } from './report';
import { comparisonRows, failureLines, modelSummary, taskRow, TASK_ALIGN, TASK_HEADER, type Align } from './report-cells';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownTable(header: string[], rows: string[][], align: Align[]): string[] {
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${align.map((a) => (a === 'r' ? '---:' : ':---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ];
}

export function renderMarkdown(report: BenchReport): string {
  const out: string[] = [
    `# SmallCode bench — suite ${report.suite.name}`,
    '',
    `SmallCode ${report.smallcode} · started ${report.started_at} · finished ${report.finished_at} · ${report.tries} ${report.tries === 1 ? 'try' : 'tries'} per task${report.complete ? '' : ' · **stopped before the end**'}`,
    '',
  ];
  if (report.models.length > 1) {
    const c = comparisonRows(report.models);
    out.push('## Side by side', '', ...markdownTable(c.header, c.rows, c.align), '');
  }
  for (const m of report.models) {
    out.push(`## ${m.model}`, '', `${m.server}`, '', modelSummary(m), '', ...markdownTable(TASK_HEADER, m.tasks.map(taskRow), TASK_ALIGN), '');
    const failures = failureLines(m);
    if (failures.length) out.push('Why tasks failed:', '', ...failures.map((f) => `- ${esc(f)}`), '');
    if (m.skipped.length) out.push('Skipped:', '', ...m.skipped.map((s) => `- ${s.id}: ${esc(s.reason)}`), '');
  }
  out.push(
    '## Reading the table',
    '',
    "- **result**: the task's own check decides; `pass (try 2)` passed only after seeing the failing check's digest.",
    '- **reason**: `check_failed` (the model finished but the check failed), `timeout`, `stuck` (guards stopped a loop), `unreadable` (tool calls could not be read), `max_steps`, `error`.',
    '- **prompt / compl / cached**: prompt and completion tokens as the server counted them; cached = prompt tokens the server reused from its cache (where it says so).',
    '- **repaired / unread**: tool calls SmallCode could read only after repairing them / replies whose calls could not be read at all.',
    '- **edits ok/refused**: edits applied / edits the patch engine refused (no match, ambiguous).',
    '- **guards**: repetition, repeated-call, stuck-patch and step-cap interventions.',
    '- **exit**: the exit code `smallcode run` would have given (0 done, 3 step cap, 4 unreadable, 6 stuck, 130 stopped).',
    '',
  );
  return out.join('\n');
}
