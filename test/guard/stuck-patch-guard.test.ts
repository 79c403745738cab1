import { createStuckPatchGuard } from '../../src/guard/stuck-patch-guard';

describe('stuck patch guard', () => {
  it('climbs the ladder for a small file and asks the user without escalation', () => {
    const g = createStuckPatchGuard();
    const actions = [1, 2, 3, 4, 5, 6].map(() => g.failure('src/a.ts', 50).action);
    expect(actions).toEqual(['hint', 'hint', 'show_region', 'offer_write_file', 'ask_user', 'ask_user']);
    expect(g.count('src/a.ts')).toBe(6);
  });

  it('skips the whole-file rung for large files and escalates once when it can', () => {
    const g = createStuckPatchGuard(3, { canEscalate: () => true });
    const actions = [1, 2, 3, 4, 5].map(() => g.failure('big.ts', 900).action);
    expect(actions).toEqual(['hint', 'hint', 'show_region', 'escalate', 'ask_user']);
  });

  it('offers a whole-file write, then escalates, for a small file', () => {
    const g = createStuckPatchGuard(3, { canEscalate: () => true });
    const actions = [1, 2, 3, 4, 5, 6].map(() => g.failure('s.ts', 10).action);
    expect(actions).toEqual(['hint', 'hint', 'show_region', 'offer_write_file', 'escalate', 'ask_user']);
  });

  it('counts per path and resets on success', () => {
    const g = createStuckPatchGuard(2);
    expect(g.failure('a', 10)).toEqual({ action: 'hint', count: 1, path: 'a' });
    expect(g.failure('b', 10).action).toBe('hint');
    expect(g.failure('a', 10).action).toBe('show_region');
    g.success('a');
    expect(g.count('a')).toBe(0);
    expect(g.failure('a', 10).action).toBe('hint');
    expect(g.count('b')).toBe(1);
  });
});
