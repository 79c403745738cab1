// `smallcode bench`: which of my models does real work in SmallCode? Loads the suite, runs doctor
// for each model (a failing server stops here, in one line), runs every task with the headless
// agent of `run --yes`, then prints the table and writes report.md, report.json and the logs.
import * as os from 'node:os';
import * as path from 'node:path';
import type { Config } from '../../config/config';
import type { CommandIO } from './run';
import { benchArgs } from '../bench-options';
import type { ParsedArgs } from '../args';
import { setupProvider } from '../provider-setup';
import { startHeadless, runHeadlessTurn, type HeadlessInput, type ReadyProvider } from '../headless';
import { createProgress } from '../bench-progress';
import { BENCH_EXIT } from '../exit-codes';
import { resolveSuite } from '../../bench/suite-source';
import { describeProblem, filterTasks } from '../../bench/suite';
import { probeEnvironment } from '../../bench/requirements';
import { runBench, type BenchModel } from '../../bench/bench-run';
import type { BenchReport } from '../../bench/report';
import { slug, type AgentPort } from '../../bench/task-runner';
import { renderTable } from '../../bench/report-table';
import { renderMarkdown } from '../../bench/report-markdown';
import { renderJson } from '../../bench/report-json';
import { writeFileAtomic } from '../../workspace/atomic-write';
import { makeTempDir, removeTree } from '../../workspace/copy-tree';
import { packageVersion } from '../../util/package-root';

export interface BenchIO extends CommandIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  cwd: string;
}

/**
 * The agent a bench task gets: the user's settings with the task's workspace as root, every
 * change approved (`--yes`), and no cloud escalation (the bench measures the local model).
 * Project checks run only when the user listed them (SMALLCODE_CHECKS): the task's own check is
 * hidden from the workspace, and what discovery finds there would be the bench's scaffolding.
 */
export function benchAgentInput(config: Config, setup: ReadyProvider, workspace: string, maxSteps: number | undefined): HeadlessInput {
  const { SMALLCODE_ESCALATE: _escalate, ...env } = config.env;
  const checks = config.checks.mode === 'list' ? config.checks : ({ mode: 'off' } as const);
  return { config: { ...config, root: workspace, maxSteps: maxSteps ?? config.maxSteps, env, checks }, setup, autoApprove: true };
}

function agentPort(config: Config, setup: ReadyProvider): AgentPort {
  return {
    async start(workspace, maxSteps) {
      const built = await startHeadless(benchAgentInput(config, setup, workspace, maxSteps));
      if (!built.ok) return built;
      const agent = built.agent;
      return {
        ok: true,
        session: {
          subscribe: (fn) => agent.subscribe(fn),
          async turn(prompt, signal) {
            const { outcome, exitCode } = await runHeadlessTurn(agent, prompt, signal);
            return { reason: outcome.reason, text: outcome.text, exitCode };
          },
        },
      };
    },
  };
}

/** doctor for each model; the first that fails stops the bench with doctor's own message. */
async function readyModels(config: Config, names: string[]): Promise<{ ok: true; models: BenchModel[] } | { ok: false; message: string }> {
  const { diagnose } = require('../../providers/index') as typeof import('../../providers/index');
  const models: BenchModel[] = [];
  for (const name of names.length ? names : [undefined]) {
    const setup = await setupProvider({ ...config, model: name ?? config.model });
    if (!setup.ok) return { ok: false, message: setup.message };
    const report = await diagnose(setup.provider);
    if (!report.ok) return { ok: false, message: report.error ?? `the server at ${report.baseUrl} did not answer` };
    models.push({ name: report.model || name || setup.model, server: `${report.kind} ${report.baseUrl}`, port: agentPort(config, setup) });
  }
  return { ok: true, models };
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export async function benchCommand(parsed: ParsedArgs, io: BenchIO): Promise<number> {
  const args = benchArgs(parsed);
  const v = parsed.values;
  const { loadConfig } = require('../../config/config') as typeof import('../../config/config');
  const config = loadConfig({ provider: v.provider, baseUrl: v.baseUrl, cwd: v.cwd, maxSteps: v.maxSteps, context: v.context }, io.env, io.cwd);
  const loaded = resolveSuite(args.suite, io.cwd);
  if (!loaded.ok) {
    io.stderr.write(`smallcode bench: ${describeProblem(loaded.problem)}\n`);
    return BENCH_EXIT.badSuite;
  }
  const tasks = filterTasks(loaded.suite.tasks, args.tasks);
  if (tasks.length === 0) {
    io.stderr.write(
      `smallcode bench: no task of suite ${loaded.suite.name} matches --tasks ${args.tasks} — ids look like ${loaded.suite.tasks
        .slice(0, 3)
        .map((t) => t.id)
        .join(', ')}\n`,
    );
    return BENCH_EXIT.usage;
  }
  const ready = await readyModels(config, args.models);
  if (!ready.ok) {
    io.stderr.write(`smallcode bench: ${ready.message}\n`);
    return BENCH_EXIT.noServer;
  }
  const out = path.resolve(io.cwd, args.out ?? path.join(config.root, '.smallcode', 'bench', stamp(new Date())));
  const workRoot = args.keep ? path.join(out, 'work') : await makeTempDir(os.tmpdir(), 'smallcode-bench-');
  const env = probeEnvironment();
  const total = tasks.length * ready.models.length;
  const progress = createProgress({ stream: io.stderr, total, silent: args.json && !io.stderr.isTTY });
  const stop = new AbortController();
  const onSigint = () => stop.abort();
  // `on`, not `once`: signal-exit (used by proper-lockfile) re-raises SIGINT when it finds itself
  // the only listener, and a `once` listener has already removed itself by then. Removed below.
  process.on('SIGINT', onSigint);
  let report: BenchReport;
  try {
    report = await runBench({
      suite: loaded.suite,
      tasks,
      models: ready.models,
      tries: args.tries,
      jobs: args.jobs,
      signal: stop.signal,
      env,
      workRoot,
      keep: args.keep,
      version: packageVersion(),
      onProgress: (e) => progress.onEvent(e),
      writeLog: async (model, id, text) => {
        const rel = path.join('logs', slug(model), `${id}.md`);
        await writeFileAtomic(path.join(out, rel), text);
        return rel.split(path.sep).join('/');
      },
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
    progress.stop();
    if (!args.keep) await removeTree(workRoot);
  }
  await writeFileAtomic(path.join(out, 'report.json'), renderJson(report));
  await writeFileAtomic(path.join(out, 'report.md'), renderMarkdown(report));
  if (args.json) io.stdout.write(renderJson(report));
  else {
    io.stdout.write(renderTable(report));
    io.stderr.write(`report: ${path.join(out, 'report.md')} (and report.json, logs/)\n`);
  }
  return report.complete ? BENCH_EXIT.ran : BENCH_EXIT.interrupted;
}
