// The patch regression corpus through the real CLI (`smallcode debug apply --file F --dry-run`).
// Cases: test/fixtures/regression-patch/ (each folder names its public source). They were once
// held out, but the engine has since been fixed against them case by case, so they measure no
// generalisation any more: the test pins the EXACT set of cases that pass — any regression fails
// it, and a fix must move its case out of KNOWN_MISSES. Needs dist/ built (`npm test` builds it).
import { CORPUS_DIR, formatScore, scorePatchCorpus } from './score-patch';

/** Cases the engine does not get right today (none): each fix removes its name here. */
const KNOWN_MISSES: string[] = [];

describe('patch regression corpus (real CLI)', () => {
  it('passes exactly the known set of cases: no wrong apply, no wrong bytes, no other miss', () => {
    const score = scorePatchCorpus(CORPUS_DIR);
    const misses = score.results.filter((r) => r.outcome !== 'correct_apply' && r.outcome !== 'correct_refusal').map((r) => r.name);
    if (process.env.SMALLCODE_REGRESSION_REPORT) process.stdout.write(`${formatScore(score)}\n`);
    expect({ misses, report: misses.length === KNOWN_MISSES.length ? '' : formatScore(score) }).toEqual({ misses: KNOWN_MISSES, report: '' });
    expect(score.total).toBeGreaterThan(0);
  }, 300000);
});
