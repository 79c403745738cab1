// write_file: whole-file content for a new file (or a checked rewrite of a small one). Like
// edit_file it only proposes; the engine refuses risky whole-file rewrites of existing files.
import { proposeEdit } from '../patch/index';
import type { ProposeResult } from '../patch/types';
import { resolveWritable } from '../workspace/jail';
import { refuse } from './edit-file';
import { toolError } from './result';
import type { Tool, ToolContext, ToolResult } from './types';

async function propose(args: Record<string, unknown>, ctx: ToolContext): Promise<ProposeResult> {
  if (typeof args.path !== 'string' || args.path.trim() === '') {
    return refuse('missing argument "path"', 'write_file(path, content): path is the file to create, relative to the workspace root');
  }
  const content = [args.content, args.text, args.contents, args.file_text].find((v) => typeof v === 'string');
  if (typeof content !== 'string') return refuse('missing argument "content"', 'write_file(path, content): content is the whole file text');
  const jailed = resolveWritable(ctx.root, args.path);
  if (!jailed.ok) return refuse(jailed.message, 'write only files inside the workspace');
  if (jailed.rel === '.' || jailed.rel.endsWith('/')) return refuse(`"${args.path}" is a folder`, 'give a file path, e.g. "src/new-file.ts"');
  return proposeEdit(ctx.root, jailed.rel, { kind: 'write', content });
}

async function run(): Promise<ToolResult> {
  return toolError('needs_approval', 'write_file changes go through approval: the agent proposes them and applies them once the user agrees');
}

export const writeFileTool: Tool = {
  name: 'write_file',
  description: 'Create a new file (or rewrite a small one) with the whole content.',
  parameters: {
    type: 'object',
    properties: {
      path: { type: 'string', description: 'File path relative to the workspace root' },
      content: { type: 'string', description: 'The complete file text' },
    },
    required: ['path', 'content'],
  },
  risk: 'write',
  run,
  propose,
};
