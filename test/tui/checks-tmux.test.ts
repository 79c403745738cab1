// The project checks in the workbench, in a real terminal (tmux): /checks lists them with their
// source, /check runs them — the status line names the running check with its elapsed time —
// the result shows as a card and a pass/fail mark, and x opens the last run's full output.
import { HAS_TMUX, closeAll, openSession as open, userPause } from './support/tmux';

if (!HAS_TMUX) console.warn('checks-tmux: skipped — tmux is not installed (apt-get install tmux)');
const suite = HAS_TMUX ? describe : describe.skip;

jest.setTimeout(120000);

/** A slow failing check: long enough for the status line's clock to tick. */
const CHECK = [
  'sleep 2.5',
  'echo "FAIL  test/price.test.js"',
  'echo "  expected 27, received 3"',
  'echo "Tests: 1 failed, 4 passed, 5 total"',
  'exit 1',
  '',
].join('\n');

suite('project checks in the workbench (tmux)', () => {
  afterAll(closeAll);

  it('lists the checks, shows the running one with its time, then its result, and opens its full output', async () => {
    const s = await open([], { cols: 110, rows: 30 }, { SMALLCODE_CHECKS: 'sh check.sh' }, undefined, { 'a.txt': 'x\n', 'check.sh': CHECK });
    s.type('/checks');
    s.keys('Enter');
    await s.waitFor(/check\.sh: sh check\.sh ← SMALLCODE_CHECKS/);

    s.type('/check');
    s.keys('Enter');
    await s.waitFor(/running check check\.sh… [1-9] s/);
    const done = await s.waitFor('failed · ');
    expect(done).toMatch(/check check\.sh/);
    await s.waitFor('check.sh ✗');

    s.keys('Escape');
    await userPause();
    s.keys('x');
    const output = await s.waitFor('expected 27, received 3');
    expect(output).toContain('Tests: 1 failed, 4 passed, 5 total');
  });
});
