import { computeBudget, defaultReserve, perResultCap, shareLimits, overShare } from '../../src/context/budget';

describe('budget', () => {
  it('reserves ~25 % of the window for the answer, clamped to 1024..8192', () => {
    expect(defaultReserve(8192)).toBe(2048);
    expect(defaultReserve(16384)).toBe(4096);
    expect(defaultReserve(4096)).toBe(1024);
    expect(defaultReserve(131072)).toBe(8192);
    expect(defaultReserve(1500)).toBe(750); // a tiny window keeps half for the prompt
  });

  it('caps a tool result at ~12 % of the window, at least 400', () => {
    expect(perResultCap(8192)).toBe(983);
    expect(perResultCap(2048)).toBe(400);
    expect(perResultCap(32768)).toBe(3932);
  });

  it('sums the shares into prompt and free', () => {
    const r = computeBudget({ window: 8192, system: 500, tools: 700, plan: 100, pinned: 0, history: 3000, source: 'estimate' });
    expect(r.reserve).toBe(2048);
    expect(r.prompt).toBe(4300);
    expect(r.free).toBe(8192 - 2048 - 4300);
    expect(r.source).toBe('estimate');
    const explicit = computeBudget({ window: 8192, reserve: 1000, system: 0, tools: 0, plan: 0, pinned: 0, history: 9000, source: 'exact' });
    expect(explicit.free).toBe(8192 - 1000 - 9000);
  });

  it('gives history what the other shares leave', () => {
    const l = shareLimits(8192, 2048, { system: 400, tools: 600, plan: 200 });
    expect(l.prompt).toBe(6144);
    expect(l.history).toBe(6144 - 1200);
    expect(l.system).toBe(819);
    expect(l.tools).toBe(1229);
    expect(shareLimits(1000, 2000).history).toBe(0);
  });

  it('flags shares over their caps', () => {
    const r = computeBudget({ window: 4096, system: 900, tools: 100, plan: 0, pinned: 0, history: 0, source: 'estimate' });
    expect(overShare(r)).toEqual(['system']);
  });
});
