// Replies that once blocked the process: quadratic scans (100 KB of spaces took 22–47 s, repeated
// `<tool_call>{"` hung past 60 s) and deep nesting (a stack overflow). At 200 KB each, a quadratic
// scan takes minutes, so the per-input budget below tells a hang from linear work under any load.
import { parseToolCalls } from '../../src/toolcall/index';
import { toolSpecsForNames } from '../../src/tools/registry';

const SIZE = 200_000;
const BUDGET_MS = 20_000;
const repeat = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length));

const CASES: [string, string][] = [
  ['a run of spaces', `${' '.repeat(SIZE)}x`],
  ['spaces and tabs before a newline', `${' \t'.repeat(SIZE / 2)}\nx`],
  ['repeated unclosed <tool_call>{"', repeat('<tool_call>{"')],
  ['arrays nested 100,000 deep in a call tag', `<tool_call>${'['.repeat(SIZE / 2)}${']'.repeat(SIZE / 2)}`],
  ['objects nested 33,000 deep as arguments', `<tool_call>{"name":"read_file","arguments":${'{"a":'.repeat(SIZE / 6)}1${'}'.repeat(SIZE / 6)}`],
  ['unclosed arrays', `{"name":"read_file","arguments":${'['.repeat(SIZE)}`],
  ['repeated function tags', repeat('<function=x><parameter=a>')],
  ['repeated <think>', repeat('<think>')],
  ['repeated [TOOL_CALLS]', repeat('[TOOL_CALLS]')],
  ['repeated SEARCH markers', repeat('<<<<<<< SEARCH\n')],
  ['repeated pythonic openers', repeat('read_file(')],
  ['repeated Gemma call openers (argument-value spans)', repeat('call:read_file{')],
  ['repeated tool elements (argument-value spans)', repeat('<read_file><path>')],
  ['repeated tagged function calls with unclosed parameters', repeat('<tool_call><function=x><parameter=a>\n</tool_call>')],
  ['a string of backslashes', `<tool_call>{"name":"read_file","arguments":{"path":"${'\\'.repeat(SIZE)}`],
];

const tools = toolSpecsForNames(['read_file', 'edit_file', 'write_file', 'run_command', 'search_files']);

describe('pathological replies', () => {
  it.each(CASES)(
    '%s: parsed without throwing, within the budget',
    (_name, text) => {
      const started = Date.now();
      const result = parseToolCalls(text, undefined, { tools });
      expect(Array.isArray(result.calls)).toBe(true);
      expect(Date.now() - started).toBeLessThan(BUDGET_MS);
    },
    BUDGET_MS * 3,
  );
});
