// The bench report as data: per task, per model, per run. These shapes ARE report.json (hence
// snake_case); the terminal table and report.md are views of them. Summaries are pure.
import type { TurnEndReason } from '../agent/events';

/** Why a task ended as it did; `passed` whenever the check passed, whatever the agent did. */
export type TaskReason =
  | 'passed'
  | 'check_failed' // the agent finished, the check did not pass
  | 'check_timeout' // the check ran past its time cap
  | 'timeout' // the agent ran past the task's time cap
  | 'stuck' // the guards stopped a loop
  | 'unreadable' // the model's tool calls could not be read
  | 'max_steps'
  | 'cut' // the model's reply kept being cut off by the output cap
  | 'refused'
  | 'error' // server or harness error
  | 'cancelled'; // Ctrl-C

export interface TryReport {
  try: number;
  passed: boolean;
  reason: TaskReason;
  /** One line: the digest's head, the error, what the guard said. */
  detail: string;
  /** How the agent's turn ended ("timeout" when the time cap stopped it). */
  agent_end: TurnEndReason | 'timeout';
  /** The exit code `smallcode run` would have given this turn. */
  exit_code: number;
  steps: number;
  seconds: number;
  check_exit_code: number | null;
  check_seconds: number;
  /** The failure digest the model would see (empty when the check passed or did not run). */
  digest: string;
}

export interface Counters {
  steps: number;
  prompt_tokens: number;
  completion_tokens: number;
  cached_prompt_tokens: number;
  tokens_per_second: number | null;
  tool_calls: number;
  repaired_calls: number;
  unreadable_calls: number;
  edits_applied: number;
  edits_refused: number;
  guard_interventions: number;
  seconds: number;
}

export interface TaskReport extends Counters {
  id: string;
  tags: string[];
  passed: boolean;
  /** 1 or 2; null when it never passed. */
  passed_on_try: number | null;
  reason: TaskReason;
  detail: string;
  /** Of the last try. */
  exit_code: number;
  tries: TryReport[];
  /** The task's log (agent answer, check output), relative to the report folder. */
  log?: string;
}

export interface SkippedTask {
  id: string;
  reason: string;
}

export interface ModelReport extends Counters {
  model: string;
  /** e.g. "ollama http://127.0.0.1:11434". */
  server: string;
  passed: number;
  total: number;
  /** Share of tasks passed on the first try (0..1). */
  pass_at_1: number;
  /** Share passed within two tries; null when the bench ran with --tries 1. */
  pass_at_2: number | null;
  tasks: TaskReport[];
  skipped: SkippedTask[];
}

export interface BenchReport {
  schema: 1;
  smallcode: string;
  suite: { name: string; dir: string };
  tries: number;
  started_at: string;
  finished_at: string;
  /** False when Ctrl-C stopped the bench: the report holds the tasks that finished. */
  complete: boolean;
  models: ModelReport[];
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Sums counters; speed is completion tokens over the summed generation time. */
export function sumCounters(items: Counters[]): Counters {
  const sum = (k: keyof Omit<Counters, 'tokens_per_second'>) => items.reduce((s, t) => s + t[k], 0);
  let timed = 0;
  let secs = 0;
  for (const t of items) {
    if (t.tokens_per_second) {
      timed += t.completion_tokens;
      secs += t.completion_tokens / t.tokens_per_second;
    }
  }
  return {
    steps: sum('steps'),
    prompt_tokens: sum('prompt_tokens'),
    completion_tokens: sum('completion_tokens'),
    cached_prompt_tokens: sum('cached_prompt_tokens'),
    tokens_per_second: secs > 0 ? round(timed / secs, 1) : null,
    tool_calls: sum('tool_calls'),
    repaired_calls: sum('repaired_calls'),
    unreadable_calls: sum('unreadable_calls'),
    edits_applied: sum('edits_applied'),
    edits_refused: sum('edits_refused'),
    guard_interventions: sum('guard_interventions'),
    seconds: round(sum('seconds'), 1),
  };
}

export function summarizeModel(model: string, server: string, tasks: TaskReport[], skipped: SkippedTask[], tries: number): ModelReport {
  const total = tasks.length;
  const first = tasks.filter((t) => t.passed_on_try === 1).length;
  const within2 = tasks.filter((t) => t.passed_on_try !== null && t.passed_on_try <= 2).length;
  return {
    model,
    server,
    passed: tasks.filter((t) => t.passed).length,
    total,
    pass_at_1: total ? round(first / total, 3) : 0,
    pass_at_2: tries >= 2 ? (total ? round(within2 / total, 3) : 0) : null,
    ...sumCounters(tasks),
    tasks,
    skipped,
  };
}
