import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parsePlan, renderPlan, readPlan, writePlan, planPath, planForPrompt, normalizePlanItems } from '../../src/plan/plan-file';

describe('parsePlan', () => {
  it('reads checklist items in every common form and skips headings, notes and code', () => {
    const text = [
      '# Fix the parser',
      '',
      'Some notes about the approach.',
      '- [ ] read the code',
      '* [x] write a test',
      '+ [X] run it',
      '1. [ ] fix the bug',
      '2) [x] second numbered',
      '    - [ ] nested item  ',
      '- plain bullet without a box',
      '```',
      '- [ ] inside a fence',
      '```',
      '- [] malformed box',
      '\r',
    ].join('\n');
    expect(parsePlan(text)).toEqual([
      { text: 'read the code', done: false },
      { text: 'write a test', done: true },
      { text: 'run it', done: true },
      { text: 'fix the bug', done: false },
      { text: 'second numbered', done: true },
      { text: 'nested item', done: false },
    ]);
  });

  it('round-trips through renderPlan', () => {
    const items = [
      { text: 'a', done: true },
      { text: 'b  with\nnewline', done: false },
    ];
    const text = renderPlan(items, 'Task');
    expect(text).toBe('# Task\n\n- [x] a\n- [ ] b with newline\n');
    expect(parsePlan(text)).toEqual([items[0], { text: 'b with newline', done: false }]);
    expect(parsePlan('# Plan\r\n- [x] crlf\r\n')).toEqual([{ text: 'crlf', done: true }]);
  });
});

describe('plan file on disk', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('returns [] for a missing file and writes atomically under .smallcode/', async () => {
    expect(await readPlan(root)).toEqual([]);
    await writePlan(root, [{ text: 'one', done: false }]);
    expect(planPath(root)).toBe(path.join(root, '.smallcode', 'TODO.md'));
    expect(fs.readFileSync(planPath(root), 'utf8')).toBe('# Plan\n\n- [ ] one\n');
    expect(await readPlan(root)).toEqual([{ text: 'one', done: false }]);
    expect(fs.readdirSync(path.join(root, '.smallcode'))).toEqual(['TODO.md']); // no temp files left
  });

  it('reports an unreadable plan in one line', async () => {
    fs.mkdirSync(planPath(root), { recursive: true }); // a directory where the file should be
    await expect(readPlan(root)).rejects.toThrow(/^cannot read the plan .*TODO\.md \(EISDIR\) — fix or delete that file$/);
  });

  it('keeps a hand-written title and picks up hand edits', async () => {
    fs.mkdirSync(path.join(root, '.smallcode'));
    fs.writeFileSync(planPath(root), '# Port to Rust\n\n- [ ] step\n');
    await writePlan(root, [{ text: 'step', done: true }]);
    expect(fs.readFileSync(planPath(root), 'utf8')).toBe('# Port to Rust\n\n- [x] step\n');
    fs.appendFileSync(planPath(root), '* [ ] added by hand\n');
    expect(await readPlan(root)).toHaveLength(2);
  });
});

describe('planForPrompt', () => {
  it('is empty without a plan and marks the first open item as current', () => {
    expect(planForPrompt([])).toBe('');
    expect(
      planForPrompt([
        { text: 'a', done: true },
        { text: 'b', done: true },
        { text: 'c', done: false },
        { text: 'd', done: false },
        { text: 'e', done: false },
      ]),
    ).toBe('Plan (.smallcode/TODO.md): 2/5 done\n[x] a\n[x] b\n[ ] c ← current\n[ ] d\n[ ] e');
  });
});

describe('planForPrompt on a long plan', () => {
  it('windows around the current item and keeps the header count', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ text: `step ${i}`, done: i < 20 }));
    const block = planForPrompt(items).split('\n');
    expect(block[0]).toBe('Plan (.smallcode/TODO.md): 20/40 done');
    expect(block[1]).toBe('… 18 earlier items (0 open)');
    expect(block[2]).toBe('[x] step 18');
    expect(block[4]).toBe('[ ] step 20 ← current');
    expect(block[block.length - 1]).toBe('… 10 more items');
    expect(block).toHaveLength(12 + 3);
  });

  it('shows the tail of a finished plan and cuts very long items', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ text: i === 29 ? 'y'.repeat(500) : `s${i}`, done: true }));
    const block = planForPrompt(items).split('\n');
    expect(block[1]).toBe('… 18 earlier items (0 open)');
    expect(block[block.length - 1]).toMatch(/^\[x\] y+…$/);
    expect(block[block.length - 1].length).toBeLessThan(210);
  });
});

describe('normalizePlanItems', () => {
  it('accepts strings, {text, done} and {step, status}', () => {
    expect(normalizePlanItems(['[x] do a', '- [ ] do b', 'do c', '1. [X] do d'])).toEqual([
      { text: 'do a', done: true },
      { text: 'do b', done: false },
      { text: 'do c', done: false },
      { text: 'do d', done: true },
    ]);
    expect(
      normalizePlanItems([
        { text: 'a', done: true },
        { step: 'b', status: 'in_progress' },
        { step: 'c', status: 'completed' },
        { step: 'd', status: 'pending' },
      ]),
    ).toEqual([
      { text: 'a', done: true },
      { text: 'b', done: false },
      { text: 'c', done: true },
      { text: 'd', done: false },
    ]);
  });

  it('unwraps {items}/{plan}, JSON strings and Markdown text', () => {
    expect(normalizePlanItems({ plan: [{ step: 's', status: 'pending' }] })).toEqual([{ text: 's', done: false }]);
    expect(normalizePlanItems('["[x] a", "[ ] b"]')).toEqual([
      { text: 'a', done: true },
      { text: 'b', done: false },
    ]);
    expect(normalizePlanItems('# Plan\n- [x] a\n- [ ] b')).toEqual([
      { text: 'a', done: true },
      { text: 'b', done: false },
    ]);
  });

  it('returns an error value the model can act on', () => {
    expect(normalizePlanItems(42)).toEqual({ error: expect.stringContaining('must be a list') });
    expect(normalizePlanItems([{ status: 'pending' }])).toEqual({ error: expect.stringContaining('item 1 needs a "text"') });
    expect(normalizePlanItems([{ step: 'x', status: 'blocked-ish' }])).toEqual({ error: expect.stringContaining('unknown status') });
    expect(normalizePlanItems(['ok', 7])).toEqual({ error: expect.stringContaining('item 2') });
    expect(normalizePlanItems(['[ ]'])).toEqual({ error: expect.stringContaining('no text') });
  });
});
