// The report's cells and rows, shared by the terminal table and report.md: one place decides
// what each column says, so both views always agree.
import type { Counters, ModelReport, TaskReport } from './report';

export type Align = 'l' | 'r';

export function tokens(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)}M`;
  if (n >= 10_000) return `${Math.round(n / 1000)}k`;
  if (n >= 1000) return `${(n / 1000).toFixed(1)}k`;
  return String(n);
}

export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return m < 60 ? `${m}m ${String(s).padStart(2, '0')}s` : `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

export const percent = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)} %` : '–');
const speed = (c: Counters) => (c.tokens_per_second === null ? '–' : c.tokens_per_second.toFixed(1));

export function resultCell(t: TaskReport): string {
  if (!t.passed) return 'FAIL';
  return t.passed_on_try && t.passed_on_try > 1 ? `pass (try ${t.passed_on_try})` : 'pass';
}

export const TASK_HEADER = [
  'task',
  'result',
  'reason',
  'steps',
  'prompt',
  'compl',
  'cached',
  'tok/s',
  'repaired',
  'unread',
  'edits ok/refused',
  'guards',
  'time',
  'exit',
];
export const TASK_ALIGN: Align[] = ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'];

export function taskRow(t: TaskReport): string[] {
  return [
    t.id,
    resultCell(t),
    t.passed ? '' : t.reason,
    String(t.steps),
    tokens(t.prompt_tokens),
    tokens(t.completion_tokens),
    tokens(t.cached_prompt_tokens),
    speed(t),
    String(t.repaired_calls),
    String(t.unreadable_calls),
    `${t.edits_applied}/${t.edits_refused}`,
    String(t.guard_interventions),
    duration(t.seconds),
    String(t.exit_code),
  ];
}

/** One line per model: the headline figures. */
export function modelSummary(m: ModelReport): string {
  const parts = [
    `passed ${m.passed}/${m.total} (${percent(m.passed, m.total)})`,
    ...(m.pass_at_2 !== null ? [`pass@1 ${Math.round(m.pass_at_1 * 100)} %`, `pass@2 ${Math.round(m.pass_at_2 * 100)} %`] : []),
    `prompt ${tokens(m.prompt_tokens)} tokens${m.cached_prompt_tokens ? ` (${tokens(m.cached_prompt_tokens)} from cache)` : ''}`,
    `${speed(m)} tok/s`,
    `${m.repaired_calls} repaired / ${m.unreadable_calls} unreadable calls`,
    `edits ${m.edits_applied} applied / ${m.edits_refused} refused`,
    `${m.guard_interventions} guard interventions`,
    duration(m.seconds),
  ];
  if (m.skipped.length) parts.push(`${m.skipped.length} skipped`);
  return parts.join(' · ');
}

/** Failed tasks with their one-line reason, for under the table. */
export function failureLines(m: ModelReport): string[] {
  return m.tasks.filter((t) => !t.passed).map((t) => `${t.id}: ${t.reason}${t.detail ? ` — ${t.detail}` : ''}`);
}

/** The side-by-side table for several models: one row per task, then the totals. */
export function comparisonRows(models: ModelReport[]): { header: string[]; align: Align[]; rows: string[][] } {
  const ids = [...new Set(models.flatMap((m) => m.tasks.map((t) => t.id)))];
  const cell = (m: ModelReport, id: string) => {
    const t = m.tasks.find((x) => x.id === id);
    if (!t) return 'not run';
    return t.passed ? resultCell(t) : `FAIL ${t.reason}`;
  };
  const rows = ids.map((id) => [id, ...models.map((m) => cell(m, id))]);
  const totals: [string, (m: ModelReport) => string][] = [
    ['passed', (m) => `${m.passed}/${m.total} (${percent(m.passed, m.total)})`],
    ...(models.some((m) => m.pass_at_2 !== null)
      ? ([['pass@1 / pass@2', (m: ModelReport) => `${Math.round(m.pass_at_1 * 100)} % / ${Math.round((m.pass_at_2 ?? 0) * 100)} %`]] as [
          string,
          (m: ModelReport) => string,
        ][])
      : []),
    ['steps', (m) => String(m.steps)],
    ['prompt tokens (cached)', (m) => `${tokens(m.prompt_tokens)} (${tokens(m.cached_prompt_tokens)})`],
    ['completion tokens', (m) => tokens(m.completion_tokens)],
    ['tok/s', (m) => speed(m)],
    ['calls repaired / unreadable', (m) => `${m.repaired_calls} / ${m.unreadable_calls}`],
    ['edits applied / refused', (m) => `${m.edits_applied} / ${m.edits_refused}`],
    ['guard interventions', (m) => String(m.guard_interventions)],
    ['wall time', (m) => duration(m.seconds)],
  ];
  for (const [label, f] of totals) rows.push([label, ...models.map(f)]);
  return { header: ['task', ...models.map((m) => m.model)], align: ['l', ...models.map((): Align => 'l')], rows };
}
