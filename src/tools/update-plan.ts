// update_plan: replaces the checklist in .smallcode/TODO.md with the full list the model sends.
// Risk 'read' on purpose: it writes only the agent's own plan file (never project files), and the
// user sees every change in the plan pane, so asking for approval would only add friction.
import { normalizePlanItems, planForPrompt, writePlan, PLAN_FILE } from '../plan/plan-file';
import { toolError, toolOk } from './result';
import type { Tool, ToolContext, ToolResult } from './types';

async function run(args: Record<string, unknown>, ctx: ToolContext): Promise<ToolResult> {
  const items = normalizePlanItems(args.items ?? args);
  if ('error' in items) return toolError('bad_args', `${items.error} Call update_plan(items: [{"text": "…", "done": false}]) with the whole list.`);
  try {
    await writePlan(ctx.root, items);
  } catch (err) {
    return toolError('failed', `could not write ${PLAN_FILE}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const done = items.filter((i) => i.done).length;
  const text = items.length === 0 ? `Plan cleared (${PLAN_FILE}).` : `Plan saved. ${planForPrompt(items)}`;
  return toolOk(text, `plan · ${done}/${items.length} done`, { kind: 'plan', items: items.length, done });
}

export const updatePlanTool: Tool = {
  name: 'update_plan',
  description: 'Replace the task checklist (.smallcode/TODO.md); send the whole list every time.',
  parameters: {
    type: 'object',
    properties: {
      items: {
        type: 'array',
        description: 'Every step in order',
        items: {
          type: 'object',
          properties: { text: { type: 'string' }, done: { type: 'boolean' } },
          required: ['text', 'done'],
        },
      },
    },
    required: ['items'],
  },
  risk: 'read',
  run,
};
