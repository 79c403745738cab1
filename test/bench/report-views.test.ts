// The report's pure views: the terminal table, report.md (one model, and several side by side),
// the per-model summary, and the progress line.
import { summarizeModel, type BenchReport, type TaskReport } from '../../src/bench/report';
import { renderTable } from '../../src/bench/report-table';
import { renderMarkdown } from '../../src/bench/report-markdown';
import { progressLine, finishedLine, clock } from '../../src/bench/progress-view';

function task(id: string, over: Partial<TaskReport> = {}): TaskReport {
  return {
    id,
    tags: ['js'],
    passed: true,
    passed_on_try: 1,
    reason: 'passed',
    detail: '',
    exit_code: 0,
    tries: [],
    steps: 3,
    prompt_tokens: 4200,
    completion_tokens: 180,
    cached_prompt_tokens: 3000,
    tokens_per_second: 40,
    tool_calls: 3,
    repaired_calls: 0,
    unreadable_calls: 0,
    edits_applied: 1,
    edits_refused: 0,
    guard_interventions: 0,
    seconds: 12.5,
    ...over,
  };
}

const failing = task('py-b', {
  passed: false,
  passed_on_try: null,
  reason: 'check_failed',
  detail: 'test_x: AssertionError: 3 != 4',
  exit_code: 0,
  tokens_per_second: 20,
  completion_tokens: 100,
});
const stuck = task('js-c', { passed: false, passed_on_try: null, reason: 'stuck', detail: 'kept repeating', exit_code: 6, guard_interventions: 2 });

function report(models: BenchReport['models'], over: Partial<BenchReport> = {}): BenchReport {
  return {
    schema: 1,
    smallcode: '0.1.0',
    suite: { name: 'core', dir: '/s/core' },
    tries: 1,
    started_at: '2025-01-01T10:00:00.000Z',
    finished_at: '2025-01-01T10:05:00.000Z',
    complete: true,
    models,
    ...over,
  };
}

describe('summarizeModel', () => {
  it('counts passes, pass@1 and pass@2, and sums the counters (speed over generation time)', () => {
    const m = summarizeModel('qwen', 'ollama http://x', [task('a'), task('b', { passed_on_try: 2 }), failing], [{ id: 'z', reason: 'needs python3' }], 2);
    expect(m).toMatchObject({
      passed: 2,
      total: 3,
      pass_at_1: 0.333,
      pass_at_2: 0.667,
      steps: 9,
      prompt_tokens: 12600,
      cached_prompt_tokens: 9000,
      edits_applied: 3,
      seconds: 37.5,
    });
    expect(m.tokens_per_second).toBeCloseTo(460 / (180 / 40 + 180 / 40 + 100 / 20), 1);
    expect(summarizeModel('q', 's', [task('a')], [], 1).pass_at_2).toBeNull();
  });
});

describe('renderTable', () => {
  it('one row per task, the summary, why tasks failed, skipped tasks', () => {
    const text = renderTable(
      report([
        summarizeModel('qwen2.5-coder:7b', 'ollama http://127.0.0.1:11434', [task('js-a'), failing, stuck], [{ id: 'ts-d', reason: 'needs typescript' }], 1),
      ]),
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('model qwen2.5-coder:7b · ollama http://127.0.0.1:11434 · suite core');
    expect(lines[1]).toMatch(
      /^task\s+result\s+reason\s+steps\s+prompt\s+compl\s+cached\s+tok\/s\s+repaired\s+unread\s+edits ok\/refused\s+guards\s+time\s+exit$/,
    );
    expect(lines.find((l) => l.startsWith('js-a'))).toMatch(/^js-a\s+pass\s+3\s+4\.2k\s+180\s+3\.0k\s+40\.0\s+0\s+0\s+1\/0\s+0\s+12\.5 s\s+0$/);
    expect(lines.find((l) => l.startsWith('js-c'))).toMatch(/FAIL\s+stuck\s.*\s6$/);
    expect(text).toContain('passed 1/3 (33 %)');
    expect(text).toContain('  py-b: check_failed — test_x: AssertionError: 3 != 4');
    expect(text).toContain('skipped ts-d: needs typescript');
    expect(text).not.toContain('side by side');
  });

  it('several models: one comparison table side by side', () => {
    const a = summarizeModel('model-a', 's', [task('t1'), failing], [], 1);
    const b = summarizeModel('model-b', 's', [task('t1', { passed: false, passed_on_try: null, reason: 'timeout' }), task('py-b')], [], 1);
    const text = renderTable(report([a, b]));
    const side = text.split('side by side:\n')[1].split('\n');
    expect(side[0]).toMatch(/^task\s+model-a\s+model-b$/);
    expect(side.find((l) => l.startsWith('t1'))).toMatch(/^t1\s+pass\s+FAIL timeout$/);
    expect(side.find((l) => l.startsWith('py-b'))).toMatch(/^py-b\s+FAIL check_failed\s+pass$/);
    expect(side.find((l) => l.startsWith('passed'))).toMatch(/1\/2 \(50 %\)\s+1\/2 \(50 %\)/);
  });

  it('says when the bench was stopped', () => {
    expect(renderTable(report([], { complete: false }))).toMatch(/stopped before the end/);
  });
});

describe('renderMarkdown', () => {
  it('Markdown tables, the side-by-side table first, failures listed, and how to read it', () => {
    const md = renderMarkdown(report([summarizeModel('a', 's', [task('t1'), failing], [], 2), summarizeModel('b|c', 's', [task('t1')], [], 2)], { tries: 2 }));
    expect(md).toMatch(/^# SmallCode bench — suite core\n/);
    expect(md.indexOf('## Side by side')).toBeLessThan(md.indexOf('## a'));
    expect(md).toContain('| task | a | b\\|c |');
    expect(md).toContain('| py-b | FAIL | check_failed | 3 |');
    expect(md).toContain('- py-b: check_failed — test_x: AssertionError: 3 != 4');
    expect(md).toContain('pass@1 50 % · pass@2 50 %');
    expect(md).toContain('## Reading the table');
  });
});

describe('progress view', () => {
  it('a bar, n/N, passes, time and the running tasks, cut to the width', () => {
    const state = { done: 3, total: 10, passed: 2, running: ['qwen · py-rename'], elapsedMs: 83_000 };
    expect(progressLine(state)).toBe('[######--------------] 3/10 · 2 passed · 1:23 · qwen · py-rename');
    expect([...progressLine({ ...state, running: ['x'.repeat(200)] }, 60)]).toHaveLength(60);
    expect(finishedLine(state, 'qwen', 'py-rename', false, 'stuck', 4.25)).toBe('[3/10] FAIL qwen · py-rename (stuck) · 4.3 s · 2 passed · 1:23');
    expect(clock(3_725_000)).toBe('1:02:05');
  });
});
