// Every command, once: its words, what it takes, its help text and which options of the catalog
// (options.ts) it accepts. The parser (args.ts), `smallcode help …` / `--help` (help.ts) and the
// README's Commands section are made from this table, so none of them can drift from the others.
import type { OptionName, ValueCheck } from './options';

export interface PositionalSpec {
  /** Placeholder in the synopsis: "TASK", "N", "COMMAND". */
  name: string;
  /** Shown in brackets when it may be left out. */
  optional: boolean;
  /** Several words are allowed (joined by the command, e.g. run's task text). */
  many?: boolean;
  check?: ValueCheck;
}

export interface CommandSpec {
  name: string;
  /** One line for the command list. */
  summary: string;
  positional?: PositionalSpec;
  /** What the command reads on stdin, for the synopsis: `< model-output.txt`. */
  stdin?: string;
  /** The paragraph under the usage line. */
  about: string;
  /** Options it accepts, beyond --help; a string replaces the catalog's help line for this command. */
  options: Partial<Record<OptionName, true | string>>;
  /** Closing lines of its help: exit codes and the like. */
  footer?: string;
  /** `smallcode` alone runs it (on a terminal): the synopsis shows its word in brackets. */
  isDefault?: boolean;
  /** Said when words are given to a command that takes none. */
  noWordsFix?: string;
  subcommands?: CommandSpec[];
}

/** The options every command that talks to a model takes, before or after the command word. */
export const COMMON: Partial<Record<OptionName, true>> = {
  provider: true,
  'base-url': true,
  model: true,
  cwd: true,
  context: true,
  theme: true,
  temperature: true,
  'top-p': true,
  'top-k': true,
  'min-p': true,
  'repeat-penalty': true,
};

const TUI: CommandSpec = {
  name: 'tui',
  isDefault: true,
  summary: 'open the workbench (the default on a terminal)',
  about: 'Opens the full-screen workbench. Keys are listed on screen; press ? for all of them.',
  options: { continue: true, 'sandbox-network': true, ...COMMON },
};

const RUN: CommandSpec = {
  name: 'run',
  summary: 'run one task headless; the answer goes to stdout',
  positional: { name: '"TASK"', optional: false, many: true },
  about:
    'Runs one task with the same agent as the workbench, without a screen. Progress goes to stderr (coloured on a terminal unless NO_COLOR is set), the answer to stdout. Without --yes nobody can approve a change: writes and commands are refused and the model is told so.',
  options: { yes: true, 'sandbox-network': true, json: true, 'max-steps': true, resume: true, ...COMMON },
  footer:
    'Exit codes: 0 done, 1 error, 2 usage, 3 step cap, 4 unreadable model output, 5 refused (a needed change was not approved), 6 stuck, 8 reply cut off, 130 cancelled.',
};

const DOCTOR: CommandSpec = {
  name: 'doctor',
  summary: 'check the model server, model and context window',
  about:
    'Finds the model server, lists its models, reports the context window (and the num_ctx sent to Ollama), native tool support and structured output, and makes one short round trip. Also says which sandbox commands run in (bwrap, sandbox-exec or none, and why).',
  options: { json: 'print the report as one JSON object', 'sandbox-network': true, ...COMMON },
  footer: 'Exit 0 when the server answered, 1 when it did not, 2 on a usage error.',
  noWordsFix: 'it checks the server given by --provider, --base-url and --model',
};

const UNDO: CommandSpec = {
  name: 'undo',
  summary: 'revert the last (or last N) applied changes',
  positional: {
    name: 'N',
    optional: true,
    check: (value) => (/^\d+$/.test(value) && Number(value) > 0 ? undefined : `undo takes a number of changes, e.g. \`smallcode undo 2\`, got "${value}"`),
  },
  about:
    'Reverts the last N changes applied by smallcode in this workspace (default 1), newest first; refused if a file changed since. The workbench’s u key and /undo use the same journal.',
  options: { list: true, cwd: true },
  footer: 'Exit 0 when reverted, 1 when refused (the reason on stderr), 2 on a usage error.',
};

const BENCH: CommandSpec = {
  name: 'bench',
  summary: 'measure your model(s) on a suite of small coding tasks',
  about:
    "Runs a suite of small coding tasks with the real agent against your model(s): a fresh copy of each task's workspace, the agent as in `smallcode run --yes` (time and step capped), then the task's hidden check decides pass or fail. Prints a table; writes report.md and report.json.",
  options: {
    suite: true,
    models: true,
    tasks: true,
    tries: true,
    jobs: true,
    'max-steps': 'step cap per task, unless the task sets max_steps (default 25)',
    json: 'print only the report JSON on stdout',
    out: true,
    keep: true,
    ...COMMON,
    model: 'one model (same as --models NAME)',
    cwd: 'folder whose .env and .smallcode/ are used (default: current directory)',
  },
  footer:
    'Exit codes: 0 the bench ran (whatever the pass rate), 1 no usable server or model (doctor’s message), 2 usage error, 9 the suite could not be loaded (the file and field are named), 130 stopped with Ctrl-C (the partial report is still written).',
  noWordsFix: 'choose tasks with --tasks PATTERN',
};

const DEBUG: CommandSpec = {
  name: 'debug',
  summary: 'see how SmallCode reads a model reply or applies an edit',
  about: 'Tools for finding out why a model’s output was (not) understood, without a model server.',
  options: {},
  subcommands: [
    {
      name: 'parse',
      summary: 'show how a model reply (stdin) is read as tool calls',
      stdin: 'model-output.txt',
      about:
        'Reads a raw model reply on stdin and prints one JSON object: {"calls":[{"name","arguments"}],"text","diagnostics"}. Diagnostics say which strategy matched and what was repaired, or why a call-looking text was not taken.',
      options: { tools: 'only these names can be calls, as the agent does with its tool set (default: any name)' },
    },
    {
      name: 'apply',
      summary: 'apply an edit (stdin, any dialect) to a file',
      stdin: 'edit.txt',
      about:
        'Reads an edit in any dialect (SEARCH/REPLACE blocks, old_str/new_str arguments, unified diff, *** Begin Patch, a lazy snippet) on stdin and applies it, journaled for `smallcode undo`.',
      options: { file: true, 'dry-run': true, cwd: true },
      footer: 'Exit 0 when applied (or already present), 1 when refused (the reason, then a hint, on stderr), 2 on a usage error.',
    },
  ],
};

const HELP: CommandSpec = {
  name: 'help',
  summary: 'help for smallcode or one command',
  positional: { name: 'COMMAND', optional: true, many: true },
  about: 'Prints the help of a command (`smallcode help debug parse`), or the list of commands.',
  options: {},
};

export type CommandName = 'tui' | 'run' | 'doctor' | 'undo' | 'bench' | 'debug' | 'help';

/** In the order `smallcode help` lists them. */
export const COMMANDS: Record<CommandName, CommandSpec> = { tui: TUI, run: RUN, doctor: DOCTOR, undo: UNDO, bench: BENCH, debug: DEBUG, help: HELP };

export const isCommandName = (word: string): word is CommandName => Object.hasOwn(COMMANDS, word);

/** What `smallcode` does with no command word: the workbench on a terminal (so it takes tui's options). */
export const NO_COMMAND: CommandSpec = {
  name: '',
  summary: '',
  about: 'smallcode — a terminal coding assistant for small local models',
  options: { ...TUI.options, version: true },
};
