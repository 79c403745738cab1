// The golden corpus of real small-model outputs: ≥ 95 % exact, and no negative case may yield a call.
import { caseMatches, loadCorpus, runCase } from './corpus';

const cases = loadCorpus();

describe('tool-call corpus', () => {
  it('has a real corpus: 150+ cases, 30+ negatives, each with a source', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(cases.filter((c) => c.expect.length === 0 && !c.unreadable).length).toBeGreaterThanOrEqual(30);
    expect(cases.filter((c) => !c.source)).toEqual([]);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it('reads at least 95 % of the corpus exactly', () => {
    const failures = cases
      .map((c) => ({ c, r: runCase(c) }))
      .filter(({ c, r }) => !caseMatches(c, r))
      .map(({ c, r }) => `${c.file}#${c.id}: got ${JSON.stringify(r.calls.map((x) => [x.name, x.arguments]))} unreadable=${r.intendedButUnreadable}`);
    const score = 1 - failures.length / cases.length;
    if (failures.length) console.log(`corpus ${(score * 100).toFixed(1)} % exact; misses:\n${failures.join('\n')}`);
    expect(score).toBeGreaterThanOrEqual(0.95);
  });

  it('never turns a negative case into a call', () => {
    const falseCalls = cases
      .filter((c) => c.expect.length === 0)
      .map((c) => ({ c, r: runCase(c) }))
      .filter(({ r }) => r.calls.length > 0)
      .map(({ c, r }) => `${c.id}: ${JSON.stringify(r.calls)}`);
    expect(falseCalls).toEqual([]);
  });
});
