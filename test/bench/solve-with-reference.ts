// Test helper: runs a built-in task's check on the untouched workspace, then applies the task's
// reference answer through the real edit_file / write_file tools and the patch engine, and runs
// the check again. Both runs use the bench's own check runner (hidden files copied over a copy).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSuite } from '../../src/bench/suite';
import { runCheck, checkDirFor, type CheckResult } from '../../src/bench/check-run';
import { probeEnvironment } from '../../src/bench/requirements';
import type { BenchTask } from '../../src/bench/suite-types';
import { toolByName } from '../../src/tools/registry';
import { applyProposal } from '../../src/patch/index';
import { copyTree, removeTree } from '../../src/workspace/copy-tree';
import { REFERENCES } from './core-references';

export const CORE = path.join(__dirname, '..', '..', 'suites', 'core');

export function coreTasks(): BenchTask[] {
  const loaded = loadSuite(CORE, 'core');
  if (!loaded.ok) throw new Error(`suites/core does not load: ${loaded.problem.file}: ${loaded.problem.message}`);
  return loaded.suite.tasks;
}

const env = probeEnvironment();

async function check(task: BenchTask, workspace: string, attempt: number): Promise<CheckResult> {
  return runCheck(task, { workspace, checkDir: checkDirFor(workspace, attempt), signal: new AbortController().signal, env: env.checkEnv });
}

/** The applied reference, or the first refusal as text. */
async function applyReference(task: BenchTask, root: string): Promise<string | undefined> {
  for (const call of REFERENCES[task.id] ?? []) {
    const tool = toolByName(call.name)!;
    const proposed = await tool.propose!(call.arguments, { root, signal: new AbortController().signal, outputCap: 100_000 });
    if (!proposed.ok) return `${call.name} ${call.arguments.path}: ${proposed.refusal.reason} ${proposed.refusal.hint}`;
    const applied = await applyProposal(root, proposed.proposal);
    if (!applied.ok) return `${call.name} ${call.arguments.path}: not applied: ${applied.refusal.reason}`;
  }
  return undefined;
}

async function freshCopy(task: BenchTask, label: string): Promise<string> {
  const workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `sc-core-${task.id}-${label}-`)));
  await copyTree(task.workspaceDir, workspace);
  return workspace;
}

export interface Solved {
  untouched: CheckResult;
  refused?: string;
  solved?: CheckResult;
}

/** The untouched check and the reference answer's check, on two copies, at the same time. */
export async function solveWithReference(task: BenchTask): Promise<Solved> {
  for (const req of task.requires) if (!env.has(req)) throw new Error(`${task.id} needs ${req}, which this machine lacks (CI must install it)`);
  const [untouched, answered] = await Promise.all([
    freshCopy(task, 'untouched').then((ws) => check(task, ws, 1).finally(() => removeTree(ws))),
    freshCopy(task, 'reference').then(async (ws) => {
      try {
        const refused = await applyReference(task, ws);
        return refused ? { refused } : { solved: await check(task, ws, 1) };
      } finally {
        await removeTree(ws);
      }
    }),
  ]);
  return { untouched, ...answered };
}

/** Every task, `parallel` at a time (checks are processes: the CPUs, not the test, set the pace). */
export async function solveAll(tasks: BenchTask[], parallel = 3): Promise<Map<string, Solved | Error>> {
  const results = new Map<string, Solved | Error>();
  const queue = [...tasks];
  const worker = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      results.set(t.id, await solveWithReference(t).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err)))));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return results;
}
