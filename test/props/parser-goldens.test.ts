// The golden cases the property tests found (test/fixtures/toolcall/property-counterexamples.txt)
// and issue 11's JSON-repair failures (code-in-strings.txt): every one exact, none left to the
// corpus's 95 % threshold.
import { caseMatches, loadCorpus, runCase } from '../toolcall/corpus';

const files = ['property-counterexamples.txt', 'code-in-strings.txt'];
const cases = loadCorpus().filter((c) => files.includes(c.file));

describe('parser golden counterexamples', () => {
  it('has the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases.map((c) => [`${c.file}#${c.id}`, c] as const))('%s', (_id, c) => {
    const r = runCase(c);
    expect({ calls: r.calls.map((x) => ({ name: x.name, arguments: x.arguments })), unreadable: r.intendedButUnreadable || !c.unreadable }).toEqual({
      calls: c.expect,
      unreadable: true,
    });
    expect(caseMatches(c, r)).toBe(true);
  });
});
