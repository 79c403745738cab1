// Help made from the table: every command's help lists exactly the options the parser accepts for
// it (a command with sub-commands: theirs), the main help lists every command, and nothing is wider than 100 columns.
import { commandHelp, mainHelp } from '../../src/cli/help';
import { COMMANDS, type CommandSpec } from '../../src/cli/command-table';
import { flagText, type OptionName, OPTIONS } from '../../src/cli/options';
import { parseCommandLine } from '../../src/cli/args';

const PATHS: { path: string[]; spec: CommandSpec }[] = Object.values(COMMANDS).flatMap((c) => [
  { path: [c.name], spec: c },
  ...(c.subcommands ?? []).map((s) => ({ path: [c.name, s.name], spec: s })),
]);

describe('each command’s help', () => {
  it.each(PATHS.map(({ path }) => [path.join(' ')]))('%s', (joined) => {
    const path = joined.split(' ');
    const spec = PATHS.find((p) => p.path.join(' ') === joined)?.spec;
    const text = commandHelp(path);
    expect(text).toMatch(new RegExp(`^Usage: smallcode \\[?${path.join(' ')}`));
    expect(text).toContain(spec?.about.split(' ').slice(0, 4).join(' '));
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    for (const name of Object.keys(OPTIONS) as OptionName[]) {
      if (name === 'help' || name === 'version') continue;
      const listed = text.includes(flagText(name, false));
      const takes = spec?.subcommands ? spec.subcommands.some((s) => name in s.options) : name in (spec?.options ?? {});
      expect([name, listed]).toEqual([name, takes]);
    }
    if (spec?.subcommands) for (const s of spec.subcommands) expect(text).toContain(`smallcode ${joined} ${s.name} --help`);
    else expect(text).toContain('-h, --help');
  });

  it('is what the parser asks for with --help', () => {
    expect(commandHelp(parseCommandLine(['undo', '--help']).help ?? ['?'])).toMatch(/^Usage: smallcode undo \[N\] \[--list\] \[--cwd DIR\]\n/);
  });
});

describe('the main help', () => {
  const text = mainHelp();
  it('lists every command with its summary, the common options and the settings', () => {
    for (const c of Object.values(COMMANDS)) {
      for (const path of c.subcommands ? c.subcommands.map((s) => `${c.name} ${s.name}`) : [c.name]) expect(text).toMatch(new RegExp(`\\n  ${path}\\b`));
      if (!c.subcommands) expect(text).toContain(c.summary);
    }
    for (const flag of ['--provider ollama|openai', '--base-url URL', '--model NAME', '--cwd DIR', '--context N', '--theme NAME|FILE', '-v, --version'])
      expect(text).toContain(flag);
    expect(text).toContain('SMALLCODE_ESCALATE*');
    expect(text).toContain('options may stand before or after the command');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });
  it('is commandHelp([])', () => expect(commandHelp([])).toBe(text));
});
