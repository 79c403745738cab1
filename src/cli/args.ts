// The one command-line parser: node:util parseArgs tokenizes against the option catalog
// (options.ts), the command table (command-table.ts) says which command the first word names and
// what it accepts. Options may stand before or after the command. Every mistake is one UsageError
// line (exit 2) naming the flag or word and the fix.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { COMMANDS, NO_COMMAND, isCommandName, type CommandName, type CommandSpec } from './command-table';
import { OPTIONS, camel, isOptionName, specOf, type OptionName, type OptionValues } from './options';
import { nearest } from './suggest';

export class UsageError extends Error {}

export interface ParsedArgs {
  /** Undefined when no command word was given (the workbench on a terminal). */
  command?: CommandName;
  /** `debug parse` → 'parse'. */
  subcommand?: string;
  positionals: string[];
  values: OptionValues;
  /** Print the help of this command path instead of running: `--help` or `smallcode help …`. [] is the main help. */
  help?: string[];
}

interface OptionToken {
  kind: 'option';
  index: number;
  name: string;
  rawName: string;
  value: string | undefined;
  inlineValue: boolean | undefined;
}
type Token = OptionToken | { kind: 'positional'; index: number; value: string } | { kind: 'option-terminator'; index: number };

const TOKENIZER: NonNullable<ParseArgsConfig['options']> = Object.fromEntries(
  Object.entries(OPTIONS).map(([name, o]) => [name, { type: o.type, ...('short' in o ? { short: o.short } : {}) }]),
);

const SHORT_TO_LONG = new Map<string, string>(Object.entries(OPTIONS).flatMap(([name, o]) => ('short' in o ? [[`-${o.short}`, name] as const] : [])));

/**
 * Options whose value may be left out (`--resume`, `--yes`) get an explicit one, so the tokenizer
 * never takes the next word as their value unless it is meant to be (a session id after --resume).
 */
function expandOptionalValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const name = arg.startsWith('--') ? arg.slice(2) : SHORT_TO_LONG.get(arg);
    const optional = name !== undefined && isOptionName(name) ? specOf(name).optional : undefined;
    if (!optional || name === undefined) {
      out.push(arg);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && optional.next?.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(`--${name}=${optional.bare}`);
  }
  return out;
}

const commandLabel = (path: string[]) => `\`smallcode${path.length ? ` ${path.join(' ')}` : ''}\``;
const helpHint = (path: string[]) => `see \`smallcode ${path.length ? `${path.join(' ')} ` : ''}--help\``;

function unknownCommand(word: string, candidates: string[], within: string[]): UsageError {
  const guess = nearest(word, candidates);
  const kind = within.length ? `${within.join(' ')} command` : 'command';
  if (guess) return new UsageError(`unknown ${kind} "${word}" — did you mean \`smallcode ${[...within, guess].join(' ')}\`?`);
  if (!within.length && /\s/.test(word.trim())) return new UsageError(`unknown command "${word}" — to run a task: smallcode run "${word}"`);
  return new UsageError(`unknown ${kind} "${word}" — ${kind}s: ${candidates.join(', ')} (see \`smallcode ${['help', ...within].join(' ')}\`)`);
}

function optionError(token: OptionToken, spec: CommandSpec, path: string[]): UsageError | undefined {
  const allowed = Object.keys(spec.options) as OptionName[];
  const flag = token.rawName;
  if (!isOptionName(token.name)) {
    const guess = token.rawName.startsWith('--') ? nearest(token.name, [...allowed, 'help']) : undefined;
    return new UsageError(`unknown option ${flag} — ${guess ? `did you mean --${guess}? (${helpHint(path)})` : helpHint(path)}`);
  }
  const name = token.name;
  const o = specOf(name);
  if (name !== 'help' && !allowed.includes(name)) {
    return new UsageError(`option ${flag} does not apply to ${path.length ? commandLabel(path) : 'smallcode without a command'} — ${helpHint(path)}`);
  }
  if (o.type === 'boolean') return token.inlineValue ? new UsageError(`option ${flag} takes no value — write ${flag} alone`) : undefined;
  const value = token.value;
  if (value === undefined) return new UsageError(`option ${flag} needs a value, e.g. ${flag} ${o.value ?? 'VALUE'}`);
  if (!token.inlineValue && value.startsWith('-')) {
    return new UsageError(`option ${flag} needs a value, e.g. ${flag} ${o.value ?? 'VALUE'} (a value starting with "-" must be written ${flag}=${value})`);
  }
  const problem = o.check?.(value, `--${name}`);
  return problem ? new UsageError(problem) : undefined;
}

/** Resolves `help [COMMAND [SUB]]` words to a command path, or says which word is unknown. */
function helpTopic(words: string[]): string[] {
  const [first, second, ...more] = words;
  if (first === undefined) return [];
  if (!isCommandName(first)) throw unknownCommand(first, Object.keys(COMMANDS), []);
  const subs = COMMANDS[first].subcommands;
  if (second === undefined) return [first];
  if (!subs) throw new UsageError(`\`smallcode ${first}\` has no sub-commands — see \`smallcode help ${first}\``);
  if (!subs.some((s) => s.name === second))
    throw unknownCommand(
      second,
      subs.map((s) => s.name),
      [first],
    );
  if (more.length) throw new UsageError(`too many words after \`smallcode help ${first} ${second}\`: ${more.join(' ')}`);
  return [first, second];
}

function emptyValues(): Record<string, string | boolean | undefined> {
  return Object.fromEntries(Object.entries(OPTIONS).map(([name, o]) => [camel(name), o.type === 'boolean' ? false : undefined]));
}

export function parseCommandLine(argv: string[]): ParsedArgs {
  const args = expandOptionalValues(argv);
  const tokens: Token[] = parseArgs({ args, options: TOKENIZER, strict: false, allowPositionals: true, tokens: true }).tokens;
  const words = tokens.filter((t) => t.kind === 'positional');
  const options = tokens.filter((t) => t.kind === 'option');
  const wantsHelp = options.some((t) => t.name === 'help');

  // Which command: the first word, and for a command with sub-commands the next one.
  let spec = NO_COMMAND;
  const path: string[] = [];
  const commandWords = new Set<number>();
  const first = words[0];
  if (first) {
    if (!isCommandName(first.value)) {
      const unknown = options.find((t) => t.index < first.index && !isOptionName(t.name));
      if (unknown) throw optionError(unknown, NO_COMMAND, []) ?? new UsageError(`unknown option ${unknown.rawName}`);
      throw unknownCommand(first.value, Object.keys(COMMANDS), []);
    }
    spec = COMMANDS[first.value];
    path.push(first.value);
    commandWords.add(first.index);
    if (spec.subcommands) {
      const second = words[1];
      const names = spec.subcommands.map((s) => s.name);
      if (second === undefined) {
        if (wantsHelp) return { command: first.value, positionals: [], values: emptyValues() as OptionValues, help: path };
        throw new UsageError(`\`smallcode ${first.value}\` needs a sub-command: ${names.join(' or ')} — ${helpHint(path)}`);
      }
      const sub = spec.subcommands.find((s) => s.name === second.value);
      if (!sub) throw unknownCommand(second.value, names, path);
      spec = sub;
      path.push(sub.name);
      commandWords.add(second.index);
    }
  }
  const command = path[0] as CommandName | undefined;
  const subcommand = path[1];
  const values = emptyValues();
  if (wantsHelp) return { command, subcommand, positionals: [], values: values as OptionValues, help: path };

  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (!commandWords.has(token.index)) positionals.push(token.value);
    } else if (token.kind === 'option') {
      const problem = optionError(token, spec, path);
      if (problem) throw problem;
      const name = token.name as OptionName;
      values[camel(name)] = specOf(name).type === 'boolean' ? true : token.value;
    }
  }
  checkPositionals(spec, path, positionals);
  if (command === 'help') return { command, positionals, values: values as OptionValues, help: helpTopic(positionals) };
  return { command, subcommand, positionals, values: values as OptionValues };
}

function checkPositionals(spec: CommandSpec, path: string[], positionals: string[]): void {
  if (positionals.length === 0) return;
  const p = spec.positional;
  if (!p) {
    const what = path.length ? commandLabel(path) : 'smallcode';
    throw new UsageError(`${what} takes no words ("${positionals[0]}") — ${spec.noWordsFix ?? helpHint(path)}`);
  }
  if (!p.many && positionals.length > 1) throw new UsageError(`${commandLabel(path)} takes one ${p.name}, got ${positionals.length} words — ${helpHint(path)}`);
  for (const word of positionals) {
    const problem = p.check?.(word, p.name);
    if (problem) throw new UsageError(problem);
  }
}
