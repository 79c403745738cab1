// edit_file: replaces one exact, unique piece of a file. It only *proposes* (pure, through the
// patch engine's matcher ladder); the agent applies the proposal after the user approves it.
import { proposeEdit } from '../patch/index';
import type { EditInput, ProposeResult } from '../patch/types';
import { resolveWritable } from '../workspace/jail';
import { toolError } from './result';
import type { Tool, ToolContext, ToolResult } from './types';

const firstString = (args: Record<string, unknown>, names: string[]): string | undefined => {
  for (const n of names) if (typeof args[n] === 'string') return args[n] as string;
  return undefined;
};

/** The edit the arguments describe; common aliases (old_str/new_str …) and a free-text diff are accepted. */
export function editInputFrom(args: Record<string, unknown>): EditInput | { error: string } {
  const search = firstString(args, ['search', 'old_str', 'old_string', 'old_text', 'find']);
  const replace = firstString(args, ['replace', 'new_str', 'new_string', 'new_text', 'replacement']);
  if (search === undefined) {
    const text = firstString(args, ['diff', 'patch', 'edit']);
    if (text !== undefined && text.trim() !== '') return { kind: 'text', text };
    return { error: 'missing argument "search": the exact text to replace, copied from read_file (without the line-number prefix)' };
  }
  if (search === '') return { error: '"search" is empty: to create a file use write_file, otherwise give the exact text to replace' };
  if (replace === undefined) return { error: 'missing argument "replace": the new text (use "" to delete the search text)' };
  return { kind: 'search_replace', search, replace };
}

export function refuse(reason: string, hint: string): ProposeResult {
  return { ok: false, refusal: { code: 'malformed', reason, hint } };
}

async function propose(args: Record<string, unknown>, ctx: ToolContext): Promise<ProposeResult> {
  if (typeof args.path !== 'string' || args.path.trim() === '') {
    return refuse('missing argument "path"', 'edit_file(path, search, replace): path is the file to change, relative to the workspace root');
  }
  const jailed = resolveWritable(ctx.root, args.path);
  if (!jailed.ok) return refuse(jailed.message, 'edit only files inside the workspace');
  const edit = editInputFrom(args);
  if ('error' in edit) return refuse(edit.error, 'edit_file(path, search, replace)');
  return proposeEdit(ctx.root, jailed.rel, edit);
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
};
