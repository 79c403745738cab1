import * as fs from 'node:fs';
import * as path from 'node:path';
import { updatePlanTool } from '../../src/tools/update-plan';
import { makeWorkspace, type TempWorkspace } from './temp-workspace';

describe('update_plan', () => {
  let ws: TempWorkspace;
  beforeEach(() => {
    ws = makeWorkspace();
  });
  afterEach(() => ws.cleanup());
  const todo = () => fs.readFileSync(path.join(ws.root, '.smallcode/TODO.md'), 'utf8');

  it('writes the whole checklist to .smallcode/TODO.md and echoes it', async () => {
    const r = await updatePlanTool.run(
      {
        items: [
          { text: 'read the code', done: true },
          { text: 'fix the bug', done: false },
        ],
      },
      ws.ctx(),
    );
    expect(r.ok).toBe(true);
    expect(todo()).toContain('- [x] read the code\n- [ ] fix the bug');
    expect(r.forModel).toContain('1/2 done');
    expect(r.forModel).toContain('fix the bug ← current');
    expect(r.details).toEqual({ kind: 'plan', items: 2, done: 1 });
  });

  it('accepts the checklist strings models often send', async () => {
    const r = await updatePlanTool.run({ items: ['[x] one', '[ ] two'] }, ws.ctx());
    expect(r.ok).toBe(true);
    expect(todo()).toContain('- [x] one\n- [ ] two');
  });

  it('refuses an unusable plan with the expected form, writing nothing', async () => {
    const r = await updatePlanTool.run({ items: 42 }, ws.ctx());
    expect(r.ok).toBe(false);
    expect(r.forModel).toContain('update_plan(items:');
    expect(fs.existsSync(path.join(ws.root, '.smallcode/TODO.md'))).toBe(false);
  });

  it('is auto-approved: risk read', () => {
    expect(updatePlanTool.risk).toBe('read');
  });
});
