// The failure digest on real runner outputs (test/fixtures/check-output, see its README): each
// runner's summary verbatim, the first failing test with expected-vs-actual, the workspace error
// lines, ANSI gone, duplicates gone, and the budget held on a 2,000-line log.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { digestCheckOutput, digestBudget, DEFAULT_DIGEST_TOKENS } from '../../src/checks/digest';

const DIR = path.join(__dirname, '..', 'fixtures', 'check-output');
const fixture = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');
const digest = (name: string, root = '/home/dev/shop', extra: Partial<Parameters<typeof digestCheckOutput>[0]> = {}) =>
  digestCheckOutput({ name: 'test', command: 'npm test', exitCode: 1, output: fixture(name), root, ...extra });

describe('digestCheckOutput on each runner', () => {
  it('jest: summary lines verbatim, first failure with Expected/Received and its location, the other failure named', () => {
    const d = digest('jest.txt');
    expect(d.runners).toEqual(['jest']);
    expect(d.summaryLines).toEqual(['Test Suites: 1 failed, 1 passed, 2 total', 'Tests:       2 failed, 3 passed, 5 total']);
    expect(d.firstFailure).toEqual({
      name: 'Cart › applies the discount to the total',
      runner: 'jest',
      details: ['expect(received).toBe(expected) // Object.is equality', 'Expected: 90', 'Received: 100'],
      location: 'test/cart.test.js:11:26',
    });
    expect(d.otherFailures).toEqual(['Cart › removes an item by id']);
    expect(d.text).toContain('check "test" (npm test) failed: exit code 1');
    expect(d.text).not.toMatch(/^\s*>? ?\d+ \|/m); // no source excerpts
  });

  it('jest with colours: the same digest, no escape codes', () => {
    const plain = digest('jest.txt');
    const colour = digest('jest-color.txt');
    expect(fixture('jest-color.txt')).toContain('\x1b[');
    expect(colour.text).not.toContain('\x1b');
    expect(colour.summaryLines).toEqual(plain.summaryLines);
    expect(colour.firstFailure).toEqual(plain.firstFailure);
  });

  it('vitest: the Test Files / Tests lines and the expected/received diff', () => {
    const d = digest('vitest.txt');
    expect(d.summaryLines).toEqual(['Test Files  1 failed | 1 passed (2)', 'Tests  1 failed | 4 passed (5)']);
    expect(d.firstFailure?.name).toBe('test/cart.test.ts > Cart > applies the discount to the total');
    expect(d.firstFailure?.details).toEqual(['AssertionError: expected 100 to be 90 // Object.is equality', '- Expected', '+ Received', '- 90', '+ 100']);
    expect(d.firstFailure?.location).toBe('test/cart.test.ts:11:26');
  });

  it('mocha: passing/failing counts, the failure block after "N failing", not the progress listing', () => {
    const d = digest('mocha.txt');
    expect(d.summaryLines).toEqual(['2 passing (11ms)', '2 failing']);
    expect(d.firstFailure?.name).toBe('Cart applies the discount to the total');
    expect(d.firstFailure?.details).toEqual(['AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:', '100 !== 90', '-100', '+90']);
    expect(d.otherFailures).toEqual(['Cart removes an item by id']);
  });

  it('node:test (TAP): # tests/pass/fail, expected and actual from the YAML block, the failing suite not counted as a test', () => {
    const d = digest('node-test-tap.txt');
    expect(d.summaryLines).toEqual(['# tests 3', '# pass 1', '# fail 2']);
    expect(d.firstFailure?.name).toBe('applies the discount to the total');
    expect(d.firstFailure?.details).toEqual(expect.arrayContaining(['100 !== 90', 'expected: 90', 'actual: 100']));
    expect(d.firstFailure?.location).toBe('test/cart.test.js:12:12');
    expect(d.otherFailures).toEqual(['removes an item by id']);
    expect(d.text).not.toMatch(/node:internal|duration_ms|stack:/);
  });

  it('node:test (spec reporter): ℹ lines and the assertion; the "failing tests" recap adds nothing twice', () => {
    const d = digest('node-test-spec.txt');
    expect(d.summaryLines).toEqual(['ℹ tests 3', 'ℹ pass 1', 'ℹ fail 2']);
    expect(d.firstFailure?.details).toEqual(expect.arrayContaining(['100 !== 90']));
    expect(d.otherFailures).toEqual(['removes an item by id']);
    expect(d.text.match(/100 !== 90/g)).toHaveLength(1);
  });

  it('pytest: the session result line, the > and E lines, the file:line of each failure', () => {
    const d = digest('pytest.txt');
    expect(d.summaryLines).toEqual(['========================= 2 failed, 1 passed in 0.05s ==========================']);
    expect(d.firstFailure?.name).toBe('test_discount');
    expect(d.firstFailure?.details.slice(0, 2)).toEqual(['>       assert cart.total() == 90', 'E       assert 100 == 90']);
    expect(d.text).toContain('tests/test_cart.py:13: AssertionError');
    expect(d.errorLines).toContain('tests/test_cart.py:17: AttributeError');
  });

  it('unittest: Ran/FAILED lines, the failing test id, the exception, the workspace frame', () => {
    const d = digest('unittest.txt');
    expect(d.summaryLines).toEqual(['Ran 3 tests in 0.001s', 'FAILED (failures=1, errors=1)']);
    expect(d.firstFailure).toMatchObject({ name: 'tests.test_cart.CartTest.test_remove_item', location: 'tests/test_cart.py:17' });
    expect(d.firstFailure?.details).toContain("AttributeError: 'Cart' object has no attribute 'remove'");
    expect(d.otherFailures).toEqual(['tests.test_cart.CartTest.test_discount']);
  });

  it('tsc: every error line with its file(line,col); the pretty form keeps "Found N errors" and drops the excerpts', () => {
    const plain = digest('tsc.txt');
    expect(plain.runners).toEqual(['tsc']);
    expect(plain.errorLines).toEqual([
      "src/cart.ts(4,11): error TS2322: Type 'string' is not assignable to type 'number'.",
      "src/cart.ts(9,12): error TS2339: Property 'remove' does not exist on type 'Cart'.",
      "src/format.ts(1,23): error TS7006: Parameter 'v' implicitly has an 'any' type.",
    ]);
    const pretty = digest('tsc-pretty.txt');
    expect(pretty.summaryLines).toEqual(['Found 3 errors in 2 files.']);
    expect(pretty.errorLines).toHaveLength(3);
    expect(pretty.text).not.toContain('~~~');
    expect(pretty.text).not.toContain('\x1b');
  });

  it('eslint: file headers joined to their error lines; warnings left out', () => {
    const d = digest('eslint.txt');
    expect(d.summaryLines).toEqual(['✖ 4 problems (3 errors, 1 warning)']);
    expect(d.errorLines).toEqual([
      "src/cart.js:3:7 error 'discount' is assigned a value but never used (no-unused-vars)",
      "src/cart.js:14:12 error 'item' is not defined (no-undef)",
      "src/format.js:2:10 error Expected '===' and instead saw '==' (eqeqeq)",
    ]);
  });

  it('go test: FAIL/ok package lines, --- FAIL with its t.Errorf line; build errors with their file:line', () => {
    const d = digest('go-test.txt');
    expect(d.summaryLines).toEqual(['FAIL\texample.com/shop/cart\t0.004s', 'ok  \texample.com/shop/format\t0.002s']);
    expect(d.firstFailure).toMatchObject({ name: 'TestTotalWithDiscount', details: ['cart_test.go:14: Total() = 100, want 90'] });
    expect(d.otherFailures).toEqual(['TestRemove']);
    const build = digest('go-build.txt');
    expect(build.errorLines).toEqual([
      './cart.go:12:9: cannot use total (variable of type float64) as int value in return statement',
      './cart_test.go:20:7: c.Remove undefined (type *Cart has no field or method Remove)',
    ]);
  });

  it('cargo test: the test result line, the panic with left/right, no backtrace; compile errors joined to their --> location', () => {
    const d = digest('cargo-test.txt', '/home/dev/shoprs');
    expect(d.summaryLines[0]).toMatch(/^test result: FAILED\. 1 passed; 1 failed;/);
    expect(d.firstFailure?.name).toBe('tests::applies_discount');
    expect(d.firstFailure?.details).toEqual(expect.arrayContaining(['assertion `left == right` failed', 'left: 99', 'right: 90']));
    expect(d.text).not.toMatch(/rustc|core::panicking/);
    const build = digest('cargo-build.txt', '/home/dev/shoprs');
    expect(build.errorLines).toEqual(['src/lib.rs:3:32: error[E0308]: mismatched types', 'src/lib.rs:3:30: error[E0277]: cannot divide `u32` by `u64`']);
  });
});

describe('digest shape and budget', () => {
  it('paths outside the workspace are not workspace files; inside ones become relative', () => {
    const d = digestCheckOutput({
      name: 't',
      command: 'x',
      exitCode: 1,
      root: '/w',
      output: '/usr/lib/x.js:3:1: boom here\n/w/src/a.js:4:2: broken thing\nnode_modules/p/i.js:1:1: deep error',
    });
    expect(d.errorLines).toEqual(['src/a.js:4:2: broken thing']);
  });

  it('an output no pattern knows still gives its last lines', () => {
    const d = digestCheckOutput({ name: 'build', command: 'sh build.sh', exitCode: 2, output: 'step 1\nstep 2\nmake: *** [all] Error 2\n' });
    expect(d.text).toContain('last lines of the output:');
    expect(d.text).toContain('make: *** [all] Error 2');
  });

  it('a passing check is one headline plus its summary; a timed-out one says so', () => {
    const ok = digestCheckOutput({ name: 'test', command: 'npm test', exitCode: 0, output: 'Tests:       5 passed, 5 total\n' });
    expect(ok.passed).toBe(true);
    expect(ok.text).toBe('check "test" (npm test) passed\nsummary:\n  Tests:       5 passed, 5 total');
    const slow = digestCheckOutput({ name: 'test', command: 'npm test', exitCode: null, timedOut: true, output: '' });
    expect(slow.passed).toBe(false);
    expect(slow.text).toMatch(/timed out/);
  });

  it('repeated lines appear once', () => {
    const line = 'src/a.ts(1,1): error TS1005: ";" expected.';
    const d = digestCheckOutput({ name: 'tsc', command: 'tsc', exitCode: 2, output: `${line}\n${line}\n${line}\n` });
    expect(d.text.split(line)).toHaveLength(2);
  });

  it('holds the budget on a 2,000-line failing jest log, keeps the summary, and says how many more failed', () => {
    const block = fixture('jest.txt').split('Test Suites:')[0];
    const parts: string[] = [];
    for (let i = 0; parts.join('\n').split('\n').length < 2000; i++) parts.push(block.replace(/Cart › /g, `Cart ${i} › `));
    const output = parts.join('\n') + '\nTest Suites: 80 failed, 80 total\nTests:       160 failed, 160 total\n';
    expect(output.split('\n').length).toBeGreaterThanOrEqual(2000);
    const d = digestCheckOutput({ name: 'test', command: 'npx jest', exitCode: 1, output, root: '/home/dev/shop', maxTokens: DEFAULT_DIGEST_TOKENS });
    expect(d.tokens).toBeLessThanOrEqual(600);
    expect(d.text).toContain('Tests:       160 failed, 160 total');
    expect(d.text).toContain('Expected: 90');
    expect(d.text).toMatch(/… and \d+ more/);
  });

  it('a tight budget drops the lower sections first, never the headline', () => {
    const d = digest('pytest.txt', '/home/dev/shop', { maxTokens: 60 });
    expect(d.tokens).toBeLessThanOrEqual(60);
    expect(d.text.startsWith('check "test" (npm test) failed: exit code 1')).toBe(true);
    expect(d.text).toContain('2 failed, 1 passed');
  });

  it('scales the budget with the window: 600 on 8k, more on larger windows, bounded', () => {
    expect(digestBudget(8192)).toBe(600);
    expect(digestBudget(32768)).toBe(2000);
    expect(digestBudget(2048)).toBe(300);
  });
});
