// `smallcode bench` options: one table (name, type, value, help) from which both the parser and
// the --help text are made. Bad values → a UsageError naming the flag and the fix.
import { parseArgs } from 'node:util';
import { UsageError } from './args';

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  value?: string;
  help: string;
}

export const BENCH_OPTIONS: Record<string, OptionSpec> = {
  suite: { type: 'string', value: 'NAME|DIR', help: 'built-in suite (core) or a folder of tasks in the same format (default core)' },
  models: { type: 'string', value: 'a,b,c', help: 'models to compare, as the server names them (default: --model, else the loaded one)' },
  tasks: { type: 'string', value: 'PATTERN', help: "only these tasks: id globs and tag:NAME, comma-separated, e.g. 'py-*,tag:crlf'" },
  tries: { type: 'string', value: '1|2', help: 'give a failed task a second try that sees the failing check (default 1)' },
  jobs: { type: 'string', value: 'N', help: 'tasks run at the same time (default 1)' },
  'max-steps': { type: 'string', value: 'N', help: 'step cap per task, unless the task sets max_steps (default 25)' },
  json: { type: 'boolean', help: 'print only the report JSON on stdout' },
  out: { type: 'string', value: 'DIR', help: 'where report.md, report.json and logs/ go (default .smallcode/bench/<time>)' },
  keep: { type: 'boolean', help: "keep each task's workspace under the report folder (for a look at what the model did)" },
  provider: { type: 'string', value: 'ollama|openai', help: 'which API to speak (default: auto-detect)' },
  'base-url': { type: 'string', value: 'URL', help: 'server address, e.g. http://127.0.0.1:11434' },
  model: { type: 'string', value: 'NAME', help: 'one model (same as --models NAME)' },
  cwd: { type: 'string', value: 'DIR', help: 'folder whose .env and .smallcode/ are used (default: current directory)' },
  context: { type: 'string', value: 'N', help: 'context window override in tokens' },
  help: { type: 'boolean', short: 'h', help: 'this help' },
};

export interface BenchArgs {
  suite: string;
  models: string[];
  tasks?: string;
  tries: number;
  jobs: number;
  maxSteps?: string;
  json: boolean;
  out?: string;
  keep: boolean;
  provider?: string;
  baseUrl?: string;
  cwd?: string;
  context?: string;
  help: boolean;
}

function usage(): string {
  const rows = Object.entries(BENCH_OPTIONS).map(([name, o]) => [`${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`, o.help]);
  const width = Math.max(...rows.map((r) => r[0].length));
  return rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`).join('\n');
}

export const BENCH_HELP = `Usage: smallcode bench [--suite NAME|DIR] [--models a,b,c] [--tasks PATTERN] [--tries 1|2] [--jobs N] [--json] [--out DIR]

Runs a suite of small coding tasks with the real agent against your model(s): a fresh copy of
each task's workspace, the agent as in \`smallcode run --yes\` (time and step capped), then the
task's hidden check decides pass or fail. Prints a table; writes report.md and report.json.

${usage()}

Exit codes: 0 the bench ran (whatever the pass rate), 1 no usable server or model (doctor's
message), 2 usage error, 8 the suite could not be loaded (the file and field are named),
130 stopped with Ctrl-C (the partial report is still written).
`;

function count(value: string | undefined, flag: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(Object.entries(BENCH_OPTIONS).map(([k, o]) => [k, { type: o.type, ...(o.short ? { short: o.short } : {}) }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) throw new UsageError(`unknown option ${unknown[1]} for \`smallcode bench\` — see \`smallcode bench --help\``);
    const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument (missing|is ambiguous)/.exec(msg);
    throw new UsageError(missing ? `option ${missing[1]} needs a value, e.g. ${missing[1]} VALUE` : msg.split('\n')[0]);
  }
  if (parsed.positionals.length) throw new UsageError(`smallcode bench takes no task text ("${parsed.positionals[0]}") — choose tasks with --tasks PATTERN`);
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const models = [
    ...new Set(
      (str('models') ?? str('model') ?? '')
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean),
    ),
  ];
  if (str('models') !== undefined && str('model') !== undefined) throw new UsageError('give either --models a,b or --model NAME, not both');
  return {
    suite: str('suite') ?? 'core',
    models,
    tasks: str('tasks'),
    tries: count(str('tries'), 'tries', 1, 2, 1),
    jobs: count(str('jobs'), 'jobs', 1, 16, 1),
    maxSteps: str('max-steps'),
    json: v.json === true,
    out: str('out'),
    keep: v.keep === true,
    provider: str('provider'),
    baseUrl: str('base-url'),
    cwd: str('cwd'),
    context: str('context'),
    help: v.help === true,
  };
}
