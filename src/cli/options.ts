// Every command-line option SmallCode knows, once: its type, the value it takes, its help line and
// how a bad value is refused. Commands pick from this catalog (src/cli/command-table.ts); the
// parser, each command's --help and the README's Commands section are all made from it.

/** A check returns the whole one-line problem (naming the flag and the fix), or undefined when fine. */
export type ValueCheck = (value: string, flag: string) => string | undefined;

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in help: `--max-steps N`. */
  value?: string;
  help: string;
  /**
   * The value may be left out (`--resume`, `--yes`): a bare flag means `bare`. A following word is
   * taken as the value only when it matches `next` (`--resume 20261125-153012`), or with `=`.
   */
  optional?: { bare: string; next?: RegExp; synopsis: string };
  check?: ValueCheck;
}

/** A whole number from min to max, e.g. `--jobs 2`. */
export function wholeNumber(min: number, max: number = Number.MAX_SAFE_INTEGER): ValueCheck {
  const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
  return (value, flag) => {
    const n = Number(value);
    return /^\d+$/.test(value.trim()) && n >= min && n <= max ? undefined : `${flag} must be a whole number ${range}, got "${value}"`;
  };
}

/** A decimal number from min to max, e.g. `--temperature 0.2`. */
export function decimal(min: number, max: number): ValueCheck {
  return (value, flag) => {
    const n = Number(value);
    return /^\s*-?(\d+\.?\d*|\.\d+)\s*$/.test(value) && n >= min && n <= max ? undefined : `${flag} must be a number from ${min} to ${max}, got "${value}"`;
  };
}

/** One of a fixed set of words. */
export function oneOf(words: readonly string[]): ValueCheck {
  return (value, flag) => (words.includes(value) ? undefined : `${flag} must be ${words.slice(0, -1).join(', ')} or ${words.at(-1)}, got "${value}"`);
}

const SESSION_ID = /^\d{8}-\d{6}(-[0-9a-z]+)?$/;

/**
 * The catalog. To add a flag: one entry here, its name in the `options` of each command that takes
 * it (command-table.ts), and — if it is a setting — one line in configFlags (main.ts). Its value
 * then arrives typed as `args.values.<camelCaseName>`.
 */
export const OPTIONS = {
  provider: { type: 'string', value: 'ollama|openai', help: 'which API to speak (default: auto-detect)' },
  'base-url': { type: 'string', value: 'URL', help: 'server address, e.g. http://127.0.0.1:11434 (with or without /v1)' },
  model: { type: 'string', value: 'NAME', help: 'model name as the server knows it' },
  cwd: { type: 'string', value: 'DIR', help: 'workspace root (default: current directory)' },
  context: { type: 'string', value: 'N', help: 'context window override in tokens' },
  theme: { type: 'string', value: 'NAME|FILE', help: 'workbench colours: default, light, high-contrast or a JSON theme file' },
  'max-steps': { type: 'string', value: 'N', help: 'stop after N model steps (default 25)', check: wholeNumber(1) },
  // Sampling for one run, over the model profile; the values are checked with the profile's own rules.
  temperature: { type: 'string', value: 'T', help: 'sampling temperature for this run (over the model profile)' },
  'top-p': { type: 'string', value: 'P', help: 'nucleus sampling cut-off for this run' },
  'top-k': { type: 'string', value: 'K', help: 'top-k sampling for this run' },
  'min-p': { type: 'string', value: 'P', help: 'min-p sampling for this run' },
  'repeat-penalty': { type: 'string', value: 'X', help: 'repetition penalty for this run' },
  yes: {
    type: 'string',
    short: 'y',
    help: 'approve every file change, and every command that runs in the sandbox (without one, commands still need SMALLCODE_ALLOW); =all: every command too, sandbox or not (prints a warning)',
    optional: { bare: 'on', synopsis: '--yes[=all]' },
    check: (value) =>
      value === 'on' || value === 'all'
        ? undefined
        : `--yes=${value} is not an option — use --yes (file changes, and commands in a sandbox) or --yes=all (every command)`,
  },
  'sandbox-network': { type: 'boolean', help: 'let sandboxed commands use the network' },
  json: { type: 'boolean', help: 'print one JSON event per line on stdout instead of the answer' },
  resume: {
    type: 'string',
    value: 'ID',
    help: 'continue a session (the latest when no ID is given)',
    optional: { bare: 'latest', next: SESSION_ID, synopsis: '--resume [ID]' },
  },
  continue: { type: 'boolean', help: 'resume the latest session of this workspace' },
  list: { type: 'boolean', short: 'l', help: 'show the undo journal instead of undoing' },
  tools: { type: 'string', value: 'a,b,c', help: 'only these tool names can be calls (as the agent does with its tool set)' },
  file: { type: 'string', short: 'f', value: 'PATH', help: 'the file to edit (default: the one the edit names)' },
  'dry-run': { type: 'boolean', short: 'n', help: 'print the resulting file instead of writing it' },
  suite: { type: 'string', value: 'NAME|DIR', help: 'built-in suite (core) or a folder of tasks in the same format (default core)' },
  models: { type: 'string', value: 'a,b,c', help: 'models to compare, as the server names them (default: --model, else the loaded one)' },
  tasks: { type: 'string', value: 'PATTERN', help: "only these tasks: id globs and tag:NAME, comma-separated, e.g. 'py-*,tag:crlf'" },
  tries: { type: 'string', value: '1|2', help: 'give a failed task a second try that sees the failing check (default 1)', check: wholeNumber(1, 2) },
  jobs: { type: 'string', value: 'N', help: 'tasks run at the same time (default 1)', check: wholeNumber(1, 16) },
  out: { type: 'string', value: 'DIR', help: 'where report.md, report.json and logs/ go (default .smallcode/bench/<time>)' },
  keep: { type: 'boolean', help: "keep each task's workspace under the report folder (for a look at what the model did)" },
  help: { type: 'boolean', short: 'h', help: 'this help' },
  version: { type: 'boolean', short: 'v', help: 'print the version' },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** Parsed values under camelCase names: booleans default to false, strings are undefined when not given. */
export type OptionValues = {
  [K in OptionName as Camel<K>]: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string | undefined;
};

export const camel = (name: string): string => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export const specOf = (name: OptionName): OptionSpec => OPTIONS[name];

export const isOptionName = (name: string): name is OptionName => Object.hasOwn(OPTIONS, name);

/** How the flag reads in help and synopses: `-y, --yes[=all]`, `--max-steps N`. */
export function flagText(name: OptionName, withShort = true): string {
  const o = specOf(name);
  const long = o.optional ? o.optional.synopsis : `--${name}${o.value ? ` ${o.value}` : ''}`;
  return withShort && o.short ? `-${o.short}, ${long}` : long;
}
