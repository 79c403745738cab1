import { routeStep, type RouteInput } from '../../src/tools/router';

const route = (userText: string, extra: Partial<RouteInput> = {}) => routeStep({ userText, plan: [], lastResults: [], step: 1, ...extra });

describe('routeStep', () => {
  it('explores a question about the code', () => {
    const r = route('Where is the config loaded?');
    expect(r.categories).toEqual(['explore']);
    expect(r.tools).toEqual(['read_file', 'list_files', 'search_files']);
  });

  it('offers read + edit for a change to a named file, without exploring', () => {
    const r = route('Fix the off-by-one in src/range.ts');
    expect(r.categories).toEqual(['edit']);
    expect(r.tools).toEqual(['read_file', 'edit_file', 'write_file']);
  });

  it('explores too when an edit names no file', () => {
    expect(route('Rename the helper that parses dates').categories).toEqual(['explore', 'edit']);
  });

  it('routes run/test requests to run_command and run_checks', () => {
    const r = route('run the tests in test/a.test.ts');
    expect(r.categories).toEqual(['verify']);
    expect(r.tools).toEqual(['read_file', 'run_command', 'run_checks']);
  });

  it('adds the plan for plan words and for multi-part requests', () => {
    expect(route('Make a plan for the migration').categories).toContain('plan');
    const multi = route('In src/app.ts:\n- add a --verbose flag\n- log each request\n- update the README.md');
    expect(multi.categories).toEqual(['edit', 'plan']);
    expect(multi.tools).toContain('update_plan');
  });

  it('expects an edit after a file was read, unless only a question was asked', () => {
    const lastResults = [{ name: 'read_file', ok: true }];
    expect(route('add logging to src/a.ts', { step: 2, lastResults }).tools).toContain('edit_file');
    expect(route('what does src/a.ts do?', { step: 2, lastResults }).tools).not.toContain('edit_file');
  });

  it('keeps read + edit after a failed edit, and verifies after a successful one', () => {
    const failed = route('update src/a.ts', { step: 3, lastResults: [{ name: 'edit_file', ok: false }] });
    expect(failed.tools).toEqual(expect.arrayContaining(['read_file', 'edit_file']));
    const applied = route('update src/a.ts', { step: 3, lastResults: [{ name: 'edit_file', ok: true }] });
    expect(applied.tools).toContain('run_command');
  });

  it('after a failing command offers the fix and the re-run', () => {
    const r = route('run npm test', { step: 2, lastResults: [{ name: 'run_command', ok: false }] });
    expect(r.categories).toEqual(['edit', 'verify']);
  });

  it('ticks off an open plan after progress', () => {
    const plan = [
      { text: 'a', done: true },
      { text: 'b', done: false },
    ];
    const r = route('change src/a.ts', { step: 4, plan, lastResults: [{ name: 'edit_file', ok: true }] });
    expect(r.tools).toContain('update_plan');
  });

  it('honours forced categories and tools', () => {
    const r = route('explain src/a.ts', { forced: ['verify', 'update_plan'] });
    expect(r.tools).toEqual(expect.arrayContaining(['run_command', 'update_plan']));
  });

  it('never returns an empty set, and is deterministic', () => {
    const r = route('hello there src/x.ts');
    expect(r.tools.length).toBeGreaterThan(0);
    expect(r.tools).toContain('read_file');
    expect(route('hello there src/x.ts')).toEqual(r);
    expect(r.reason).not.toBe('');
  });
});

describe('file names in the request', () => {
  it.each([
    ['fix a.ts', false],
    ['fix it, e.g. by clamping the index', true],
    ['update the lib/ folder', false],
  ])('%s → explore: %s', (text, explores) => {
    expect(routeStep({ userText: text, plan: [], lastResults: [], step: 1 }).categories.includes('explore')).toBe(explores);
  });
});

describe('routing from the open plan item', () => {
  it('reads a short "continue" through the current plan item', () => {
    const plan = [
      { text: 'Add a clamp to src/range.ts', done: true },
      { text: 'Run the test suite', done: false },
    ];
    const r = routeStep({ userText: 'continue', plan, lastResults: [], step: 1 });
    expect(r.categories).toEqual(['verify', 'plan']);
  });

  it('offers update_plan at the start of a turn while a plan is open', () => {
    const plan = [{ text: 'Rename parseDate in src/date.ts', done: false }];
    expect(routeStep({ userText: 'go on', plan, lastResults: [], step: 1 }).tools).toEqual(['read_file', 'edit_file', 'write_file', 'update_plan']);
  });
});
