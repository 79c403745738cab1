// Entry point: parses the command line and dispatches to one command module. Modules load
// lazily so `--version` and `--help` start fast. Bad input → one line on stderr, exit 2.
import { parseCommandLine, UsageError, type ParsedArgs } from './args';
import { MAIN_HELP, RUN_HELP, DOCTOR_HELP, TUI_HELP } from './help';
import { EXIT } from './exit-codes';

export interface MainIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const defaultIO = (): MainIO => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });

async function dispatch(args: ParsedArgs, io: MainIO): Promise<number> {
  const v = args.values;
  if (args.command === 'debug') {
    const [sub, ...rest] = args.rest;
    if (sub === 'parse') return (require('./commands/debug-parse') as typeof import('./commands/debug-parse')).debugParseCommand(rest, io);
    if (sub === 'apply') return (require('./commands/debug-apply') as typeof import('./commands/debug-apply')).debugApplyCommand(rest, io);
    io.stderr.write('smallcode debug: expected `debug parse [--tools a,b]` or `debug apply --file PATH [--dry-run]`\n');
    return EXIT.usage;
  }
  if (args.command === 'undo') return (require('./commands/undo') as typeof import('./commands/undo')).undoCommand(args.rest, io);
  if (args.command === 'bench') return (require('./commands/bench') as typeof import('./commands/bench')).benchCommand(args.rest, io);
  const command = args.command ?? (io.stdin.isTTY && io.stdout.isTTY ? 'tui' : undefined);
  if (!command) {
    io.stderr.write('smallcode: no command given and not on a terminal — use `smallcode run "TASK"` or see `smallcode --help`\n');
    return EXIT.usage;
  }
  const { loadConfig } = require('../config/config') as typeof import('../config/config');
  const config = loadConfig(
    {
      provider: v.provider,
      baseUrl: v.baseUrl,
      model: v.model,
      cwd: v.cwd,
      theme: v.theme,
      maxSteps: v.maxSteps,
      context: v.context,
      sandboxNetwork: v.sandboxNetwork,
      sampling: v.sampling,
    },
    io.env,
    io.cwd,
  );
  if (command === 'run') return (require('./commands/run') as typeof import('./commands/run')).runCommand(args, config, io);
  if (command === 'doctor') return (require('./commands/doctor') as typeof import('./commands/doctor')).doctorCommand(args, config, io);
  return (require('./commands/tui') as typeof import('./commands/tui')).tuiCommand(args, config, io);
}

export async function main(argv: string[], io: MainIO = defaultIO()): Promise<number> {
  try {
    const args = parseCommandLine(argv);
    const v = args.values;
    if (v.version && !args.command) {
      io.stdout.write(`smallcode ${require('../util/package-root').packageVersion()}\n`);
      return EXIT.ok;
    }
    if (v.help && args.command !== 'bench') {
      const text = args.command === 'run' ? RUN_HELP : args.command === 'doctor' ? DOCTOR_HELP : args.command === 'tui' ? TUI_HELP : MAIN_HELP;
      io.stdout.write(text);
      return EXIT.ok;
    }
    return await dispatch(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`smallcode: ${err.message}\n`);
      return EXIT.usage;
    }
    const { ConfigError } = require('../config/config') as typeof import('../config/config');
    if (err instanceof ConfigError) {
      io.stderr.write(`smallcode: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}
