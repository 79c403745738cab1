// Stage 1, prepare: re-read the plan (the user may edit it by hand), route the step to a small
// tool set — ours by the router's heuristics, MCP tools only when the step points to them, within
// the step's tool-text budget — and announce the step.
import type { PlanItem } from '../../types/plan';
import type { Tool } from '../../tools/types';
import type { Toolbox } from '../../tools/toolbox';
import type { TokenCounter } from '../../context/token-counter';
import { routeStep } from '../../tools/router';
import { routeExternal, toolTextBudget } from '../../tools/external-router';
import { describeToolsCompact, signatureLine } from '../../tools/tool-text';
import { readPlan } from '../../plan/plan-file';
import type { EventBus } from '../event-bus';

export interface PrepareInput {
  root: string;
  bus: EventBus;
  lastPlan: { items: PlanItem[] };
  userText: string;
  lastResults: { name: string; ok: boolean; text?: string }[];
  excluded: Set<string>;
  step: number;
  tools: Toolbox;
  /** The model's context window and token counter: the outside tools' share of the budget. */
  window: number;
  counter: TokenCounter;
}

export interface Prepared {
  plan: PlanItem[];
  /** The routed tools for this step (never empty: read_file at least). */
  offered: Tool[];
}

export async function prepareStep(input: PrepareInput): Promise<Prepared> {
  const { bus, tools } = input;
  const plan = await readPlan(input.root);
  if (JSON.stringify(plan) !== JSON.stringify(input.lastPlan.items)) {
    input.lastPlan.items = plan;
    bus.emit({ type: 'plan', items: plan });
  }
  const lastText = input.lastResults.map((r) => r.text ?? '').join('\n');
  // Our tools that a find_tools result named are offered as if forced.
  const found = input.lastResults.some((r) => r.name === 'find_tools')
    ? tools
        .all()
        .filter((t) => !t.external && lastText.includes(t.name))
        .map((t) => t.name)
    : [];
  const route = routeStep({ userText: input.userText, plan, lastResults: input.lastResults, step: input.step, forced: found });
  const routed = route.tools
    .filter((n) => !input.excluded.has(n))
    .map((n) => tools.byName(n))
    .filter((t): t is Tool => t !== undefined);
  const own = routed.length > 0 ? routed : [tools.byName('read_file')!];
  const finder = tools.finder();
  const base = finder && !input.excluded.has(finder.name) ? [...own, finder] : own;
  const outside = tools.external().filter((t) => !input.excluded.has(t.name));
  const extra =
    outside.length === 0
      ? []
      : routeExternal({
          stepText: `${input.userText}\n${plan.find((i) => !i.done)?.text ?? ''}`,
          lastText,
          tools: outside,
          budget: toolTextBudget(input.window) - input.counter.count(describeToolsCompact(base)),
          cost: (t) => input.counter.count(signatureLine(t)) + 1,
        });
  const offered = [...base, ...extra];
  bus.emit({ type: 'step.start', step: input.step, tools: offered.map((t) => t.name) });
  return { plan, offered };
}
