// edit_file: replaces one exact, unique piece of a file. It only *proposes* (pure, through the
// patch engine's matcher ladder); the agent applies the proposal after the user approves it.
// Its arguments come in every form the patch engine reads (readEditArgs), not just the schema's.
import { proposeEdit, readEditArgs } from '../patch/index';
import type { ProposeResult } from '../patch/types';
import type { ReadArguments } from '../types/tool-spec';
import { resolveWritable } from '../workspace/jail';
import { toolError } from './result';
import type { Tool, ToolContext, ToolResult } from './types';

/** The parser's view: the canonical arguments, or what is wrong with them (for the model). */
function readArguments(args: Record<string, unknown>): ReadArguments {
  const r = readEditArgs(args);
  return r.ok ? { ok: true, args: r.args, repairs: r.repairs } : r;
}

export function refuse(reason: string, hint: string): ProposeResult {
  return { ok: false, refusal: { code: 'malformed', reason, hint } };
}

async function propose(args: Record<string, unknown>, ctx: ToolContext): Promise<ProposeResult> {
  const read = readEditArgs(args);
  if (!read.ok) return refuse(read.problem, 'edit_file(path, search, replace)');
  if (read.path === undefined) {
    return refuse('missing argument "path"', 'edit_file(path, search, replace): path is the file to change, relative to the workspace root');
  }
  const jailed = resolveWritable(ctx.root, read.path);
  if (!jailed.ok) return refuse(jailed.message, 'edit only files inside the workspace');
  return proposeEdit(ctx.root, jailed.rel, read.edit);
}

async function run(): Promise<ToolResult> {
  return toolError('needs_approval', 'edit_file changes go through approval: the agent proposes them and applies them once the user agrees');
}

export const editFileTool: Tool = {
  name: 'edit_file',
  description: 'Replace one exact, unique piece of a file (search → replace); copy search from read_file.',
  parameters: {
    type: 'object',
    properties: {
      path: { type: 'string', description: 'File path relative to the workspace root' },
      search: { type: 'string', description: 'Exact text now in the file, a few whole lines, unique' },
      replace: { type: 'string', description: 'The new text for those lines' },
    },
    required: ['path', 'search', 'replace'],
  },
  risk: 'write',
  run,
  propose,
  readArguments,
};
