import { parseCommandLine, UsageError } from '../../src/cli/args';

describe('parseCommandLine', () => {
  it('parses run with its flags and task', () => {
    const a = parseCommandLine(['run', 'create hello.txt', '--yes', '--max-steps', '5', '--model', 'm']);
    expect(a.command).toBe('run');
    expect(a.positionals).toEqual(['create hello.txt']);
    expect(a.values).toMatchObject({ yes: true, maxSteps: '5', model: 'm' });
  });

  it('accepts --resume with and without a session id', () => {
    expect(parseCommandLine(['run', '--resume']).values.resume).toBe('latest');
    expect(parseCommandLine(['run', '--resume', '20261125-153012-ab12']).values.resume).toBe('20261125-153012-ab12');
    expect(parseCommandLine(['run', '--resume', 'finish it']).positionals).toEqual(['finish it']);
  });

  it.each([
    [['--bogus'], /unknown option --bogus/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['doctor', '--yes'], /option --yes does not apply to `smallcode doctor`/],
    [['run', '--model'], /option --model needs a value/],
  ])('rejects %p with one line naming the problem', (argv, re) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(re);
  });

  it('passes debug and undo arguments through untouched', () => {
    const a = parseCommandLine(['debug', 'parse', '--tools', 'read_file']);
    expect(a.command).toBe('debug');
    expect(a.rest).toEqual(['parse', '--tools', 'read_file']);
  });
});

describe('--yes, --yes=all and --sandbox-network', () => {
  it('keeps --yes for file changes (and sandboxed commands) and --yes=all for every command', () => {
    expect(parseCommandLine(['run', 'x', '--yes']).values).toMatchObject({ yes: true, yesAll: false });
    expect(parseCommandLine(['run', 'x', '--yes=all']).values).toMatchObject({ yes: true, yesAll: true });
    expect(parseCommandLine(['run', 'x']).values).toMatchObject({ yes: false, yesAll: false, sandboxNetwork: false });
    expect(parseCommandLine(['run', 'x', '--sandbox-network']).values.sandboxNetwork).toBe(true);
  });

  it('rejects other --yes values and --yes=all outside run, in one line', () => {
    expect(() => parseCommandLine(['run', 'x', '--yes=everything'])).toThrow(/--yes=everything is not an option — use --yes .* or --yes=all/);
    expect(() => parseCommandLine(['tui', '--yes=all'])).toThrow(/option --yes=all does not apply to `smallcode tui`/);
  });
});
