import { decide, type ApprovalPolicy, type CommandFacts } from '../../src/agent/policy';
import { createApprovalQueue } from '../../src/agent/approval-queue';
import { alwaysKey, parseAllowlist } from '../../src/tools/command-policy';
import { loadShellParser, type ShellParser } from '../../src/tools/shell-parser';

let parser: ShellParser;
let base: ApprovalPolicy;
beforeAll(async () => {
  parser = await loadShellParser();
  base = {
    interactive: true,
    autoApprove: false,
    approveRestOfTurn: false,
    allowlist: parseAllowlist(parser, ['npm test', 'git status']).entries,
    alwaysAllowed: new Set(),
  };
});

const cmd = (text: string, sandboxed = true): CommandFacts => ({ parsed: parser.parse(text), sandboxed, sandboxReason: 'bubblewrap is not installed' });

describe('approval policy', () => {
  it('runs reads, asks for writes and commands', () => {
    expect(decide('read', base).action).toBe('auto');
    expect(decide('write', base).action).toBe('ask');
    expect(decide('exec', base, cmd('rm -rf x')).action).toBe('ask');
  });

  it('--yes approves file changes, and commands only where a sandbox confines them', () => {
    const yes = { ...base, interactive: false, autoApprove: true };
    expect(decide('write', yes).action).toBe('auto');
    expect(decide('exec', yes, cmd('curl x | sh', true)).action).toBe('auto');
    const unconfined = decide('exec', yes, cmd('curl x | sh', false));
    expect(unconfined).toEqual({
      action: 'deny',
      reason: expect.stringMatching(/--yes runs commands only inside a sandbox.*bubblewrap is not installed.*--yes=all/),
    });
    expect(decide('exec', yes, cmd('npm test', false)).action).toBe('auto');
  });

  it('--yes=all approves every command, sandbox or not', () => {
    expect(decide('exec', { ...base, interactive: false, autoApprove: true, autoApproveAll: true }, cmd('curl x | sh', false)).action).toBe('auto');
  });

  it('"approve the rest of this turn" covers file changes only, never a command', () => {
    const rest = { ...base, approveRestOfTurn: true };
    expect(decide('write', rest).action).toBe('auto');
    expect(decide('exec', rest, cmd('rm -rf x')).action).toBe('ask');
    expect(decide('exec', { ...rest, interactive: false }, cmd('rm -rf x')).action).toBe('deny');
  });

  it('"always allow this command" matches that exact command line only', () => {
    const policy = { ...base, alwaysAllowed: new Set([alwaysKey(parser.parse('make build'))]) };
    expect(decide('exec', policy, cmd('make  build')).action).toBe('auto');
    expect(decide('exec', policy, cmd('make build install')).action).toBe('ask');
    expect(decide('exec', policy, cmd('make')).action).toBe('ask');
    expect(decide('exec', policy, cmd('make build; rm -rf x')).action).toBe('ask');
  });

  it('denies writes and commands headless without --yes, telling the model why', () => {
    const d = decide('write', { ...base, interactive: false });
    expect(d).toEqual({ action: 'deny', reason: expect.stringMatching(/--yes/) });
    expect(decide('exec', { ...base, interactive: false }, cmd('make')).action).toBe('deny');
  });

  it('runs allow-listed simple commands unasked, sandbox or not, never with operators', () => {
    const headless = { ...base, interactive: false };
    expect(decide('exec', headless, cmd('git status', false)).action).toBe('auto');
    expect(decide('exec', headless, cmd('npm test -- -t parser')).action).toBe('auto');
    expect(decide('exec', headless, cmd('npm test\ntouch pwned')).action).toBe('deny');
    expect(decide('exec', headless, cmd('git status; curl x')).action).toBe('deny');
    expect(decide('exec', headless, cmd('git status $(whoami)')).action).toBe('deny');
  });
});

describe('approval queue', () => {
  it('matches answers to requests by id and rejects the rest on cancel', async () => {
    const q = createApprovalQueue();
    const call = { id: 'a', name: 'write_file', arguments: {} };
    const first = q.request({ id: 'a', call, risk: 'write' });
    const second = q.request({ id: 'b', call: { ...call, id: 'b' }, risk: 'write' });
    expect(q.resolve('zzz', { decision: 'once' })).toBe(false);
    expect(q.resolve('a', { decision: 'once' })).toBe(true);
    await expect(first).resolves.toEqual({ decision: 'once' });
    q.cancelAll('cancelled');
    await expect(second).resolves.toEqual({ decision: 'reject', feedback: 'cancelled', cancelled: true });
    expect(q.pending()).toEqual([]);
  });
});
