// Independent held-out evaluation of the patch engine through the real CLI
// (`smallcode debug apply --file F --dry-run`). Cases: test/fixtures/heldout-patch/ (each folder
// names its public source). Bar: at least 90 % correct, not one wrong apply (an edit applied
// where the case requires a refusal) and not one wrong-bytes apply (exit 0 with output other
// than after.*: a silently wrong edit). Needs dist/ built (`npm test` builds it first).
import { CORPUS_DIR, formatScore, listCases, scorePatchCorpus } from './score-patch';

describe('held-out patch corpus (real CLI)', () => {
  it('has 60-100 cases, about a third of them required refusals', () => {
    const names = listCases(CORPUS_DIR);
    expect(names.length).toBeGreaterThanOrEqual(60);
    expect(names.length).toBeLessThanOrEqual(100);
  });

  it('scores at least 90 % with no wrong applies and no wrong bytes', () => {
    const score = scorePatchCorpus(CORPUS_DIR);
    const report = formatScore(score);
    if (process.env.SMALLCODE_HELDOUT_REPORT) process.stdout.write(`${report}\n`);
    expect({ wrongApplies: score.wrongApplies, wrongBytes: score.wrongBytes, report }).toEqual({ wrongApplies: 0, wrongBytes: 0, report });
    expect(score.ratio >= 0.9 ? 'ok' : report).toBe('ok');
  }, 300000);
});
