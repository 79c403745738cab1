// Entry point: parses the command line (args.ts, from the command table) and dispatches to one
// command module. Modules load lazily so `--version` and `--help` start fast. Bad input → one line
// on stderr, exit 2.
import { parseCommandLine, UsageError, type ParsedArgs } from './args';
import type { OptionValues } from './options';
import type { ConfigFlags } from '../config/config';
import { commandHelp } from './help';
import { EXIT } from './exit-codes';
import { assertNever } from '../util/assert-never';

export interface MainIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const defaultIO = (): MainIO => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });

/** The flags that are settings (they go through the config's precedence and validation). */
export function configFlags(v: OptionValues): ConfigFlags {
  return {
    provider: v.provider,
    baseUrl: v.baseUrl,
    model: v.model,
    cwd: v.cwd,
    theme: v.theme,
    maxSteps: v.maxSteps,
    context: v.context,
    sandboxNetwork: v.sandboxNetwork,
    sampling: {
      '--temperature': v.temperature,
      '--top-p': v.topP,
      '--top-k': v.topK,
      '--min-p': v.minP,
      '--repeat-penalty': v.repeatPenalty,
    },
  };
}

async function dispatch(args: ParsedArgs, io: MainIO): Promise<number> {
  const command = args.command ?? (io.stdin.isTTY && io.stdout.isTTY ? 'tui' : undefined);
  switch (command) {
    case undefined:
      io.stderr.write('smallcode: no command given and not on a terminal — use `smallcode run "TASK"`, or see `smallcode help`\n');
      return EXIT.usage;
    case 'help':
      io.stdout.write(commandHelp(args.help ?? []));
      return EXIT.ok;
    case 'undo':
      return (require('./commands/undo') as typeof import('./commands/undo')).undoCommand(args, io);
    case 'bench':
      return (require('./commands/bench') as typeof import('./commands/bench')).benchCommand(args, io);
    case 'debug':
      if (args.subcommand === 'parse') return (require('./commands/debug-parse') as typeof import('./commands/debug-parse')).debugParseCommand(args, io);
      return (require('./commands/debug-apply') as typeof import('./commands/debug-apply')).debugApplyCommand(args, io);
    case 'run':
    case 'doctor':
    case 'tui': {
      const { loadConfig } = require('../config/config') as typeof import('../config/config');
      const config = loadConfig(configFlags(args.values), io.env, io.cwd);
      if (command === 'run') return (require('./commands/run') as typeof import('./commands/run')).runCommand(args, config, io);
      if (command === 'doctor') return (require('./commands/doctor') as typeof import('./commands/doctor')).doctorCommand(args, config, io);
      return (require('./commands/tui') as typeof import('./commands/tui')).tuiCommand(args, config, io);
    }
    default:
      return assertNever(command);
  }
}

export async function main(argv: string[], io: MainIO = defaultIO()): Promise<number> {
  try {
    const args = parseCommandLine(argv);
    if (args.help) {
      io.stdout.write(commandHelp(args.help));
      return EXIT.ok;
    }
    if (args.values.version) {
      io.stdout.write(`smallcode ${require('../util/package-root').packageVersion()}\n`);
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
