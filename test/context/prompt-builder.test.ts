import type { ChatMessage } from '../../src/types/messages';
import { createTokenCounter } from '../../src/context/token-counter';
import { buildPrompt, prefixReuse, prefixKept, summaryRequestMessages } from '../../src/context/prompt-builder';
import { acceptSummary, SUMMARY_HEADER } from '../../src/context/summary';

const counter = createTokenCounter();
const SYSTEM = 'You are SmallCode, a coding assistant. Use the tools.';

function history(n: number): ChatMessage[] {
  const h: ChatMessage[] = [];
  for (let i = 0; i < n; i++) {
    h.push({ role: 'user', content: `request ${i}: change function f${i}` });
    h.push({ role: 'assistant', content: `I changed f${i}.` });
  }
  return h;
}

describe('buildPrompt', () => {
  it('appends the tail to the last user message and keeps the prefix byte-identical', () => {
    const h = history(3);
    const first = buildPrompt({ system: SYSTEM, history: h.slice(0, 5), tail: 'Plan: 1/3 done', window: 8192, reserve: 2048, counter });
    expect(first.messages[0]).toEqual({ role: 'system', content: SYSTEM });
    expect(first.messages).toHaveLength(6);
    expect(first.messages[5].content).toBe('request 2: change function f2\n\nPlan: 1/3 done');
    expect(h[4].content).toBe('request 2: change function f2'); // history not mutated
    const next = buildPrompt({
      system: SYSTEM,
      history: [...h, { role: 'user', content: 'go on' }],
      tail: 'Plan: 2/3 done',
      window: 8192,
      reserve: 2048,
      counter,
    });
    // everything before the previous request's tail-bearing message is identical
    expect(next.messages.slice(0, 5)).toEqual(first.messages.slice(0, 5));
  });

  it('adds the tail as a final user message after an assistant or tool message', () => {
    const h = history(2);
    const p = buildPrompt({ system: SYSTEM, history: h, tail: 'notes', window: 8192, reserve: 2048, counter });
    expect(p.messages[p.messages.length - 1]).toEqual({ role: 'user', content: 'notes' });
    expect(p.messages.slice(1, -1)).toEqual(h);
    const none = buildPrompt({ system: SYSTEM, history: h, tail: '', window: 8192, reserve: 2048, counter });
    expect(none.messages).toHaveLength(h.length + 1);
  });

  it('reports shares that add up and agree with counting the whole prompt', () => {
    const h = history(10);
    const p = buildPrompt({ system: SYSTEM, history: h, tail: 'Plan (.smallcode/TODO.md): 0/2 done', window: 8192, reserve: 2048, counter, toolsTokens: 300 });
    const r = p.report;
    expect(r.prompt).toBe(r.system + r.tools + r.plan + r.pinned + r.history);
    expect(r.tools).toBe(300);
    expect(r.free).toBe(8192 - 2048 - r.prompt);
    expect(p.fits).toBe(true);
    const whole = counter.countMessages(p.messages);
    expect(Math.abs(r.prompt - 300 - whole)).toBeLessThanOrEqual(4); // rounding per share only
  });

  it('says it does not fit when the prompt exceeds window − reserve', () => {
    const big: ChatMessage[] = [{ role: 'user', content: 'word '.repeat(5000) }];
    const p = buildPrompt({ system: SYSTEM, history: big, tail: '', window: 4096, reserve: 1024, counter });
    expect(p.fits).toBe(false);
    expect(p.report.free).toBeLessThan(0);
  });
});

describe('prefixReuse', () => {
  it('is near 1 for an appended history and low after an early change', () => {
    const h = history(20);
    const a = buildPrompt({ system: SYSTEM, history: h, tail: 'tail A', window: 32768, reserve: 4096, counter }).messages;
    const b = buildPrompt({
      system: SYSTEM,
      history: [...h, { role: 'assistant', content: 'more' }],
      tail: 'tail B',
      window: 32768,
      reserve: 4096,
      counter,
    }).messages;
    expect(prefixReuse(a, b, counter)).toBeGreaterThan(0.9);
    const changed = buildPrompt({ system: 'Today is Monday. ' + SYSTEM, history: h, tail: 'tail A', window: 32768, reserve: 4096, counter }).messages;
    expect(prefixReuse(a, changed, counter)).toBeLessThan(0.05);
    // the previous prompt survives almost whole (all but its volatile tail) when history grows
    expect(prefixKept(a, b, counter)).toBeGreaterThan(0.97);
    expect(prefixKept(a, changed, counter)).toBeLessThan(0.05);
  });
});

describe('summary request', () => {
  it('continues the same prompt and appends one instruction', () => {
    const h = history(4);
    const msgs = summaryRequestMessages(SYSTEM, h, 4);
    expect(msgs[0]).toEqual({ role: 'system', content: SYSTEM });
    expect(msgs.slice(1, -1)).toEqual(h);
    const last = msgs[msgs.length - 1];
    expect(last.role).toBe('user');
    expect(last.content).toContain('first 4 messages');
    expect(last.content).toContain(SUMMARY_HEADER);
    expect(last.content).toContain('Open problems:');
  });

  it('accepts a fenced summary without header and rejects junk', () => {
    expect(acceptSummary('```\nGoal: a\nDecisions: b\nFiles touched: c\nOpen problems: none\n```', 1000)).toBe(
      `${SUMMARY_HEADER}\nGoal: a\nDecisions: b\nFiles touched: c\nOpen problems: none`,
    );
    expect(acceptSummary('', 1000)).toBeUndefined();
    expect(acceptSummary(42, 1000)).toBeUndefined();
  });
});
