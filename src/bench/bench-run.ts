// The whole bench: models one after another (a local server holds one model at a time), each
// model's tasks on `jobs` workers, a stop signal that lets running tasks end cleanly and starts
// no new ones. Returns the report; what it shows is up to the renderers.
import type { BenchTask, Suite } from './suite-types';
import type { BenchReport, ModelReport, SkippedTask, TaskReport } from './report';
import { summarizeModel } from './report';
import { missingRequirement, type Environment } from './requirements';
import { runTask, taskWorkspacePath, type AgentPort } from './task-runner';

export interface BenchModel {
  name: string;
  /** e.g. "ollama http://127.0.0.1:11434". */
  server: string;
  port: AgentPort;
}

export type ProgressEvent =
  | { type: 'task.start'; model: string; id: string }
  | { type: 'task.done'; model: string; report: TaskReport; done: number; total: number; passed: number };

export interface BenchRunInput {
  suite: Suite;
  /** The suite's tasks after --tasks filtering, in suite order. */
  tasks: BenchTask[];
  models: BenchModel[];
  tries: number;
  jobs: number;
  signal: AbortSignal;
  env: Environment;
  /** Where task workspaces are made. */
  workRoot: string;
  keep: boolean;
  version: string;
  /** Stores a task's log; returns its path relative to the report folder. */
  writeLog?: (model: string, taskId: string, text: string) => Promise<string | undefined>;
  onProgress?: (e: ProgressEvent) => void;
  now?: () => Date;
}

const STOPPED = 'not run: the bench was stopped (Ctrl-C)';

export async function runBench(input: BenchRunInput): Promise<BenchReport> {
  const now = input.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const runnable = input.tasks.filter((t) => !missingRequirement(t.requires, input.env));
  const missing: SkippedTask[] = input.tasks
    .filter((t) => missingRequirement(t.requires, input.env))
    .map((t) => ({ id: t.id, reason: `needs ${missingRequirement(t.requires, input.env)}, which this machine lacks` }));
  const total = runnable.length * input.models.length;
  let done = 0;
  let passed = 0;
  const models: ModelReport[] = [];
  for (const model of input.models) {
    if (input.signal.aborted) break;
    const results = new Map<string, TaskReport>();
    const queue = [...runnable];
    const worker = async (): Promise<void> => {
      for (let task = queue.shift(); task && !input.signal.aborted; task = queue.shift()) {
        input.onProgress?.({ type: 'task.start', model: model.name, id: task.id });
        let logText = '';
        const report = await runTask(task, {
          port: model.port,
          tries: input.tries,
          workspace: taskWorkspacePath(input.workRoot, model.name, task.id),
          signal: input.signal,
          checkEnv: input.env.checkEnv,
          keep: input.keep,
          onLog: async (text) => void (logText = text),
        });
        if (report.reason === 'cancelled' && input.signal.aborted) continue; // reported as not run
        const log = input.writeLog ? await input.writeLog(model.name, task.id, logText) : undefined;
        results.set(task.id, log ? { ...report, log } : report);
        done++;
        if (report.passed) passed++;
        input.onProgress?.({ type: 'task.done', model: model.name, report, done, total, passed });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(input.jobs, runnable.length)) }, worker));
    const tasks = runnable.map((t) => results.get(t.id)).filter((r): r is TaskReport => r !== undefined);
    const notRun = runnable.filter((t) => !results.has(t.id)).map((t) => ({ id: t.id, reason: STOPPED }));
    models.push(summarizeModel(model.name, model.server, tasks, [...missing, ...notRun], input.tries));
  }
  return {
    schema: 1,
    smallcode: input.version,
    suite: { name: input.suite.name, dir: input.suite.dir },
    tries: input.tries,
    started_at: startedAt,
    finished_at: now().toISOString(),
    complete: !input.signal.aborted,
    models,
  };
}
