// search_files: a JS regular expression over the workspace's text files, results as
// "path:line: text", capped in count and characters, with the total so the model can narrow.
// The regex runs in a worker under time limits (workspace/regex-worker.ts): a pattern that
// backtracks without end yields a one-line error, never a hung process.
import { resolveInWorkspace } from '../workspace/jail';
import { pathKind } from '../workspace/path-kind';
import { rulesForStart } from '../workspace/walk';
import { searchFiles } from '../workspace/search-files';
import { stringArg } from './args';
import { toolError, toolOk } from './result';
import type { Tool, ToolContext, ToolResult } from './types';

const MAX_MATCHES = 100;
const MAX_LINE_CHARS = 200;

export type CompiledPattern = { re: RegExp; note?: string };

/** `/re/flags` is honoured; an invalid regex is searched literally, with a note saying so. */
export function compileSearchPattern(pattern: string): CompiledPattern {
  const slashed = /^\/(.+)\/([a-z]*)$/s.exec(pattern);
  if (slashed) {
    try {
      return { re: new RegExp(slashed[1], slashed[2].replace(/[gy]/g, '')) };
    } catch {
      // fall through: try the whole text as a regex, then literally
    }
  }
  try {
    return { re: new RegExp(pattern) };
  } catch (err) {
    const why = err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : 'invalid';
    const escaped = pattern.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    return { re: new RegExp(escaped), note: `pattern is not a valid regular expression (${why}); searched for it as literal text` };
  }
}

/**
 * The line trimmed to MAX_LINE_CHARS, keeping the match (at `column` of the untrimmed line) in
 * view on long lines. The column comes from the search: the model's regex never runs here.
 */
export function clip(text: string, column: number): string {
  const t = text.trim();
  if (t.length <= MAX_LINE_CHARS) return t;
  const lead = text.length - text.trimStart().length;
  const at = Math.max(0, column - lead - 60);
  const start = at + MAX_LINE_CHARS > t.length ? Math.max(0, t.length - MAX_LINE_CHARS) : at;
  return `${start > 0 ? '… ' : ''}${t.slice(start, start + MAX_LINE_CHARS)}${start + MAX_LINE_CHARS < t.length ? ' …' : ''}`;
}

async function run(args: Record<string, unknown>, ctx: ToolContext): Promise<ToolResult> {
  const pattern = stringArg(args, 'pattern', true);
  const p = stringArg(args, 'path', false);
  const glob = stringArg(args, 'glob', false);
  if (!pattern.ok) return toolError('bad_args', `${pattern.message}: search_files(pattern, path?, glob?)`);
  if (!p.ok) return toolError('bad_args', p.message);
  if (!glob.ok) return toolError('bad_args', glob.message);
  const jailed = resolveInWorkspace(ctx.root, p.value ?? '.');
  if (!jailed.ok) return toolError('outside_workspace', jailed.message);
  const kind = pathKind(jailed.abs);
  if (kind === 'missing') return toolError('not_found', `path not found: ${jailed.rel}: omit path to search the whole workspace`);
  if (kind === 'other') return toolError('unreadable', `${jailed.rel} is not a regular file or a folder (a FIFO, socket or device): nothing to search`);

  const { re, note } = compileSearchPattern(pattern.value);
  const { rules, startIgnored } = rulesForStart(ctx.root, jailed.rel);
  const found = await searchFiles(ctx.root, jailed.rel, re, { glob: glob.value, maxMatches: MAX_MATCHES, signal: ctx.signal, rules });
  const details = { kind: 'search' as const, pattern: pattern.value, matches: found.total };
  if (found.stopped?.reason === 'aborted') return toolError('cancelled', `search for ${pattern.value} cancelled`);
  const head = note ? [`Note: ${note}.`] : [];
  if (startIgnored) head.push(`(${jailed.rel} is ignored by .gitignore or by default; searched because you asked for it)`);
  if (found.stopped?.reason === 'file_timeout') {
    const msg = `search stopped: the pattern ${re} ran over ${found.stopped.ms / 1000} s on ${found.stopped.path} without finishing (nested quantifiers such as (a+)+ or (.*)* backtrack without end); simplify the pattern, or narrow path and glob`;
    const partial = found.total > 0 ? `; ${found.total} match${found.total === 1 ? '' : 'es'} found before it stopped are not shown` : '';
    return toolError('failed', [...head, msg + partial].join('\n'));
  }
  const tail: string[] = [];
  if (found.skippedLarge > 0) tail.push(`(${found.skippedLarge} file${found.skippedLarge === 1 ? '' : 's'} over 1 MB skipped)`);
  if (found.skippedSpecial > 0) tail.push(`(${found.skippedSpecial} FIFO, socket or device file${found.skippedSpecial === 1 ? '' : 's'} skipped)`);
  if (found.stopped?.reason === 'total_timeout') {
    tail.push(`(search stopped after ${found.stopped.ms / 1000} s, before every file was searched: narrow with path or glob)`);
  }
  if (found.total === 0) {
    const scope = glob.value ? ` (glob "${glob.value}")` : '';
    const msg = `no matches for ${re} in ${found.filesSearched} files under ${jailed.rel}${scope}`;
    return toolOk([...head, msg, ...tail].join('\n'), msg, details);
  }
  const out = [...head];
  let used = out.join('\n').length;
  let shown = 0;
  for (const m of found.matches) {
    const line = `${m.path}:${m.line}: ${clip(m.text, m.column)}`;
    if (used + line.length + 1 > ctx.outputCap - 150) break;
    out.push(line);
    used += line.length + 1;
    shown++;
  }
  const files = `${found.filesWithMatches} file${found.filesWithMatches === 1 ? '' : 's'}`;
  if (shown < found.total) {
    out.push(`… showing ${shown} of ${found.total} matches in ${files}; narrow with path, glob or a more specific pattern`);
  } else {
    out.push(`(${found.total} match${found.total === 1 ? '' : 'es'} in ${files})`);
  }
  return toolOk([...out, ...tail].join('\n'), `${found.total} matches for ${pattern.value}`, details);
}

export const searchFilesTool: Tool = {
  name: 'search_files',
  description: 'Regex search in files; returns path:line: text for each match.',
  parameters: {
    type: 'object',
    properties: {
      pattern: { type: 'string', description: 'JavaScript regular expression' },
      path: { type: 'string', description: 'Folder or file to search (default: the whole workspace)' },
      glob: { type: 'string', description: 'Only files matching this glob, e.g. "*.ts"' },
    },
    required: ['pattern'],
  },
  risk: 'read',
  run,
};
