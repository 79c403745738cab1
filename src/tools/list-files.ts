// list_files: the workspace tree breadth-first (folders end in '/'), .gitignore respected,
// optionally filtered by a glob; capped, saying how many entries were left out and how to narrow.
import { resolveInWorkspace } from '../workspace/jail';
import { rulesForStart } from '../workspace/walk';
import { listFiles } from '../workspace/list-files';
import { pathKind } from '../workspace/path-kind';
import { stringArg } from './args';
import { toolError, toolOk } from './result';
import type { Tool, ToolContext, ToolResult } from './types';

const MAX_ENTRIES = 300;

async function run(args: Record<string, unknown>, ctx: ToolContext): Promise<ToolResult> {
  const p = stringArg(args, 'path', false);
  const pattern = stringArg(args, 'pattern', false);
  if (!p.ok) return toolError('bad_args', p.message);
  if (!pattern.ok) return toolError('bad_args', pattern.message);
  const jailed = resolveInWorkspace(ctx.root, p.value ?? '.');
  if (!jailed.ok) return toolError('outside_workspace', jailed.message);
  const kind = pathKind(jailed.abs);
  if (kind === 'missing') return toolError('not_found', `folder not found: ${jailed.rel}: list_files with no path shows the workspace root`);
  if (kind !== 'dir') return toolError('not_dir', `${jailed.rel} is a file, not a folder: use read_file with path "${jailed.rel}"`);

  const { rules, startIgnored } = rulesForStart(ctx.root, jailed.rel);
  const listed = await listFiles(ctx.root, jailed.rel, { pattern: pattern.value, limit: MAX_ENTRIES, signal: ctx.signal, rules });
  const where = jailed.rel === '.' ? 'the workspace' : jailed.rel;
  const details = { kind: 'list' as const, path: jailed.rel, entries: listed.total };
  if (listed.total === 0) {
    const msg = pattern.value ? `no files match "${pattern.value}" in ${where}` : `${where} is empty (or everything in it is ignored)`;
    return toolOk(msg, msg, details);
  }
  const lines: string[] = startIgnored ? [`(${jailed.rel} is ignored by .gitignore or by default; listed because you asked for it)`] : [];
  let used = 0;
  for (const e of listed.entries) {
    if (used + e.length + 1 > ctx.outputCap - 100) break;
    lines.push(e);
    used += e.length + 1;
  }
  const more = listed.total - (lines.length - (startIgnored ? 1 : 0));
  if (more > 0) {
    const count = listed.totalIsLowerBound ? `at least ${more}` : String(more);
    lines.push(`… ${count} more entries not shown; narrow with path or pattern (e.g. pattern="**/*.ts")`);
  }
  return toolOk(lines.join('\n'), `${where} · ${listed.total} entries`, details);
}

export const listFilesTool: Tool = {
  name: 'list_files',
  description: 'List files and folders (folders end in /), skipping .gitignore’d paths.',
  parameters: {
    type: 'object',
    properties: {
      path: { type: 'string', description: 'Folder relative to the workspace root (default: the root)' },
      pattern: { type: 'string', description: 'Glob filter, e.g. "**/*.ts" or "*.md"' },
    },
  },
  risk: 'read',
  run,
};
