import { decide, isAllowlisted, type ApprovalPolicy } from '../../src/agent/policy';
import { createApprovalQueue } from '../../src/agent/approval-queue';

const base: ApprovalPolicy = { interactive: true, autoApprove: false, approveRestOfTurn: false, allowlist: ['npm test', 'git status'] };

describe('approval policy', () => {
  it('runs reads, asks for writes and commands', () => {
    expect(decide('read', base).action).toBe('auto');
    expect(decide('write', base).action).toBe('ask');
    expect(decide('exec', base, 'rm -rf x').action).toBe('ask');
  });

  it('auto-approves with --yes or after "approve the rest of this turn"', () => {
    expect(decide('write', { ...base, autoApprove: true }).action).toBe('auto');
    expect(decide('exec', { ...base, approveRestOfTurn: true }, 'make').action).toBe('auto');
  });

  it('denies writes and commands headless without --yes, telling the model why', () => {
    const d = decide('write', { ...base, interactive: false });
    expect(d).toEqual({ action: 'deny', reason: expect.stringMatching(/--yes/) });
    expect(decide('exec', { ...base, interactive: false }, 'make').action).toBe('deny');
  });

  it('allowlists simple commands only, never ones with shell operators', () => {
    expect(isAllowlisted('npm test', base.allowlist)).toBe(true);
    expect(isAllowlisted('npm test -- -t parser', base.allowlist)).toBe(true);
    expect(isAllowlisted('npm testing', base.allowlist)).toBe(false);
    expect(isAllowlisted('npm test && rm -rf /', base.allowlist)).toBe(false);
    expect(isAllowlisted('git status; curl x', base.allowlist)).toBe(false);
    expect(isAllowlisted('git status $(whoami)', base.allowlist)).toBe(false);
    expect(decide('exec', { ...base, interactive: false }, 'git status').action).toBe('auto');
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
    await expect(second).resolves.toEqual({ decision: 'reject', feedback: 'cancelled' });
    expect(q.pending()).toEqual([]);
  });
});
