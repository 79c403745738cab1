// The one place a request's budget report (the gauge's numbers) is built: the prompt builder's
// estimate, with the harness text that lives inside the history shown as its own shares, and —
// once the server has counted — the exact prompt size.
import type { BudgetReport } from '../types/budget';

export interface ReportParts {
  /** Tokens of the tool descriptions held in the history (text-tool mode): the tools share. */
  toolNoteTokens: number;
  /** Tokens of the newest step note in the history (routed tools, plan): the plan share. */
  stepNoteTokens: number;
  /** Tokens of the project rules inside the system text: the rules share. */
  rulesTokens?: number;
  /** The server's count of the whole prompt, tools included, when known. */
  exactPrompt?: number;
}

export function budgetReport(built: BudgetReport, parts: ReportParts): BudgetReport {
  const tools = Math.min(parts.toolNoteTokens, built.history);
  const plan = Math.min(parts.stepNoteTokens, built.history - tools);
  const rules = Math.min(parts.rulesTokens ?? 0, built.system);
  const report = { ...built, tools: built.tools + tools, plan: built.plan + plan, history: built.history - tools - plan, ...(rules > 0 ? { rules } : {}) };
  if (parts.exactPrompt === undefined) return report;
  return { ...report, prompt: parts.exactPrompt, free: built.window - built.reserve - parts.exactPrompt, source: 'exact' };
}
