// read_file: a file with numbered lines ("12<TAB>text"), capped to the result budget with an
// exact hint how to read on; binary files and folders are refused with what to do instead.
import { resolveInWorkspace } from '../workspace/jail';
import { listFiles } from '../workspace/list-files';
import { pathKind } from '../workspace/path-kind';
import { readTextFile, splitLines } from '../workspace/text-file';
import { intArg, stringArg } from './args';
import { toolError, toolOk } from './result';
import type { Tool, ToolContext, ToolResult } from './types';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Room kept for the continuation hint. */
const HINT_RESERVE = 120;

/**
 * `12<TAB>text`: the cheapest prefix the patch engine still strips when a model copies it back
 * into SEARCH text (2.9 Qwen3 tokens per line against 5.1 for the padded `  12 | `; bench/read-cost).
 */
export function numberLine(n: number, text: string): string {
  return `${n}\t${text}`;
}

/** Up to three workspace files with the same base name, for a "did you mean" hint. */
async function sameNameFiles(root: string, rel: string, signal: AbortSignal): Promise<string[]> {
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  if (!base || /[*?[{]/.test(base)) return [];
  const found = await listFiles(root, '.', { pattern: base, limit: 3, scanLimit: 20_000, signal });
  return found.entries;
}

/**
 * Models often copy "src/a.ts:42" from search results into the path. When only the version
 * without the suffix exists, read from a few lines before that line.
 */
export function splitLineSuffix(root: string, requested: string): { path: string; line?: number } {
  const m = /^(.*?):(\d+)(?::\d+)?$/.exec(requested.trim());
  if (!m) return { path: requested };
  const whole = resolveInWorkspace(root, requested);
  if (whole.ok && pathKind(whole.abs) !== 'missing') return { path: requested };
  const bare = resolveInWorkspace(root, m[1]);
  return bare.ok && pathKind(bare.abs) === 'file' ? { path: m[1], line: Number(m[2]) } : { path: requested };
}

async function run(args: Record<string, unknown>, ctx: ToolContext): Promise<ToolResult> {
  const requested = stringArg(args, 'path', true);
  if (!requested.ok) return toolError('bad_args', `${requested.message}: read_file(path, start_line?, end_line?)`);
  const suffix = splitLineSuffix(ctx.root, requested.value);
  if (suffix.line !== undefined && args.start_line === undefined) args = { ...args, start_line: Math.max(1, suffix.line - 10) };
  // Common model habits: 0-based start_line=0, and end_line=-1 (or 0) meaning "to the end".
  if (Number(args.start_line) === 0 && args.start_line !== '' && args.start_line !== null) args = { ...args, start_line: 1 };
  if (Number(args.end_line) <= 0 && args.end_line !== '' && args.end_line !== null) args = { ...args, end_line: undefined };
  const start = intArg(args, 'start_line');
  const end = intArg(args, 'end_line');
  if (!start.ok) return toolError('bad_args', start.message);
  if (!end.ok) return toolError('bad_args', end.message);
  const jailed = resolveInWorkspace(ctx.root, suffix.path);
  if (!jailed.ok) return toolError('outside_workspace', jailed.message);

  const file = await readTextFile(jailed.abs, jailed.rel, MAX_FILE_BYTES, ctx.signal);
  if (!file.ok) {
    if (file.code !== 'not_found') return toolError(file.code, file.message);
    const similar = await sameNameFiles(ctx.root, jailed.rel, ctx.signal);
    const hint = similar.length > 0 ? `; did you mean ${similar.join(', ')}?` : ': use list_files or search_files to find it';
    return toolError('not_found', `${file.message}${hint}`);
  }

  const lines = splitLines(file.text);
  const total = lines.length;
  const rel = jailed.rel;
  if (total === 0) return toolOk(`(${rel} is empty)`, `${rel} · empty`, { kind: 'read', path: rel, lines: 0, startLine: 0, endLine: 0 });
  const from = start.value ?? 1;
  if (from > total) return toolError('bad_args', `start_line=${from} is past the end: ${rel} has ${total} lines`);
  const to = Math.min(end.value ?? total, total);
  if (to < from) return toolError('bad_args', `end_line=${to} is before start_line=${from}`);

  const budget = Math.max(200, ctx.outputCap - HINT_RESERVE);
  const out: string[] = [];
  let used = 0;
  let last = from - 1;
  for (let n = from; n <= to; n++) {
    let line = numberLine(n, lines[n - 1]);
    if (used + line.length + 1 > budget) {
      if (out.length > 0) break;
      line = `${line.slice(0, budget - 20)} … (line cut)`;
    }
    out.push(line);
    used += line.length + 1;
    last = n;
  }
  if (last < total) {
    const tail = last < to || end.value === undefined ? ` read_file with start_line=${last + 1} to continue` : '';
    out.push(`… file has ${total} lines; showing ${from}-${last}.${tail}`);
  }
  return toolOk(out.join('\n'), `${rel} · ${from}-${last} of ${total} lines`, {
    kind: 'read',
    path: rel,
    lines: total,
    startLine: from,
    endLine: last,
  });
}

export const readFileTool: Tool = {
  name: 'read_file',
  description: 'Read a text file with numbered lines; use start_line/end_line for long files.',
  parameters: {
    type: 'object',
    properties: {
      path: { type: 'string', description: 'File path relative to the workspace root' },
      start_line: { type: 'integer', description: 'First line to show (1-based)' },
      end_line: { type: 'integer', description: 'Last line to show' },
    },
    required: ['path'],
  },
  risk: 'read',
  run,
};
