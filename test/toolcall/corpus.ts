// Loads the golden corpus in test/fixtures/toolcall/*.txt (format: see that folder's README) and
// scores the parser against it. Shared by the corpus test and the benchmark.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ToolCallRef } from '../../src/types/messages';
import type { ToolSpec } from '../../src/types/tool-spec';
import { parseToolCalls } from '../../src/toolcall/index';
import { toolSpecsForNames } from '../../src/tools/registry';
import type { ParseResult } from '../../src/toolcall/index';

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'toolcall');
export const PRODUCT_TOOLS = ['read_file', 'list_files', 'search_files', 'edit_file', 'write_file', 'run_command', 'update_plan'];

export interface Case {
  file: string;
  id: string;
  source: string;
  tools: ToolSpec[] | undefined;
  native?: ToolCallRef[];
  expect: { name: string; arguments: Record<string, unknown> }[];
  unreadable: boolean;
  input: string;
}

export function loadCorpus(): Case[] {
  const out: Case[] = [];
  for (const file of fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
    for (const block of text.split(/^### /m).slice(1)) {
      const sep = block.indexOf('\n---\n');
      const head = block.slice(0, sep === -1 ? block.length : sep).split('\n');
      const input = sep === -1 ? '' : block.slice(sep + 5).replace(/\n$/, '');
      const field = (k: string) =>
        head
          .find((l) => l.startsWith(`${k}:`))
          ?.slice(k.length + 1)
          .trim();
      const tools = field('tools') ?? 'default';
      out.push({
        file,
        id: head[0].trim(),
        source: field('source') ?? '',
        tools: tools === 'none' ? undefined : toolSpecsForNames(tools === 'default' ? PRODUCT_TOOLS : tools.split(',')),
        native: field('native') ? (JSON.parse(field('native') as string) as ToolCallRef[]) : undefined,
        expect: JSON.parse(field('expect') ?? '[]'),
        unreadable: field('unreadable') === 'true',
        input,
      });
    }
  }
  return out;
}

export function runCase(c: Case): ParseResult {
  return parseToolCalls(c.input, c.native, { tools: c.tools });
}

/** Exact: same calls (name and arguments, in order) and, where the case says so, the unreadable flag. */
export function caseMatches(c: Case, r: ParseResult): boolean {
  const got = r.calls.map((x) => ({ name: x.name, arguments: x.arguments }));
  if (JSON.stringify(sortKeys(got)) !== JSON.stringify(sortKeys(c.expect))) return false;
  return !c.unreadable || r.intendedButUnreadable;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}
