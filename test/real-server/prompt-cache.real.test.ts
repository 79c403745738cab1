// The prompt-cache check: a 10-step task in SmallCode's default (text-tool) mode; for every step
// the server's own `timings.cache_n` against the longest common token prefix with the previous
// request (by the server's own /apply-template and /tokenize), and the tokens SmallCode made the
// server process against an append-only client replaying the same conversation.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TAIL_SEPARATOR } from '../../src/context/prompt-builder';
import { cacheRoot } from '../../scripts/real-server/llama-server-build';
import type { Exchange, Json } from '../../scripts/real-server/recording-proxy';
import { cliEnv, dig, startRig, workspace, type Rig, smallcode } from './suite-setup';
import { steering, isSummaryRequest, type Move } from './steer';
import { streamFacts } from './sse';

const FILES: Record<string, string> = {
  'package.json': '{\n  "name": "calc",\n  "version": "1.0.0",\n  "scripts": { "test": "node test/math.test.js" }\n}\n',
  'README.md': '# calc\n\nA tiny calculator library.\n\n## Functions\n\n- add(a, b)\n- sub(a, b)\n',
  'src/math.js': 'function add(a, b) {\n  return a + b;\n}\n\nfunction sub(a, b) {\n  return a + b;\n}\n\nmodule.exports = { add, sub };\n',
  'test/math.test.js':
    "const assert = require('assert');\nconst { add, sub } = require('../src/math');\nassert.strictEqual(add(2, 3), 5);\nassert.strictEqual(sub(5, 3), 2);\nconsole.log('ok');\n",
};
const TASK = 'sub() in src/math.js is wrong: fix it, add a mul(a, b) function, document mul in README.md, and write NOTES.md saying what changed.';
const MOVES: Move[] = [
  { call: 'list_files', args: { path: '.' } },
  { call: 'read_file', args: { path: 'src/math.js' } },
  { call: 'search_files', args: { pattern: 'sub\\(' } },
  { call: 'read_file', args: { path: 'test/math.test.js' } },
  { call: 'edit_file', args: { path: 'src/math.js', search: 'function sub(a, b) {\n  return a + b;\n}', replace: 'function sub(a, b) {\n  return a - b;\n}' } },
  {
    call: 'edit_file',
    args: {
      path: 'src/math.js',
      search: 'module.exports = { add, sub };',
      replace: 'function mul(a, b) {\n  return a * b;\n}\n\nmodule.exports = { add, sub, mul };',
    },
  },
  { call: 'read_file', args: { path: 'README.md' } },
  { call: 'edit_file', args: { path: 'README.md', search: '- sub(a, b)\n', replace: '- sub(a, b)\n- mul(a, b)\n' } },
  { call: 'write_file', args: { path: 'NOTES.md', content: 'Fixed sub() (it added); added mul(); documented mul in README.md.\n' } },
  { answer: 'Fixed sub, added mul, documented it and wrote NOTES.md.' },
];

type Msg = { role: string; content: string };

function lcp(a: number[], b: number[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

async function promptTokens(rig: Rig, body: Json): Promise<number[]> {
  const { messages, tools, response_format, grammar } = body;
  const t = await rig.direct('/apply-template', { messages, tools, response_format, grammar });
  const prompt = dig(t.json, 'prompt');
  if (typeof prompt !== 'string') throw new Error(`/apply-template: ${JSON.stringify(t.json).slice(0, 200)}`);
  return tokenize(rig, prompt);
}

async function tokenize(rig: Rig, content: string): Promise<number[]> {
  const r = await rig.direct('/tokenize', { content, add_special: true, parse_special: true });
  return dig(r.json, 'tokens') as number[];
}

interface Step {
  step: number;
  tokens: number[];
  cacheN: number;
  promptN: number;
  lcp: number;
  /** Tokens of the previous prompt the server could not reuse for this one. */
  lost: number;
  /** Tokens of the previous request's volatile tail (separator included). */
  prevTail: number;
}

describe('prompt cache on a real llama-server', () => {
  let rig: Rig;
  const steer = steering(MOVES);
  beforeAll(async () => {
    rig = await startRig(16384, { rewriteChat: steer.rewrite });
    steer.attach(rig.proxy, rig.tokens);
  });
  afterAll(async () => rig?.stop('prompt-cache'));

  test('cache_n is exactly the common prefix with the previous request; the cache breaks only in the volatile tail', async () => {
    const ws = workspace(FILES);
    const r = await smallcode('prompt-cache', ['run', TASK, '--yes', '--max-steps', '14'], { cwd: ws, env: cliEnv(rig.proxy.url) });
    // The code together with stderr, so a failure shows SmallCode's own account.
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: r.stderr });
    expect(fs.readFileSync(path.join(ws, 'src/math.js'), 'utf8')).toContain('return a - b;');
    expect(fs.readFileSync(path.join(ws, 'NOTES.md'), 'utf8')).toContain('Fixed sub()');

    const chats = rig.proxy.chats().filter((c) => c.status === 200 && !isSummaryRequest(c.sent!));
    expect(chats).toHaveLength(MOVES.length);
    const steps: Step[] = [];
    let prev: { tokens: number[]; tail: number } | undefined;
    for (const [i, ex] of chats.entries()) {
      const tokens = await promptTokens(rig, ex.forwarded!);
      const t = streamFacts(ex).timings!;
      // The server's template and tokenizer, asked directly, agree with what it processed.
      expect(tokens.length).toBe(t.cache_n + t.prompt_n);
      const common = prev ? lcp(prev.tokens, tokens) : 0;
      steps.push({
        step: i + 1,
        tokens,
        cacheN: t.cache_n,
        promptN: t.prompt_n,
        lcp: common,
        lost: prev ? prev.tokens.length - common : 0,
        prevTail: prev?.tail ?? 0,
      });
      prev = { tokens, tail: await tailTokens(rig, ex.sent!) };
    }
    for (const s of steps.slice(1)) {
      expect({ step: s.step, cache_n: s.cacheN }).toEqual({ step: s.step, cache_n: Math.min(s.lcp, s.tokens.length - 1) });
      // What was not reused of the previous prompt is its tail (+ the generation prompt and
      // the few tokens where the tail's separator met the new text).
      expect(s.lost).toBeLessThanOrEqual(s.prevTail + 8);
    }

    const replay = await appendOnlyReplay(chats);
    report(steps, replay);
    const ours = steps.reduce((n, s) => n + s.promptN, 0);
    const theirs = replay.reduce((n, s) => n + s.promptN, 0);
    // Generous: the layout may cost its tail per step, not a re-read of the history.
    expect(ours).toBeLessThan(theirs * 1.5);
  });

  /** Tokens of the volatile tail SmallCode appended to the last message of this request. */
  async function tailTokens(rig: Rig, body: Json): Promise<number> {
    const messages = body.messages as Msg[];
    const last = messages[messages.length - 1].content;
    const at = last.lastIndexOf(`${TAIL_SEPARATOR}Tools for this step:`);
    return at < 0 ? 0 : (await tokenize(rig, last.slice(at))).length;
  }

  /**
   * The same conversation sent by a client that only ever appends: request k is SmallCode's
   * history at step k (the next request's prefix, i.e. without the volatile tail), with each
   * assistant message being exactly what the server generated in this replay.
   */
  async function appendOnlyReplay(chats: Exchange[]): Promise<{ promptN: number; cacheN: number }[]> {
    await rig.stop();
    const replaySteer = steering(MOVES);
    rig = await startRig(16384, { rewriteChat: replaySteer.rewrite });
    replaySteer.attach(rig.proxy, rig.tokens);
    const out: { promptN: number; cacheN: number }[] = [];
    const replies: string[] = [];
    for (let k = 0; k < chats.length; k++) {
      const sent = chats[k].sent!;
      const own = sent.messages as Msg[];
      let history: Msg[];
      if (k + 1 < chats.length) history = (chats[k + 1].sent!.messages as Msg[]).slice(0, own.length);
      else {
        const last = own[own.length - 1];
        const at = last.content.lastIndexOf(`${TAIL_SEPARATOR}Tools for this step:`);
        history = [...own.slice(0, -1), { ...last, content: at < 0 ? last.content : last.content.slice(0, at) }];
      }
      let a = 0;
      const messages = history.map((m) => (m.role === 'assistant' ? { role: 'assistant', content: replies[a++] ?? m.content } : m));
      const res = await fetch(`${rig.proxy.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: sent.model, messages, stream: true, stream_options: { include_usage: true }, max_tokens: sent.max_tokens }),
      });
      await res.text();
      const facts = streamFacts(rig.proxy.chats().at(-1)!);
      replies.push(facts.content);
      out.push({ promptN: facts.timings!.prompt_n, cacheN: facts.timings!.cache_n });
    }
    return out;
  }
});

function report(steps: Step[], replay: { promptN: number; cacheN: number }[]): void {
  const rows = [
    '| step | SmallCode: prompt | cache_n | common prefix | processed | prev. tail | append-only: prompt | cache_n | processed | reply reused |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...steps.map((s, i) => {
      const a = replay[i];
      const prev = replay[i - 1];
      // Tokens of the previous reply the server kept and this prompt repeated.
      const reused = a && prev ? Math.max(0, a.cacheN - (prev.cacheN + prev.promptN)) : 0;
      return `| ${s.step} | ${s.tokens.length} | ${s.cacheN} | ${s.lcp} | ${s.promptN} | ${s.prevTail} | ${a ? a.cacheN + a.promptN : '-'} | ${a?.cacheN ?? '-'} | ${a?.promptN ?? '-'} | ${reused} |`;
    }),
  ];
  const ours = steps.reduce((n, s) => n + s.promptN, 0);
  const theirs = replay.reduce((n, s) => n + s.promptN, 0);
  const all = steps.reduce((n, s) => n + s.tokens.length, 0);
  rows.push(
    '',
    `SmallCode made the server process ${ours} prompt tokens; an append-only client ${theirs} (${theirs ? (((ours - theirs) / theirs) * 100).toFixed(1) : '?'} %).`,
    `Reused from the cache: ${all - ours} of ${all} prompt tokens (${((1 - ours / all) * 100).toFixed(1)} %).`,
  );
  const text = rows.join('\n');
  const file = path.join(cacheRoot(), 'last-prompt-cache-report.md');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text + '\n');
  process.stderr.write(`\nprompt cache on a real llama-server (also in ${file}):\n${text}\n\n`);
}
