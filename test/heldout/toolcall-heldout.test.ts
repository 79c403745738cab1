// Independent held-out judge for the tool-call parser: 120 public model replies (issue threads and
// other projects' parser tests, source named in each case) run through the real CLI
// (`smallcode debug parse`). Target: ≥ 90 % read exactly, and no call at all on a negative.
// The CLI runs from dist/: `npm test` builds first; run `npx tsc -p tsconfig.build.json` before a lone jest run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scoreToolcallCorpus, type HeldoutScore } from './score-toolcall';

const CORPUS = path.join(__dirname, '..', 'fixtures', 'heldout-toolcall');
const BUILT_CLI = path.join(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');

describe('tool-call parser: held-out corpus through `smallcode debug parse`', () => {
  let score: HeldoutScore;

  beforeAll(() => {
    if (!fs.existsSync(BUILT_CLI)) throw new Error('dist/ is missing: run `npx tsc -p tsconfig.build.json` first');
    score = scoreToolcallCorpus(CORPUS);
  }, 300_000);

  it('has a corpus of 80–120 cases with about a quarter negatives', () => {
    expect(score.total).toBeGreaterThanOrEqual(80);
    expect(score.total).toBeLessThanOrEqual(120);
    expect(score.negatives / score.total).toBeGreaterThanOrEqual(0.2);
  });

  it('reads at least 90 % of the cases exactly', () => {
    const report = score.failures.map((f) => `${f.file}\n  expected ${JSON.stringify(f.expected)}\n  got      ${JSON.stringify(f.got)}`);
    if (score.exact / score.total < 0.9) throw new Error(`exact ${score.exact}/${score.total}\n${report.join('\n')}`);
    expect(score.exact / score.total).toBeGreaterThanOrEqual(0.9);
  });

  it('makes no call on any negative', () => {
    expect(score.falseCalls).toBe(0);
  });
});
