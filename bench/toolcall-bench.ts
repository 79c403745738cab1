// Parse-time benchmark for the tool-call parser: medians for a 4 KB reply (prose + one call) and a
// 64 KB reply (a big write_file call), against the targets ≤ 0.2 ms and ≤ 3 ms.
import type { BenchRow } from './types';
import { parseToolCalls } from '../src/toolcall/index';
import { toolSpecsForNames } from '../src/tools/registry';

const TOOLS = toolSpecsForNames(['read_file', 'list_files', 'search_files', 'edit_file', 'write_file', 'run_command', 'update_plan']);

function proseWithCall(size: number): string {
  const para =
    'The failing test comes from `parseArgs`, which reads argv[1] where it should read argv[2]; the fix is one line, but first I want to see the surrounding code and its callers. ';
  let prose = '';
  while (prose.length < size - 200) prose += para;
  return `${prose}\n\n<tool_call>\n{"name": "read_file", "arguments": {"path": "src/cli/args.ts", "start_line": 1, "end_line": 80}}\n</tool_call>`;
}

function bigWrite(size: number): string {
  const line = 'export function add(a: number, b: number): number { return a + b; } // "quoted" & <tagged>\n';
  let content = '';
  while (content.length < size - 200) content += line;
  return `I'll write the file.\n<tool_call>\n${JSON.stringify({ name: 'write_file', arguments: { path: 'src/big.ts', content } })}\n</tool_call>`;
}

function median(text: string, runs: number): number {
  for (let i = 0; i < 20; i++) parseToolCalls(text, undefined, { tools: TOOLS }); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    parseToolCalls(text, undefined, { tools: TOOLS });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function bench(): Promise<BenchRow[]> {
  const small = median(proseWithCall(4096), 2000);
  const large = median(bigWrite(65536), 300);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return [
    { area: 'toolcall', metric: 'parse 4 KB (prose + call), median', value: round(small), unit: 'ms', target: '≤ 0.2', pass: small <= 0.2 },
    { area: 'toolcall', metric: 'parse 64 KB (write_file call), median', value: round(large), unit: 'ms', target: '≤ 3', pass: large <= 3 },
  ];
}
