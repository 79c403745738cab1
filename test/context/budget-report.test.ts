import { budgetReport } from '../../src/context/budget-report';
import { computeBudget } from '../../src/context/budget';

const built = computeBudget({ window: 8192, reserve: 2048, system: 100, tools: 0, plan: 0, pinned: 0, history: 1000, source: 'estimate' });

describe('budget report', () => {
  it('shows tool descriptions and the step note held in the history as the tools and plan shares', () => {
    const r = budgetReport(built, { toolNoteTokens: 150, stepNoteTokens: 20 });
    expect(r).toMatchObject({ tools: 150, plan: 20, history: 830, prompt: built.prompt, free: built.free, source: 'estimate' });
    expect(r.system + r.tools + r.plan + r.pinned + r.history).toBe(r.prompt);
  });

  it("takes the server's count as the prompt size when it is known", () => {
    const r = budgetReport(built, { toolNoteTokens: 0, stepNoteTokens: 0, exactPrompt: 1234 });
    expect(r).toMatchObject({ prompt: 1234, free: 8192 - 2048 - 1234, source: 'exact' });
  });

  it('never moves more than the history holds', () => {
    const r = budgetReport(built, { toolNoteTokens: 5000, stepNoteTokens: 5000 });
    expect(r).toMatchObject({ tools: 1000, plan: 0, history: 0 });
  });
});
