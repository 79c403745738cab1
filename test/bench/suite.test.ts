// Loading a suite folder: what a valid task looks like, and one precise problem (file, field)
// for each way a task.json can be wrong. Real temp folders.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSuite, filterTasks, describeProblem } from '../../src/bench/suite';

function suiteWith(tasks: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-suite-'));
  for (const [folder, json] of Object.entries(tasks)) {
    fs.mkdirSync(path.join(dir, folder, 'workspace'), { recursive: true });
    fs.writeFileSync(path.join(dir, folder, 'task.json'), typeof json === 'string' ? json : JSON.stringify(json));
  }
  return dir;
}

const valid = (id: string, extra: Record<string, unknown> = {}) => ({ id, instruction: 'do it', check: 'node --test', timeout_s: 60, tags: ['js'], ...extra });

describe('loadSuite', () => {
  it('reads every task folder, in name order, skipping _ and . folders', () => {
    const dir = suiteWith({ 'b-task': valid('b'), 'a-task': valid('a', { max_steps: 9, requires: ['python3'], check_timeout_s: 5 }) });
    fs.mkdirSync(path.join(dir, '_shared'));
    fs.mkdirSync(path.join(dir, 'a-task', 'check'));
    const r = loadSuite(dir);
    if (!r.ok) throw new Error(describeProblem(r.problem));
    expect(r.suite.tasks.map((t) => t.id)).toEqual(['a', 'b']);
    expect(r.suite.tasks[0]).toMatchObject({ maxSteps: 9, requires: ['python3'], checkTimeoutS: 5, timeoutS: 60, checkDir: path.join(dir, 'a-task', 'check') });
    expect(r.suite.tasks[1].checkDir).toBeUndefined();
    expect(r.suite.tasks[1].checkTimeoutS).toBe(60);
  });

  it.each([
    ['id', { ...valid('x'), id: 'has space' }],
    ['instruction', { ...valid('x'), instruction: '' }],
    ['check', { ...valid('x'), check: 42 }],
    ['timeout_s', { ...valid('x'), timeout_s: 'soon' }],
    ['timeout_s', { ...valid('x'), timeout_s: 0 }],
    ['tags', { ...valid('x'), tags: 'js' }],
    ['requires', { ...valid('x'), requires: ['ruby'] }],
    ['max_steps', { ...valid('x'), max_steps: 2.5 }],
  ])('names the field "%s" and the file when it is wrong', (field, json) => {
    const dir = suiteWith({ ok: valid('fine'), bad: json });
    const r = loadSuite(dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toMatchObject({ file: path.join(dir, 'bad', 'task.json'), field });
    expect(describeProblem(r.problem)).toContain(`(field "${field}")`);
    expect(describeProblem(r.problem).split('\n')).toHaveLength(1);
  });

  it('reports broken JSON, a missing task.json, a missing workspace/, a duplicate id, an empty suite', () => {
    const broken = loadSuite(suiteWith({ t: '{"id": "t",' }));
    expect(!broken.ok && broken.problem.message).toMatch(/not valid JSON/);
    const noJson = suiteWith({ t: valid('t') });
    fs.mkdirSync(path.join(noJson, 'u'));
    const missing = loadSuite(noJson);
    expect(!missing.ok && missing.problem.file).toBe(path.join(noJson, 'u', 'task.json'));
    const noWs = suiteWith({ t: valid('t') });
    fs.rmSync(path.join(noWs, 't', 'workspace'), { recursive: true });
    const ws = loadSuite(noWs);
    expect(!ws.ok && ws.problem.field).toBe('workspace');
    const dup = loadSuite(suiteWith({ a: valid('same'), b: valid('same') }));
    expect(!dup.ok && dup.problem.message).toMatch(/already used/);
    const empty = loadSuite(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-suite-')));
    expect(!empty.ok && empty.problem.message).toMatch(/no task folders/);
  });
});

describe('filterTasks', () => {
  const dir = suiteWith({
    a: valid('js-one', { tags: ['js', 'crlf'] }),
    b: valid('py-one', { tags: ['python'] }),
    c: valid('py-two', { tags: ['python', 'crlf'] }),
  });
  const r = loadSuite(dir);
  const tasks = r.ok ? r.suite.tasks : [];

  it('keeps all without a pattern; takes id globs and tag:NAME, comma-separated', () => {
    expect(filterTasks(tasks, undefined)).toHaveLength(3);
    expect(filterTasks(tasks, 'py-*').map((t) => t.id)).toEqual(['py-one', 'py-two']);
    expect(filterTasks(tasks, 'tag:crlf').map((t) => t.id)).toEqual(['js-one', 'py-two']);
    expect(filterTasks(tasks, 'js-one, py-two').map((t) => t.id)).toEqual(['js-one', 'py-two']);
    expect(filterTasks(tasks, 'nothing')).toEqual([]);
  });
});
