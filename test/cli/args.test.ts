// The one parser, driven by the command table: every command path × --help, every option of every
// command before and after the command word, every option a command does not take, and every
// usage error as one line.
import { parseCommandLine, UsageError } from '../../src/cli/args';
import { COMMANDS, type CommandSpec } from '../../src/cli/command-table';
import { OPTIONS, camel, specOf, type OptionName } from '../../src/cli/options';

/** Every command path: `run`, `debug`, `debug parse`, … */
const PATHS: { path: string[]; spec: CommandSpec }[] = Object.values(COMMANDS).flatMap((c) => [
  { path: [c.name], spec: c },
  ...(c.subcommands ?? []).map((s) => ({ path: [c.name, s.name], spec: s })),
]);
/** The paths that run something (not `debug` alone, which needs a sub-command). */
const LEAVES = PATHS.filter(({ spec }) => !spec.subcommands);

/** A valid value for each string option. */
const SAMPLE: Partial<Record<OptionName, string>> = {
  provider: 'ollama',
  'base-url': 'http://127.0.0.1:11434',
  model: 'qwen',
  cwd: '/tmp',
  context: '8192',
  theme: 'light',
  'max-steps': '7',
  temperature: '0.2',
  'top-p': '0.9',
  'top-k': '20',
  'min-p': '0.05',
  'repeat-penalty': '1.1',
  yes: 'all',
  resume: '20261125-153012-ab12',
  tools: 'read_file,edit_file',
  file: 'a.py',
  suite: 'core',
  models: 'a,b',
  tasks: 'py-*',
  tries: '2',
  jobs: '3',
  out: 'reports',
};

function argsFor(name: OptionName): string[] {
  const o = specOf(name);
  if (o.type === 'boolean') return [`--${name}`];
  const value = SAMPLE[name];
  if (value === undefined) throw new Error(`test table: no sample value for --${name}`);
  return o.optional ? [`--${name}=${value}`] : [`--${name}`, value];
}

const optionsOf = (spec: CommandSpec) => (Object.keys(spec.options) as OptionName[]).filter((n) => n !== 'help');

function usageError(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
  throw new Error(`expected a usage error for ${JSON.stringify(argv)}`);
}

describe('--help and `smallcode help` for every command', () => {
  it.each(PATHS.map(({ path }) => [path.join(' ')]))('%s', (joined) => {
    const path = joined.split(' ');
    expect(parseCommandLine([...path, '--help']).help).toEqual(path);
    expect(parseCommandLine([...path, '-h']).help).toEqual(path);
    expect(parseCommandLine(['--help', ...path]).help).toEqual(path);
    expect(parseCommandLine(['help', ...path]).help).toEqual(path);
  });

  it('`smallcode help`, `--help` and `-h` alone ask for the main help', () => {
    expect(parseCommandLine(['help']).help).toEqual([]);
    expect(parseCommandLine(['--help']).help).toEqual([]);
    expect(parseCommandLine(['-h']).help).toEqual([]);
  });

  it('--help wins over the rest of the line, even a mistake in it', () => {
    expect(parseCommandLine(['run', 'fix it', '--bogus', '--help']).help).toEqual(['run']);
  });
});

describe('every option of every command, before or after the command word', () => {
  const rows = LEAVES.flatMap(({ path, spec }) => optionsOf(spec).map((name) => [path.join(' '), name] as const));
  it.each(rows)('%s --%s', (joined, name) => {
    const path = joined.split(' ');
    const after = parseCommandLine([...path, ...argsFor(name)]);
    const before = parseCommandLine([...argsFor(name), ...path]);
    expect(after.command).toBe(path[0]);
    expect(after.subcommand).toBe(path[1]);
    const key = camel(name) as keyof typeof after.values;
    expect(after.values[key]).toBe(specOf(name).type === 'boolean' ? true : SAMPLE[name]);
    expect(before).toEqual(after);
  });

  it('reads the options the issue named: `smallcode --provider ollama doctor`', () => {
    const a = parseCommandLine(['--provider', 'ollama', 'doctor']);
    expect(a.command).toBe('doctor');
    expect(a.values.provider).toBe('ollama');
    expect(a.positionals).toEqual([]);
  });

  it('keeps run’s task text whole, wherever the options are', () => {
    const a = parseCommandLine(['--model', 'm', 'run', 'create hello.txt', '--yes', '--max-steps', '5']);
    expect(a).toMatchObject({ command: 'run', positionals: ['create hello.txt'], values: { yes: 'on', maxSteps: '5', model: 'm' } });
    expect(parseCommandLine(['run', 'doctor']).positionals).toEqual(['doctor']);
    expect(parseCommandLine(['run', '--', '--not-a-flag']).positionals).toEqual(['--not-a-flag']);
  });

  it('takes no command as the workbench’s options, plus --version', () => {
    expect(parseCommandLine(['--continue', '--theme', 'light']).values).toMatchObject({ continue: true, theme: 'light' });
    expect(parseCommandLine(['--version']).values.version).toBe(true);
    expect(parseCommandLine([]).command).toBeUndefined();
  });
});

describe('optional values: --yes[=all] and --resume [ID]', () => {
  it.each([
    [['run', 'x', '--yes'], 'on'],
    [['run', 'x', '-y'], 'on'],
    [['run', 'x', '--yes=all'], 'all'],
    [['--yes', 'run', 'x'], 'on'],
    [['run', 'x'], undefined],
  ])('%p → yes %p', (argv, yes) => {
    expect(parseCommandLine(argv).values.yes).toBe(yes);
  });

  it('--resume takes the next word only when it is a session id', () => {
    expect(parseCommandLine(['run', '--resume']).values.resume).toBe('latest');
    expect(parseCommandLine(['run', '--resume', '20261125-153012-ab12']).values.resume).toBe('20261125-153012-ab12');
    const a = parseCommandLine(['run', '--resume', 'finish it']);
    expect(a.values.resume).toBe('latest');
    expect(a.positionals).toEqual(['finish it']);
  });
});

describe('an option a command does not take', () => {
  const rows = PATHS.filter(({ spec }) => !spec.subcommands).flatMap(({ path, spec }) =>
    (Object.keys(OPTIONS) as OptionName[]).filter((n) => n !== 'help' && !(n in spec.options)).map((n) => [path.join(' '), n] as const),
  );
  it.each(rows)('%s refuses --%s in one line naming it', (joined, name) => {
    const path = joined.split(' ');
    for (const argv of [
      [...path, ...argsFor(name)],
      [...argsFor(name), ...path],
    ]) {
      const message = usageError(argv);
      expect(message).toBe(`option --${name} does not apply to \`smallcode ${joined}\` — see \`smallcode ${joined} --help\``);
    }
  });
});

describe('usage errors: one line naming the word or flag and the fix', () => {
  it.each([
    [['--bogus'], 'unknown option --bogus — see `smallcode --help`'],
    [['run', 'x', '--bogus'], 'unknown option --bogus — see `smallcode run --help`'],
    [['--bogus', 'doctor'], 'unknown option --bogus — see `smallcode doctor --help`'],
    [['--base_url', 'http://x', 'doctor'], 'unknown option --base_url — did you mean --base-url? (see `smallcode --help`)'],
    [['doctor', '--jsn'], 'unknown option --jsn — did you mean --json? (see `smallcode doctor --help`)'],
    [['run', 'x', '-q'], 'unknown option -q — see `smallcode run --help`'],
    [['docter'], 'unknown command "docter" — did you mean `smallcode doctor`?'],
    [['rn', 'x'], 'unknown command "rn" — did you mean `smallcode run`?'],
    [['bnech'], 'unknown command "bnech" — did you mean `smallcode bench`?'],
    [['frobnicate'], 'unknown command "frobnicate" — commands: tui, run, doctor, undo, bench, debug, help (see `smallcode help`)'],
    [['fix the login bug'], 'unknown command "fix the login bug" — to run a task: smallcode run "fix the login bug"'],
    [['debug'], '`smallcode debug` needs a sub-command: parse or apply — see `smallcode debug --help`'],
    [['debug', 'parze'], 'unknown debug command "parze" — did you mean `smallcode debug parse`?'],
    [['debug', 'zzz'], 'unknown debug command "zzz" — debug commands: parse, apply (see `smallcode help debug`)'],
    [['help', 'dcotor'], 'unknown command "dcotor" — did you mean `smallcode doctor`?'],
    [['help', 'run', 'x'], '`smallcode run` has no sub-commands — see `smallcode help run`'],
    [['help', 'debug', 'parse', 'x'], 'too many words after `smallcode help debug parse`: x'],
    [['run', 'x', '--model'], 'option --model needs a value, e.g. --model NAME'],
    [['run', 'x', '--model', '-m'], 'option --model needs a value, e.g. --model NAME (a value starting with "-" must be written --model=-m)'],
    [['run', 'x', '--json=yes'], 'option --json takes no value — write --json alone'],
    [['run', 'x', '--yes=everything'], '--yes=everything is not an option — use --yes (file changes, and commands in a sandbox) or --yes=all (every command)'],
    [['run', 'x', '--max-steps', 'many'], '--max-steps must be a whole number 1 or more, got "many"'],
    [['bench', '--tries', '3'], '--tries must be a whole number from 1 to 2, got "3"'],
    [['bench', '--jobs', '0'], '--jobs must be a whole number from 1 to 16, got "0"'],
    [['bench', 'py-*'], '`smallcode bench` takes no words ("py-*") — choose tasks with --tasks PATTERN'],
    [['doctor', 'now'], '`smallcode doctor` takes no words ("now") — it checks the server given by --provider, --base-url and --model'],
    [['undo', 'many'], 'undo takes a number of changes, e.g. `smallcode undo 2`, got "many"'],
    [['undo', '0'], 'undo takes a number of changes, e.g. `smallcode undo 2`, got "0"'],
    [['undo', '1', '2'], '`smallcode undo` takes one N, got 2 words — see `smallcode undo --help`'],
    [['--json'], 'option --json does not apply to smallcode without a command — see `smallcode --help`'],
    [['run', 'x', '--version'], 'option --version does not apply to `smallcode run` — see `smallcode run --help`'],
    [['tui', '--yes=all'], 'option --yes does not apply to `smallcode tui` — see `smallcode tui --help`'],
  ])('%p', (argv, line) => {
    const message = usageError(argv);
    expect(message).toBe(line);
    expect(message).not.toContain('\n');
  });
});
