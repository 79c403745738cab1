// `smallcode debug parse [--tools a,b,c]`: raw model text on stdin → one JSON object on stdout
// {"calls":[{"name","arguments","edit"?}],"text","diagnostics"}; `edit` is an edit call as the patch
// engine reads it (dialect-free blocks). Exit 0; 2 on a usage error.
import type { ParsedBlock } from '../../patch/types';
import type { ParsedArgs } from '../args';

export async function debugParseCommand(
  args: ParsedArgs,
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  const tools = args.values.tools;
  const toolNames = tools
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (toolNames?.length === 0) {
    io.stderr.write('smallcode debug parse: --tools needs a comma-separated list of tool names, e.g. --tools read_file,edit_file\n');
    return 2;
  }
  const input = await readAll(io.stdin);
  // Loaded only now, so `smallcode --help` never pays for the parser.
  const { parseToolCalls } = require('../../toolcall/index') as typeof import('../../toolcall/index');
  const { toolSpecsForNames } = require('../../tools/registry') as typeof import('../../tools/registry');
  const result = parseToolCalls(input, undefined, { tools: toolNames ? toolSpecsForNames(toolNames) : undefined });
  const out = {
    calls: result.calls.map((c) => ({ name: c.name, arguments: c.arguments, ...editOf(c.name, c.arguments, toolNames === undefined) })),
    text: result.text,
    diagnostics: result.diagnostics,
  };
  io.stdout.write(JSON.stringify(out) + '\n');
  return 0;
}

/** The blocks of an edit call (edit_file, or any call with edit arguments when no tools are named). */
function editOf(name: string, args: Record<string, unknown>, anyName: boolean): { edit?: { blocks: unknown[] } | { refused: string } } {
  if (name !== 'edit_file' && !anyName) return {};
  const { readEditArgs, blocksOf } = require('../../patch/index') as typeof import('../../patch/index');
  const read = readEditArgs(args);
  if (!read.ok) return name === 'edit_file' ? { edit: { refused: read.problem } } : {};
  const blocks = blocksOf(read.path ?? '', read.edit);
  if ('code' in blocks) return { edit: { refused: `${blocks.reason}. ${blocks.hint}` } };
  return { edit: { blocks: blocks.map(describe) } };
}

function describe(b: ParsedBlock): Record<string, unknown> {
  if (b.kind === 'replace') return { search: b.search, replace: b.replace };
  if (b.kind === 'lazy') return { lazy: b.text };
  return { write: b.content };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
