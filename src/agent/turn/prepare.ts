// Stage 1, prepare: re-read the plan (the user may edit it by hand), route the step to a small
// tool set, and announce the step.
import type { PlanItem } from '../../types/plan';
import type { Tool } from '../../tools/types';
import { toolByName } from '../../tools/registry';
import { routeStep } from '../../tools/router';
import { readPlan } from '../../plan/plan-file';
import type { EventBus } from '../event-bus';

export interface PrepareInput {
  root: string;
  bus: EventBus;
  lastPlan: { items: PlanItem[] };
  userText: string;
  lastResults: { name: string; ok: boolean }[];
  excluded: Set<string>;
  step: number;
}

export interface Prepared {
  plan: PlanItem[];
  /** The routed tools for this step (never empty: read_file at least). */
  offered: Tool[];
}

export async function prepareStep(input: PrepareInput): Promise<Prepared> {
  const { bus } = input;
  const plan = await readPlan(input.root);
  if (JSON.stringify(plan) !== JSON.stringify(input.lastPlan.items)) {
    input.lastPlan.items = plan;
    bus.emit({ type: 'plan', items: plan });
  }
  const route = routeStep({ userText: input.userText, plan, lastResults: input.lastResults, step: input.step });
  const routed = route.tools
    .filter((n) => !input.excluded.has(n))
    .map((n) => toolByName(n))
    .filter((t): t is Tool => t !== undefined);
  const offered = routed.length > 0 ? routed : [toolByName('read_file')!];
  bus.emit({ type: 'step.start', step: input.step, tools: offered.map((t) => t.name) });
  return { plan, offered };
}
