// `smallcode debug parse [--tools a,b,c]`: raw model text on stdin → one JSON object on stdout
// {"calls":[{"name","arguments"}],"text","diagnostics"}. Exit 0; 2 on a usage error.
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
    calls: result.calls.map((c) => ({ name: c.name, arguments: c.arguments })),
    text: result.text,
    diagnostics: result.diagnostics,
  };
  io.stdout.write(JSON.stringify(out) + '\n');
  return 0;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
