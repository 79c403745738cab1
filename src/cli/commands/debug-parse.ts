// `smallcode debug parse [--tools a,b,c]`: raw model text on stdin → one JSON object on stdout
// {"calls":[{"name","arguments"}],"text","diagnostics"}. Exit 0; 2 on a usage error.

const USAGE = 'usage: smallcode debug parse [--tools name1,name2,…] < model-output.txt';

export async function debugParseCommand(
  args: string[],
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  let toolNames: string[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') {
      io.stdout.write(`${USAGE}\nReads model text on stdin and prints the tool calls found in it as JSON. With --tools, only those names can be calls.\n`);
      return 0;
    }
    const value = a === '--tools' ? args[++i] : a.startsWith('--tools=') ? a.slice('--tools='.length) : undefined;
    if (value === undefined) {
      io.stderr.write(`smallcode debug parse: unknown argument "${a}" (${USAGE})\n`);
      return 2;
    }
    toolNames = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (toolNames.length === 0) {
      io.stderr.write(`smallcode debug parse: --tools needs a comma-separated list of tool names (${USAGE})\n`);
      return 2;
    }
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
