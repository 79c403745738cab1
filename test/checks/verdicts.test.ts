// Verdicts against the baseline: new, changed, unchanged, fixed — on the failure's facts, not on
// timings in the log.
import { digestCheckOutput } from '../../src/checks/digest';
import type { Check, CheckRun } from '../../src/checks/check-types';
import { compareRuns, verdictFor, blocks } from '../../src/checks/verdicts';
import { checkFeedback } from '../../src/checks/feedback';

const check: Check = { name: 'test', command: 'npm test', kind: 'test', source: 'package.json scripts.test', configured: false };

function run(exitCode: number, output: string): CheckRun {
  const digest = digestCheckOutput({ name: 'test', command: 'npm test', exitCode, output });
  return { check, status: exitCode === 0 ? 'passed' : 'failed', exitCode, ms: 5, digest, output };
}

const failing = (assertion: string, ms: number) =>
  [
    'FAIL test/sum.test.js',
    '  ● sum › adds',
    '',
    `    expect(received).toBe(expected)`,
    '',
    `    Expected: 3`,
    `    Received: ${assertion}`,
    '',
    '      at Object.<anonymous> (test/sum.test.js:4:19)',
    '',
    'Tests:       1 failed, 2 passed, 3 total',
    `Time:        ${ms} s`,
  ].join('\n');

describe('verdicts', () => {
  it('new when it passed before; fixed when it passes now', () => {
    expect(verdictFor(run(1, failing('-1', 1)), run(0, 'Tests: 3 passed'))).toBe('new');
    expect(verdictFor(run(0, 'Tests: 3 passed'), run(1, failing('-1', 1)))).toBe('fixed');
    expect(verdictFor(run(0, 'ok'), run(0, 'ok'))).toBe('passed');
  });

  it('unchanged when the same failure comes back, whatever the timing', () => {
    expect(verdictFor(run(1, failing('-1', 1.2)), run(1, failing('-1', 3.4)))).toBe('unchanged');
  });

  it('changed when the failure differs: the change touched it', () => {
    expect(verdictFor(run(1, failing('5', 1)), run(1, failing('-1', 1)))).toBe('changed');
  });

  it('only new and changed block the end of the turn; pre-existing ones are shown once', () => {
    const v = compareRuns([run(1, failing('-1', 1))], [run(1, failing('-1', 2))]);
    expect(v.map((x) => x.verdict)).toEqual(['unchanged']);
    expect(blocks('unchanged')).toBe(false);
    const shown = new Set<string>();
    const first = checkFeedback(v, 1, 3, shown);
    expect(first.blocking).toEqual([]);
    expect(first.text).toContain('Received: -1');
    shown.add('test');
    expect(checkFeedback(v, 2, 3, shown).text).not.toContain('Received: -1');
    const fresh = checkFeedback(compareRuns([run(1, failing('-1', 1))], [run(0, 'ok')]), 1, 3, new Set());
    expect(fresh.blocking).toEqual(['test']);
    expect(fresh.text).toMatch(/NEW failure[\s\S]*Expected: 3/);
  });
});
