import type { ChatMessage } from '../../src/types/messages';
import { createTokenCounter } from '../../src/context/token-counter';
import { stubOldToolOutputs, summarizeOldest, compactToFit, foldForTurns, isSafeBoundary, COMPACT_GOAL, SUMMARY_HEADER } from '../../src/context/compaction';

const bigFile = (n: number) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i} * factor; // line ${i}`).join('\n');

/** A realistic agent history: `turns` user turns, each with a read, an edit and a command. */
function session(turns: number, resultLines = 80): ChatMessage[] {
  const h: ChatMessage[] = [];
  for (let t = 0; t < turns; t++) {
    h.push({ role: 'user', content: t === 0 ? 'Fix the failing test in src/math.ts' : `Now also handle case ${t}` });
    h.push({ role: 'assistant', content: 'Reading the file.', toolCalls: [{ id: `r${t}`, name: 'read_file', arguments: { path: `src/file${t}.ts` } }] });
    h.push({
      role: 'tool',
      toolCallId: `r${t}`,
      toolName: 'read_file',
      content: bigFile(resultLines),
      stub: `read_file src/file${t}.ts → ${resultLines} lines`,
    });
    h.push({
      role: 'assistant',
      content: '',
      toolCalls: [{ id: `e${t}`, name: 'edit_file', arguments: { path: `src/file${t}.ts`, old_str: 'a', new_str: 'b' } }],
    });
    h.push({
      role: 'tool',
      toolCallId: `e${t}`,
      toolName: 'edit_file',
      content: t % 2 ? 'Error: no match for old_str in src/file' + t + '.ts' : 'Applied edit to src/file' + t + '.ts',
    });
    h.push({ role: 'assistant', content: `Done with step ${t}.` });
  }
  return h;
}

describe('stubOldToolOutputs', () => {
  it('stubs all but the last N tool results, preferring the tool-given stub, and keeps identity elsewhere', () => {
    const h = session(3);
    const out = stubOldToolOutputs(h, 2);
    expect(out).not.toBe(h);
    expect(out).toHaveLength(h.length);
    const toolIdx = h.flatMap((m, i) => (m.role === 'tool' ? [i] : []));
    const recent = toolIdx.slice(-2);
    for (let i = 0; i < h.length; i++) {
      if (h[i].role !== 'tool' || recent.includes(i)) expect(out[i]).toBe(h[i]);
    }
    expect(out[2].content).toBe('read_file src/file0.ts → 80 lines');
    expect(out[2].toolCallId).toBe('r0');
    // short results are not "stubbed" into something longer
    expect(out[4]).toBe(h[4]);
    expect(h[2].content).toContain('export const'); // input not mutated
  });

  it('generates a one-liner when the tool gave no stub', () => {
    const h: ChatMessage[] = [
      { role: 'tool', toolName: 'run_command', content: bigFile(50) },
      { role: 'tool', toolName: 'run_command', content: 'ok' },
    ];
    const out = stubOldToolOutputs(h, 1);
    expect(out[0].content).toMatch(/^\[run_command result elided to save context: 50 lines/);
    expect(out[0].content.split('\n')).toHaveLength(1);
  });
});

describe('fold points', () => {
  it('never splits a tool call from its result', () => {
    const h = session(2);
    expect(isSafeBoundary(h, 2)).toBe(false); // h[2] is a tool result
    expect(isSafeBoundary(h, 3)).toBe(true);
    expect(foldForTurns(h, 1)).toBe(6);
    // one long turn: fold the older half at a safe boundary
    const one = session(1).concat(session(1).slice(1));
    const f = foldForTurns(one, 1);
    expect(f).toBeGreaterThan(0);
    expect(one[f].role).not.toBe('tool');
  });
});

describe('summarizeOldest', () => {
  it('uses the model summary in the fixed template', async () => {
    const h = session(4);
    let seen = '';
    let folded = -1;
    const r = await summarizeOldest(h, {
      keepRecentTurns: 2,
      summarize: async (t, _signal, fold) => {
        seen = t;
        folded = fold ?? -1;
        return '<think>hmm</think>Goal: fix the failing test\nDecisions: edited src/file0.ts\nFiles touched: src/file0.ts, src/file1.ts\nOpen problems: none';
      },
    });
    expect(r.method).toBe('summary');
    expect(folded).toBe(12);
    expect(seen).toContain('Fix the failing test');
    expect(seen).toContain('read_file');
    expect(r.history[0].role).toBe('user');
    expect(r.history[0].content.startsWith(`${SUMMARY_HEADER}\nGoal: fix the failing test`)).toBe(true);
    expect(r.history[0].content).not.toContain('<think>');
    expect(r.history.slice(1)).toEqual(h.slice(12));
    expect(r.history[1]).toBe(h[12]); // kept messages keep identity
  });

  it.each([
    ['throws', async () => Promise.reject(new Error('boom'))],
    ['returns junk', async () => 'Sure! Here you go.'],
    ['returns an over-long text', async () => 'Goal: x\n' + 'blah '.repeat(5000)],
  ])('falls back to the extractive summary when the model %s', async (_, summarize) => {
    const h = session(4);
    const r = await summarizeOldest(h, { keepRecentTurns: 1, summarize });
    expect(r.method).toBe('extractive');
    const s = r.history[0].content;
    expect(s.split('\n')[0]).toBe(SUMMARY_HEADER);
    expect(s).toMatch(/^Goal: Fix the failing test in src\/math\.ts$/m);
    expect(s).toMatch(/^Decisions: .*user asked: Now also handle case 1.*actions: read_file src\/file0\.ts; edit_file src\/file0\.ts/m);
    expect(s).toMatch(/^Files touched: src\/file0\.ts, src\/file1\.ts, src\/file2\.ts$/m);
    expect(s).toMatch(/^Open problems: edit_file: Error: no match for old_str in src\/file1\.ts$/m);
  });

  it('merges an earlier summary into the next one', async () => {
    const first = await summarizeOldest(session(4), { keepRecentTurns: 2 });
    const grown = [...first.history, ...session(3).slice(6)];
    const second = await summarizeOldest(grown, { keepRecentTurns: 1 });
    const s = second.history[0].content;
    expect(s).toMatch(/^Goal: Fix the failing test in src\/math\.ts$/m);
    expect(s).toContain('src/file0.ts');
    expect(s.match(/\[Summary of earlier conversation\]/g)).toHaveLength(1);
  });
});

describe('compactToFit', () => {
  const counter = createTokenCounter();

  it('does nothing when the history fits', async () => {
    const h = session(2, 5);
    const r = await compactToFit(h, 100000, counter);
    expect(r.method).toBe('none');
    expect(r.history).toBe(h);
  });

  it('stubs first, shrinking to at most half of the target', async () => {
    const h = session(6, 120);
    const before = counter.countMessages(h);
    const target = Math.floor(before * 0.9);
    const r = await compactToFit(h, target, counter);
    expect(r.method).toBe('stubs');
    expect(r.before).toBe(before);
    expect(r.after).toBeLessThanOrEqual(target * COMPACT_GOAL);
    expect(r.after).toBe(counter.countMessages(r.history));
  });

  it('summarises when stubs are not enough, and never splits call/result pairs', async () => {
    const h = session(30, 20);
    const target = Math.floor(counter.countMessages(stubOldToolOutputs(h, 1)) * 0.6);
    const r = await compactToFit(h, target, counter, async () => 'Goal: fix the test\nDecisions: many edits\nFiles touched: src/a.ts\nOpen problems: none');
    expect(r.method).toBe('summary');
    expect(r.after).toBeLessThanOrEqual(target * COMPACT_GOAL);
    expect(r.history[0].content.startsWith(SUMMARY_HEADER)).toBe(true);
    expect(r.history[1].role).not.toBe('tool');
    // every tool result still follows an assistant call with its id
    const ids = new Set(r.history.flatMap((m) => (m.toolCalls ?? []).map((c) => c.id)));
    for (const m of r.history) if (m.role === 'tool') expect(ids.has(m.toolCallId ?? '')).toBe(true);
  });

  it('keeps the transcript for the summariser within the window it will be sent in', async () => {
    const h = session(40, 60);
    let length = 0;
    let transcript = '';
    await compactToFit(h, 1500, counter, async (t) => {
      length = t.length;
      transcript = t;
      return 'Goal: g\nDecisions: d\nFiles touched: f\nOpen problems: none';
    });
    expect(length).toBeGreaterThan(1000);
    expect(length).toBeLessThanOrEqual(Math.max(2000, 1500 * 0.8 * 3) + 300);
    expect(transcript.startsWith('[user] Fix the failing test')).toBe(true); // the goal survives
    expect(transcript).toMatch(/\[… \d+ older messages left out\]/);
  });

  it('does not apply a summary that would grow the history (an extractive one over a few short turns)', async () => {
    // Short messages naming several files: the fixed summary template is longer than what it folds.
    const h: ChatMessage[] = [];
    for (let t = 0; t < 2; t++) {
      h.push({ role: 'user', content: `t${t}` });
      h.push({ role: 'assistant', content: '', toolCalls: [{ id: `c${t}`, name: 'read_file', arguments: { path: `src/a/long/folder/name/file${t}.ts` } }] });
      h.push({ role: 'tool', toolCallId: `c${t}`, toolName: 'read_file', content: 'ok' });
    }
    const before = counter.countMessages(h);
    const r = await compactToFit(h, Math.floor(before * 0.9), counter);
    expect(r.method).toBe('none');
    expect(r.history).toBe(h);
    expect(r.after).toBe(before);
  });

  it('uses the extractive fallback without a summariser', async () => {
    const h = session(30, 20);
    const r = await compactToFit(h, 800, counter);
    expect(r.method).toBe('extractive');
    expect(r.after).toBeLessThan(r.before);
  });
});

describe('text-tool mode results (user messages marked with toolName)', () => {
  const result = (n: number): ChatMessage => ({
    role: 'user',
    toolName: 'read_file',
    content: `<tool_result name="read_file">\n${'line\n'.repeat(200)}</tool_result>`,
    stub: `<tool_result name="read_file">read_file f${n}.ts → 200 lines</tool_result>`,
  });
  const call = (n: number): ChatMessage => ({ role: 'assistant', content: `<tool_call>{"name":"read_file","arguments":{"path":"f${n}.ts"}}</tool_call>` });
  const history: ChatMessage[] = [{ role: 'user', content: 'read them all' }, call(1), result(1), call(2), result(2), call(3), result(3)];

  it('are stubbed like native tool results, keeping the most recent ones', () => {
    const out = stubOldToolOutputs(history, 1);
    expect(out[2].content).toBe('<tool_result name="read_file">read_file f1.ts → 200 lines</tool_result>');
    expect(out[4].content).toBe('<tool_result name="read_file">read_file f2.ts → 200 lines</tool_result>');
    expect(out[6]).toBe(history[6]);
    expect(out[0]).toBe(history[0]);
  });

  it('are never separated from the call they answer', () => {
    expect(isSafeBoundary(history, 2)).toBe(false);
    expect(isSafeBoundary(history, 3)).toBe(true);
  });
});
