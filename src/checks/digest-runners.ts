// What the digest knows about each runner's output: its own summary lines (kept verbatim) and how
// a failing test is announced (the header the first failure's name comes from). Ordered lists of
// small named patterns, so a new runner is one entry.

export interface SummaryPattern {
  runner: string;
  re: RegExp;
}

/** Matched against the trimmed line. */
export const SUMMARY_PATTERNS: SummaryPattern[] = [
  { runner: 'jest', re: /^Test Suites:\s+.*\btotal$/ },
  { runner: 'jest', re: /^Tests:\s+.*\btotal$/ },
  { runner: 'vitest', re: /^Test Files\s+\d+ (failed|passed)/ },
  { runner: 'vitest', re: /^Tests\s+\d+ (failed|passed)/ },
  { runner: 'mocha', re: /^\d+ (passing|failing|pending)( \(\d+m?s\))?$/ },
  { runner: 'tap', re: /^# (tests|pass|fail) \d+$/ },
  { runner: 'tap', re: /^# \d+ of \d+ (tests )?failed/ },
  { runner: 'node:test', re: /^ℹ (tests|pass|fail) \d+$/ },
  { runner: 'pytest', re: /^=+ .*\b(passed|failed|errors?|skipped|no tests ran)\b.*\bin [\d.]+s\b.*=+$/ },
  { runner: 'unittest', re: /^Ran \d+ tests? in [\d.]+s$/ },
  { runner: 'unittest', re: /^FAILED \((failures|errors)=\d+.*\)$/ },
  { runner: 'tsc', re: /^Found \d+ errors?\b/ },
  { runner: 'eslint', re: /^✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)$/ },
  { runner: 'go', re: /^(FAIL|ok)\s+\S+\s+(\d[\d.]*s|\(cached\)|\[build failed\]|\[setup failed\]|\[no test files\])/ },
  { runner: 'cargo', re: /^test result: (FAILED|ok)\. \d+ passed; \d+ failed/ },
  { runner: 'cargo', re: /^error: (could not compile|test failed)\b/ },
];

export function summaryRunner(line: string): string | undefined {
  const t = line.trim();
  return SUMMARY_PATTERNS.find((p) => p.re.test(t))?.runner;
}

export interface FailureHeader {
  runner: string;
  /** The failing test's name as the runner wrote it. */
  name: string;
  /** Lines the header itself spans (mocha writes the suite and the test on two lines). */
  span: number;
}

/** A failing test's header at `i`, if the line is one. `afterMochaFailing`: mocha numbers its
 * tests in the progress listing too; only the block after "N failing" holds the failures. */
export function failureHeaderAt(lines: string[], i: number, afterMochaFailing: boolean): FailureHeader | undefined {
  const line = lines[i];
  const t = line.trim();
  let m: RegExpExecArray | null;
  if ((m = /^● (.+)$/.exec(t)) && !/^Console$/.test(m[1])) return { runner: 'jest', name: m[1], span: 1 };
  if ((m = /^FAIL\s+(\S+ > .+)$/.exec(t))) return { runner: 'vitest', name: m[1], span: 1 };
  if ((m = /^not ok \d+ - (.+?)(\s+#.*)?$/.exec(t))) return { runner: 'tap', name: m[1], span: 1 };
  if ((m = /^✖ (.+?) \([\d.]+m?s\)$/.exec(t)) && !/^failing tests:/.test(m[1])) return { runner: 'node:test', name: m[1], span: 1 };
  if ((m = /^_{3,} (.+?) _{3,}$/.exec(t))) return { runner: 'pytest', name: m[1], span: 1 };
  if ((m = /^(FAIL|ERROR): (\S+) \((.+)\)$/.exec(t))) return { runner: 'unittest', name: `${m[3]}`, span: 1 };
  if ((m = /^--- FAIL: (\S+)/.exec(t))) return { runner: 'go', name: m[1], span: 1 };
  if ((m = /^---- (\S+) stdout ----$/.exec(t))) return { runner: 'cargo', name: m[1], span: 1 };
  if (afterMochaFailing && (m = /^\d+\) (.+)$/.exec(t))) {
    // `1) Suite` then the test name indented on the next line, ending with a colon.
    const next = lines[i + 1]?.trim() ?? '';
    if (next.endsWith(':') && !/^\d+\) /.test(next)) return { runner: 'mocha', name: `${m[1]} ${next.slice(0, -1)}`, span: 2 };
    return { runner: 'mocha', name: m[1].replace(/:$/, ''), span: 1 };
  }
  return undefined;
}

/** Lines inside a failure block that carry no information for the model. */
export function isNoise(line: string): boolean {
  const t = line.trim();
  return (
    t === '' ||
    t === '...' ||
    t === '---' ||
    /^(duration_ms|failureType|type|code|stack|location):/.test(t) ||
    /^(stack backtrace:|note: Some details are omitted|note: run with `RUST_BACKTRACE)/.test(t) ||
    /^(generatedMessage|code): /.test(t) ||
    /^[{}],?$/.test(t) ||
    /^[⎯─=_-]{5,}/.test(t) ||
    /^\d+\.\.\d+$/.test(t) ||
    /^Traceback \(most recent call last\):$/.test(t) ||
    /^\+ expected - actual$/.test(t) ||
    /^\w+: [|>]-?$/.test(t) ||
    /^test at \S+:\d+:\d+$/.test(t)
  );
}

/** The lines of a failure block most worth showing: the assertion and expected-vs-actual. */
export function isAssertionLine(line: string): boolean {
  const t = line.trim();
  return (
    /\b(expected|received|actual|assert\w*|want|got|left|right|panicked|Error|Exception|failed|equal|!==|!=|===|==)\b/i.test(t) ||
    /^[EF]\s{2,}/.test(t) ||
    /^[-+]\s*\S/.test(t) ||
    /^\S+ !==? \S+/.test(t)
  );
}
