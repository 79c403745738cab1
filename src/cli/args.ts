// Command-line parsing: one table of options, node:util parseArgs, and one-line usage errors
// (exit 2) that name the bad flag and the fix.
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export const COMMANDS = ['tui', 'run', 'doctor', 'debug', 'undo', 'bench'] as const;
export type CommandName = (typeof COMMANDS)[number];

const OPTIONS = {
  provider: { type: 'string' },
  'base-url': { type: 'string' },
  model: { type: 'string' },
  cwd: { type: 'string' },
  context: { type: 'string' },
  theme: { type: 'string' },
  'max-steps': { type: 'string' },
  temperature: { type: 'string' },
  'top-p': { type: 'string' },
  'top-k': { type: 'string' },
  'min-p': { type: 'string' },
  'repeat-penalty': { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  'yes-all': { type: 'boolean' },
  'sandbox-network': { type: 'boolean' },
  json: { type: 'boolean' },
  resume: { type: 'string' },
  continue: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Which options each command accepts (common ones everywhere). */
/** Sampling for one run, over the model profile (model profiles, README). */
export const SAMPLING_FLAGS = ['temperature', 'top-p', 'top-k', 'min-p', 'repeat-penalty'] as const;
const COMMON = ['provider', 'base-url', 'model', 'cwd', 'context', 'theme', 'help', ...SAMPLING_FLAGS];
const PER_COMMAND: Record<CommandName, string[]> = {
  tui: [...COMMON, 'continue', 'sandbox-network'],
  run: [...COMMON, 'yes', 'yes-all', 'json', 'max-steps', 'resume', 'sandbox-network'],
  doctor: [...COMMON, 'json', 'sandbox-network'],
  debug: [], // parsed by the debug sub-commands themselves
  undo: [], // parsed by the undo command itself
  bench: [], // parsed by the bench command itself (src/cli/bench-options.ts)
};

export interface ParsedArgs {
  command?: CommandName;
  positionals: string[];
  /** Raw arguments after the command, for commands that parse their own. */
  rest: string[];
  values: {
    provider?: string;
    baseUrl?: string;
    model?: string;
    cwd?: string;
    context?: string;
    theme?: string;
    maxSteps?: string;
    /** --temperature etc., keyed by the flag as written. */
    sampling: Record<string, string | undefined>;
    yes: boolean;
    /** `--yes=all`: commands too, even without a sandbox. */
    yesAll: boolean;
    sandboxNetwork: boolean;
    json: boolean;
    resume?: string;
    continue: boolean;
    help: boolean;
    version: boolean;
  };
}

const SESSION_ID = /^\d{8}-\d{6}(-[0-9a-z]+)?$/;

/**
 * `--resume` takes an optional session id: give it an explicit value so parseArgs accepts it.
 * `--yes=all` becomes the internal `--yes-all` (a plain `--yes` stays boolean).
 */
function normalizeResume(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--yes=all') out.push('--yes-all');
    else if (argv[i].startsWith('--yes=') || argv[i] === '--yes-all') {
      throw new UsageError(`${argv[i]} is not an option — use --yes (file changes, and commands in a sandbox) or --yes=all (every command)`);
    } else if (argv[i] === '--resume') {
      const next = argv[i + 1];
      if (next !== undefined && SESSION_ID.test(next)) {
        out.push(`--resume=${next}`);
        i++;
      } else out.push('--resume=latest');
    } else out.push(argv[i]);
  }
  return out;
}

function friendly(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const unknown = /Unknown option '([^']+)'/.exec(msg);
  if (unknown) return `unknown option ${unknown[1]} — run \`smallcode --help\` for the options`;
  const needsValue = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(msg);
  const ambiguous = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument is ambiguous/.exec(msg);
  if (ambiguous) return `option ${ambiguous[1]} needs a value, e.g. ${ambiguous[1]} VALUE (a value starting with "-" must be written ${ambiguous[1]}=VALUE)`;
  if (needsValue) return `option ${needsValue[1]} needs a value, e.g. ${needsValue[1]} VALUE`;
  return msg.split('\n')[0];
}

export function parseCommandLine(argv: string[]): ParsedArgs {
  const first = argv.find((a) => !a.startsWith('-'));
  const command = first && (COMMANDS as readonly string[]).includes(first) ? (first as CommandName) : undefined;
  if (first && !command && argv.indexOf(first) === 0) {
    throw new UsageError(`unknown command "${first}" — commands: ${COMMANDS.join(', ')} (see \`smallcode --help\`)`);
  }
  const cmdIndex = command ? argv.indexOf(command) : -1;
  const rest = cmdIndex >= 0 ? argv.slice(cmdIndex + 1) : [];
  if (command === 'debug' || command === 'undo' || command === 'bench') {
    const help = rest.includes('--help') || rest.includes('-h');
    return {
      command,
      positionals: [],
      rest,
      values: { sampling: {}, yes: false, yesAll: false, sandboxNetwork: false, json: false, continue: false, help, version: false },
    };
  }
  const parsed = (() => {
    try {
      return parseArgs({ args: normalizeResume(argv), options: OPTIONS, allowPositionals: true, strict: true });
    } catch (err) {
      throw new UsageError(friendly(err));
    }
  })();
  const v = parsed.values;
  const allowed = command ? PER_COMMAND[command] : [...COMMON, 'version'];
  for (const key of Object.keys(v)) {
    if (key === 'version' && !command) continue;
    if (!allowed.includes(key)) {
      throw new UsageError(
        `option --${key === 'yes-all' ? 'yes=all' : key} does not apply to ${command ? `\`smallcode ${command}\`` : 'smallcode without a command'} — see \`smallcode ${command ?? ''} --help\``.replace(
          '  ',
          ' ',
        ),
      );
    }
  }
  const positionals = parsed.positionals.filter((p, i) => !(i === 0 && p === command));
  return {
    command,
    positionals,
    rest,
    values: {
      provider: v.provider,
      baseUrl: v['base-url'],
      model: v.model,
      cwd: v.cwd,
      context: v.context,
      theme: v.theme,
      maxSteps: v['max-steps'],
      sampling: Object.fromEntries(SAMPLING_FLAGS.filter((f) => v[f] !== undefined).map((f) => [`--${f}`, v[f]])),
      yes: (v.yes ?? false) || (v['yes-all'] ?? false),
      yesAll: v['yes-all'] ?? false,
      sandboxNetwork: v['sandbox-network'] ?? false,
      json: v.json ?? false,
      resume: v.resume,
      continue: v.continue ?? false,
      help: v.help ?? false,
      version: v.version ?? false,
    },
  };
}
