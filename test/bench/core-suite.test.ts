// The built-in suite (suites/core) as data: enough tasks, every one with a reference answer,
// the spread the suite promises (languages, CRLF, tabs, a long file edited near its end …), and
// the hidden check files kept out of the workspaces.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { coreTasks } from './solve-with-reference';
import { REFERENCES } from './core-references';

const tasks = coreTasks();
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]));
const withTag = (tag: string) => tasks.filter((t) => t.tags.includes(tag));

describe('suites/core', () => {
  it('has at least 30 valid tasks, each with a scripted reference answer and no stray ones', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(30);
    expect(tasks.map((t) => t.id).sort()).toEqual(Object.keys(REFERENCES).sort());
    for (const t of tasks) expect(t.timeoutS).toBeGreaterThanOrEqual(120);
  });

  it('spreads over languages and kinds of change', () => {
    const count = (tag: string) => withTag(tag).length;
    expect(count('js')).toBeGreaterThanOrEqual(8);
    expect(count('ts')).toBeGreaterThanOrEqual(3);
    expect(count('python')).toBeGreaterThanOrEqual(8);
    expect(count('shell') + count('config')).toBeGreaterThanOrEqual(4);
    for (const tag of [
      'single-file',
      'multi-file',
      'add-function',
      'tests',
      'rename',
      'crlf',
      'tabs',
      'long-file',
      'search',
      'misleading-comment',
      'run-tests',
    ]) {
      expect([tag, count(tag) >= 1]).toEqual([tag, true]);
    }
  });

  it('hides the check files: nothing under check/ is in the workspace the model sees', () => {
    for (const t of tasks) {
      const visible = new Set(files(t.workspaceDir));
      const hidden = t.checkDir ? files(t.checkDir) : [];
      // A check may restore a visible file (the tests of a run-tests task) but adds its own files beside.
      expect(hidden.filter((f) => !visible.has(f)).length).toBeGreaterThan(0);
      for (const f of visible) expect(f.startsWith('bench-check/') || f.startsWith('bench_check/')).toBe(false);
    }
  });

  it('CRLF tasks are really CRLF, tab tasks really indented with tabs', () => {
    for (const t of withTag('crlf')) {
      const texts = files(t.workspaceDir).map((f) => fs.readFileSync(path.join(t.workspaceDir, f), 'utf8'));
      expect(texts.some((s) => s.includes('\r\n') && !/[^\r]\n/.test(s))).toBe(true);
    }
    for (const t of withTag('tabs')) {
      const texts = files(t.workspaceDir).map((f) => fs.readFileSync(path.join(t.workspaceDir, f), 'utf8'));
      expect(texts.some((s) => /^\t+\S/m.test(s) && !/^ +\S/m.test(s))).toBe(true);
    }
  });

  it('long-file tasks edit a 1,500+ line file in its last tenth', () => {
    expect(withTag('long-file').length).toBeGreaterThanOrEqual(2);
    for (const t of withTag('long-file')) {
      const [ref] = REFERENCES[t.id];
      const text = fs.readFileSync(path.join(t.workspaceDir, ref.arguments.path), 'utf8');
      const lines = text.split('\n').length;
      expect(lines).toBeGreaterThanOrEqual(1500);
      const at = text.slice(0, text.indexOf(ref.arguments.search)).split('\n').length;
      expect(at / lines).toBeGreaterThan(0.9);
    }
  });

  it('search tasks do not name the file to change', () => {
    for (const t of withTag('search')) {
      for (const ref of REFERENCES[t.id]) expect(t.instruction).not.toContain(ref.arguments.path);
    }
  });
});
