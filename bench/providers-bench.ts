// Provider benchmarks against the scripted server: our per-chunk overhead through the real
// clients, time to first chunk, cancel latency, accumulator throughput, lazy client loading.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createProvider, type ProviderOptions } from '../src/providers/create-provider';
import { StreamAccumulator } from '../src/providers/stream-accumulator';
import { startScriptedServer, type ServerKind } from '../test/support/scripted-server';
import type { BenchRow } from './types';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const row = (metric: string, value: number, unit: string, target: string, pass: boolean | null): BenchRow => ({
  area: 'providers',
  metric,
  value,
  unit,
  target,
  pass,
});

function accumulatorMicros(): number {
  const chunks: unknown[] = [];
  for (let i = 0; i < 2000; i++)
    chunks.push({
      choices: [{ index: 0, delta: i % 4 ? { content: 'word ' } : { tool_calls: [{ index: i % 3, function: { arguments: '"ab",' } }] }, finish_reason: null }],
    });
  const runs: number[] = [];
  for (let r = 0; r < 30; r++) {
    const t = performance.now();
    const acc = new StreamAccumulator();
    for (const c of chunks) acc.push(c);
    acc.finishChunks();
    runs.push(((performance.now() - t) * 1000) / chunks.length);
  }
  return median(runs);
}

async function streamTimings(kind: ServerKind, provider: ProviderOptions['provider']): Promise<{ firstMs: number; perChunkUs: number; cancelMs: number }> {
  const text = 'lorem ipsum dolor sit amet '.repeat(200); // ≈ 1000 chunks of 3-8 chars
  const server = await startScriptedServer({ kind, replies: (_req, i) => (i % 2 === 0 ? { text } : { text: 'first then hang', hang: true }) });
  try {
    const p = createProvider({ provider, baseUrl: server.url, model: 'test-model', apiKey: 'k' });
    await p.info();
    const first: number[] = [];
    const per: number[] = [];
    const cancel: number[] = [];
    for (let r = 0; r < 15; r++) {
      const t0 = performance.now();
      let t1 = 0;
      let n = 0;
      for await (const c of p.stream({ messages: [{ role: 'user', content: 'go' }] }, new AbortController().signal)) {
        if (c.type === 'text' && n++ === 0) t1 = performance.now();
      }
      const t2 = performance.now();
      first.push(t1 - t0);
      per.push(((t2 - t1) * 1000) / Math.max(1, n - 1));
      const ac = new AbortController();
      let tAbort = 0;
      for await (const c of p.stream({ messages: [{ role: 'user', content: 'go' }] }, ac.signal)) {
        if (c.type === 'text' && !tAbort) {
          tAbort = performance.now();
          ac.abort();
        }
      }
      cancel.push(performance.now() - tAbort);
    }
    return { firstMs: median(first), perChunkUs: median(per), cancelMs: median(cancel) };
  } finally {
    await server.close();
  }
}

/** Loading the providers entry point must not pull in the three client SDKs (startup time). */
function lazyLoad(): { ms: number; sdkLoaded: boolean } {
  const entry = path.join(__dirname, '../src/providers/index.js');
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(entry)});const ms=Number(process.hrtime.bigint()-t)/1e6;const sdk=Object.keys(require.cache).some(k=>/node_modules[\\\\/](openai|ollama|@anthropic-ai)[\\\\/]/.test(k));console.log(JSON.stringify({ms,sdk}))`;
  const runs: { ms: number; sdk: boolean }[] = [];
  for (let i = 0; i < 7; i++) {
    const out = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    runs.push(JSON.parse(out.stdout.trim()) as { ms: number; sdk: boolean });
  }
  return { ms: median(runs.map((r) => r.ms)), sdkLoaded: runs.some((r) => r.sdk) };
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const acc = accumulatorMicros();
  rows.push(row('accumulator cost per chunk', acc, 'µs', '≤ 5', acc <= 5));
  for (const [kind, provider] of [
    ['ollama', 'ollama'],
    ['llamacpp', 'openai'],
    ['anthropic', 'anthropic'],
  ] as const) {
    const t = await streamTimings(kind, provider);
    rows.push(row(`${kind}: time to first chunk (local, info cached)`, t.firstMs, 'ms', '≤ 25', t.firstMs <= 25));
    rows.push(row(`${kind}: stream overhead per chunk (client + ours)`, t.perChunkUs, 'µs', '≤ 100', t.perChunkUs <= 100));
    rows.push(row(`${kind}: abort → done cancelled`, t.cancelMs, 'ms', '≤ 50', t.cancelMs <= 50));
  }
  const lazy = lazyLoad();
  rows.push(row('require providers/index (SDKs load lazily)', lazy.ms, 'ms', '≤ 40, no SDK loaded', lazy.ms <= 40 && !lazy.sdkLoaded));
  return rows;
}
