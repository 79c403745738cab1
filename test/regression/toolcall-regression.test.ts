// The tool-call regression corpus through the real CLI (`smallcode debug parse`): public model
// replies (issue threads and other projects' parser tests, source named in each case). The parser
// has been fixed against them case by case, so the test pins the EXACT set of cases read right —
// a regression fails it, and a fix must move its case out of KNOWN_MISSES.
// The CLI runs from dist/: `npm test` builds first; run `npx tsc -p tsconfig.build.json` before a lone jest run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scoreToolcallCorpus, type HeldoutScore } from './score-toolcall';

const CORPUS = path.join(__dirname, '..', 'fixtures', 'regression-toolcall');
const BUILT_CLI = path.join(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');

/** Case files the parser does not read exactly today: each fix removes its name here. */
const KNOWN_MISSES: string[] = [];

describe('tool-call parser: regression corpus through `smallcode debug parse`', () => {
  let score: HeldoutScore;

  beforeAll(() => {
    if (!fs.existsSync(BUILT_CLI)) throw new Error('dist/ is missing: run `npx tsc -p tsconfig.build.json` first');
    score = scoreToolcallCorpus(CORPUS);
  }, 300_000);

  it('reads exactly the known set of cases', () => {
    const report = score.failures.map((f) => `${f.file}\n  expected ${JSON.stringify(f.expected)}\n  got      ${JSON.stringify(f.got)}`);
    expect({ misses: score.failures.map((f) => f.file), report: score.failures.length === KNOWN_MISSES.length ? [] : report }).toEqual({
      misses: KNOWN_MISSES,
      report: [],
    });
    expect(score.total).toBeGreaterThan(0);
  });

  it('makes no call on any negative', () => {
    expect(score.falseCalls).toBe(0);
  });
});
