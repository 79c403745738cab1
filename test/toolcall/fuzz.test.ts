// 100,000 random and mutated inputs: the parser never throws, always returns a well-formed result,
// and finishes (jest's timeout is the hang detector). Seeded, so every run is the same.
import { parseToolCalls } from '../../src/toolcall/index';
import type { ParseResult } from '../../src/toolcall/index';
import { PRODUCT_TOOLS, loadCorpus } from './corpus';
import { toolSpecsForNames } from '../../src/tools/registry';

const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  ':',
  ',',
  '\\',
  '\n',
  ' ',
  '<tool_call>',
  '</tool_call>',
  '<function=',
  '<parameter=',
  '</parameter>',
  '</function>',
  '[TOOL_CALLS]',
  '[ARGS]',
  '<|python_tag|>',
  'call:',
  '<escape>',
  'to=functions.',
  '<|message|>',
  '<think>',
  '</think>',
  '```json',
  '```',
  '"name"',
  '"arguments"',
  'read_file',
  'run_command',
  '(',
  ')',
  '=',
  'True',
  'None',
  '<read_file>',
  '<path>',
  '<read_file path="',
  '" />',
  '<tool_call name="read_file">',
  '<param name="',
  '<![CDATA[',
  ']]>',
  '\\n',
  'json<|message|>',
  '<|channel|>',
  '\u0000',
  '😀',
  'a',
  '1',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(src: string, r: () => number): string {
  let s = src;
  const n = 1 + Math.floor(r() * 4);
  for (let k = 0; k < n; k++) {
    const i = Math.floor(r() * (s.length + 1));
    const op = Math.floor(r() * 5);
    if (op === 0) s = s.slice(0, i) + s.slice(i + 1 + Math.floor(r() * 8));
    else if (op === 1) s = s.slice(0, i) + TOKENS[Math.floor(r() * TOKENS.length)] + s.slice(i);
    else if (op === 2) s = s.slice(0, i);
    else if (op === 3) s = s.slice(0, i) + s.slice(Math.floor(r() * s.length));
    else s = s + s.slice(i);
  }
  return s;
}

function randomText(r: () => number): string {
  const n = Math.floor(r() * 40);
  let s = '';
  for (let i = 0; i < n; i++) s += TOKENS[Math.floor(r() * TOKENS.length)];
  return s;
}

function wellFormed(res: ParseResult): boolean {
  return (
    Array.isArray(res.calls) &&
    res.calls.every((c) => typeof c.name === 'string' && c.name.length > 0 && typeof c.arguments === 'object' && c.arguments !== null) &&
    typeof res.text === 'string' &&
    Array.isArray(res.diagnostics) &&
    typeof res.intendedButUnreadable === 'boolean'
  );
}

describe('parser fuzz', () => {
  it('survives 100,000 random and mutated inputs', () => {
    const seeds = loadCorpus().map((c) => c.input);
    const r = rng(20261125);
    const tools = toolSpecsForNames(PRODUCT_TOOLS);
    const bad: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const input = i % 3 === 0 ? randomText(r) : mutate(seeds[Math.floor(r() * seeds.length)], r);
      let res: ParseResult;
      try {
        res = parseToolCalls(input, undefined, i % 2 ? { tools } : {});
      } catch (e) {
        bad.push(`${JSON.stringify(input).slice(0, 200)} threw ${String(e)}`);
        continue;
      }
      if (!wellFormed(res)) bad.push(`${JSON.stringify(input).slice(0, 200)} gave a malformed result`);
      if (bad.length > 5) break;
    }
    expect(bad).toEqual([]);
  });

  it('handles large adversarial inputs (unclosed braces and tags repeated thousands of times)', () => {
    const traps = [
      '{"name": "x", "a": '.repeat(3000),
      '<tool_call>'.repeat(5000),
      '[{'.repeat(10000),
      'read_file('.repeat(5000),
      '<read_file><path>'.repeat(3000),
      '"'.repeat(20000),
      'call:f{'.repeat(4000),
      '<function=a>'.repeat(4000),
      '<tool_call name="read_file">{'.repeat(5000),
      '<read_file path="a"'.repeat(5000),
      '<tool_call name="read_file">'.repeat(5000),
      '{"a": \\n'.repeat(5000),
    ];
    const tools = toolSpecsForNames(PRODUCT_TOOLS);
    for (const t of traps) {
      const res = parseToolCalls(t, undefined, { tools });
      expect(wellFormed(res)).toBe(true);
    }
  });
});
