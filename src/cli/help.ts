// Help texts, all made from the command table and the option catalog: `smallcode help`, each
// command's `--help`, and the README's Commands block (test/cli/readme-commands.test.ts keeps
// the README equal to readmeCommands()).
import { COMMANDS, COMMON, NO_COMMAND, type CommandSpec } from './command-table';
import { flagText, specOf, type OptionName } from './options';

const WIDTH = 100;

/** Words wrapped to `width` columns, continuation lines indented by `indent` spaces. */
function wrap(text: string, width: number, indent = 0): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = ' '.repeat(indent) + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** Two columns, the second wrapped under itself. */
function table(rows: [string, string][], indent = '  '): string {
  const left = Math.min(30, Math.max(...rows.map(([l]) => l.length)));
  return rows
    .map(([l, r]) => {
      const pad = indent.length + left + 2;
      const head = l.length > left ? `${indent}${l}\n${' '.repeat(pad)}` : `${indent}${l.padEnd(left)}  `;
      return (
        head +
        wrap(r, WIDTH - pad, 0)
          .split('\n')
          .join(`\n${' '.repeat(pad)}`)
      );
    })
    .join('\n');
}

const optionNames = (spec: CommandSpec) => Object.keys(spec.options) as OptionName[];
const takesAllCommon = (spec: CommandSpec) => (Object.keys(COMMON) as OptionName[]).every((n) => n in spec.options);
/** The options a command lists as its own: all it takes, less the common block when it takes that whole. */
const ownOptions = (spec: CommandSpec) => optionNames(spec).filter((n) => !(takesAllCommon(spec) && n in COMMON));

function optionRow(spec: CommandSpec, name: OptionName): [string, string] {
  const own = spec.options[name];
  return [flagText(name), typeof own === 'string' ? own : specOf(name).help];
}

function bracket(name: OptionName): string {
  return `[${flagText(name, false)}]`;
}

/** One command's synopsis: `smallcode run "TASK" [--yes[=all]] … [common options]`, wrapped. */
function synopsis(path: string[], spec: CommandSpec, prefix = ''): string {
  const head = `${prefix}${spec.isDefault ? `smallcode [${path.join(' ')}]` : `smallcode ${path.join(' ')}`}`;
  const p = spec.positional;
  const parts = [
    ...(p ? [p.optional ? `[${p.name}]` : p.name] : []),
    ...ownOptions(spec).map(bracket),
    ...(takesAllCommon(spec) ? ['[common options]'] : []),
    ...(spec.stdin ? [`< ${spec.stdin}`] : []),
  ];
  return wrap(`${head} ${parts.join(' ')}`.trim(), WIDTH, head.length + 1);
}

/** Every runnable command path with its spec: `debug parse` and `debug apply`, not `debug`. */
function leaves(): { path: string[]; spec: CommandSpec }[] {
  return Object.values(COMMANDS).flatMap((c) =>
    c.subcommands ? c.subcommands.map((s) => ({ path: [c.name, s.name], spec: s })) : [{ path: [c.name], spec: c }],
  );
}

function commonRows(spec: CommandSpec = NO_COMMAND): [string, string][] {
  return (Object.keys(COMMON) as OptionName[]).map((n) => optionRow(spec, n));
}

const SETTINGS = `Settings also come from the environment, a .env file in the workspace, or your config file
($XDG_CONFIG_HOME/smallcode/config, default ~/.config/smallcode/config; KEY=VALUE lines):
  SMALLCODE_PROVIDER, SMALLCODE_BASE_URL, SMALLCODE_MODEL, SMALLCODE_API_KEY,
  SMALLCODE_CONTEXT, SMALLCODE_THEME, SMALLCODE_MAX_STEPS, SMALLCODE_TOOLS (auto|native|text),
  SMALLCODE_NOTIFY (on|off: the workbench's bell and desktop notifications)
Only flags, the environment and your config file may set what widens permissions:
  SMALLCODE_ALLOW, SMALLCODE_ESCALATE*, the vendor API keys, a non-loopback SMALLCODE_BASE_URL,
  SMALLCODE_SANDBOX_NETWORK, SMALLCODE_SANDBOX (auto|off), SMALLCODE_PASS_ENV, SMALLCODE_MCP_ALLOW
Precedence: flags > environment > workspace .env > your config file > defaults.`;

const withCommon = () =>
  leaves()
    .filter(({ spec }) => takesAllCommon(spec))
    .map(({ path }) => path.join(' '))
    .join(', ');

export function mainHelp(): string {
  const rows: [string, string][] = leaves().map(({ path, spec }) => [
    `${path.join(' ')}${spec.positional ? ` ${spec.positional.optional ? `[${spec.positional.name}]` : spec.positional.name}` : ''}`,
    spec.summary,
  ]);
  return `${NO_COMMAND.about}

Usage: smallcode [COMMAND] [options]       (options may stand before or after the command)

Commands:
${table(rows)}

Common options (${withCommon()}):
${table(commonRows())}

${table([
  [flagText('help'), 'help for one command: `smallcode help COMMAND` or `smallcode COMMAND --help`'],
  [flagText('version'), specOf('version').help],
])}

${SETTINGS}
`;
}

/** The help of `smallcode PATH…`; the main help for []. PATH must exist (the parser checked it). */
export function commandHelp(path: string[]): string {
  if (path.length === 0) return mainHelp();
  const top = COMMANDS[path[0] as keyof typeof COMMANDS];
  const spec = path[1] ? top.subcommands?.find((s) => s.name === path[1]) : top;
  if (!spec) return mainHelp();
  const usage = spec.subcommands ? `Usage: smallcode ${path.join(' ')} ${spec.subcommands.map((s) => s.name).join('|')} …` : synopsis(path, spec, 'Usage: ');
  const parts = [usage, wrap(spec.about, WIDTH)];
  if (spec.subcommands) {
    parts.push(`Commands:\n${table(spec.subcommands.map((s) => [synopsis([...path, s.name], s).replace(/^smallcode /, ''), s.summary]))}`);
    parts.push(`Each has its own help: ${spec.subcommands.map((s) => `smallcode ${path.join(' ')} ${s.name} --help`).join(', ')}.`);
  } else {
    const own = ownOptions(spec);
    const rows = own.map((n) => optionRow(spec, n));
    if (!takesAllCommon(spec)) rows.push([flagText('help'), specOf('help').help]);
    if (rows.length) parts.push(`Options:\n${table(rows)}`);
    if (takesAllCommon(spec)) parts.push(`Common options:\n${table([...commonRows(spec), [flagText('help'), specOf('help').help]])}`);
  }
  if (spec.footer) parts.push(wrap(spec.footer, WIDTH));
  return `${parts.join('\n\n')}\n`;
}

/** The README's Commands block: every synopsis, then the common options. */
export function readmeCommands(): string {
  const lines = leaves().map(({ path, spec }) => synopsis(path, spec));
  return `${lines.join('\n')}\n\ncommon options (${withCommon()}):\n${table(commonRows())}\n`;
}
