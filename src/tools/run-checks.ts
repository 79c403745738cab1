// run_checks: runs the project's own checks (its tests, type-check, lint — found from its files
// or configured by the user) and returns a compact digest of each failure. The agent does the
// running through the context, each check past the same approval and sandbox rules as run_command.
import { toolError } from './result';
import type { Tool, ToolContext, ToolResult } from './types';

async function run(args: Record<string, unknown>, ctx: ToolContext): Promise<ToolResult> {
  if (!ctx.runChecks) return toolError('failed', 'The project checks are off in this session; use run_command to run a test command.');
  const only = typeof args.name === 'string' && args.name.trim() !== '' ? args.name.trim() : undefined;
  return ctx.runChecks(ctx.signal, only);
}

export const runChecksTool: Tool = {
  name: 'run_checks',
  description: "Run the project's own checks (tests, type-check, lint) and get a short digest of each failure.",
  parameters: {
    type: 'object',
    properties: { name: { type: 'string', description: 'Run only the check with this name (default: all)' } },
  },
  risk: 'exec',
  approvesItself: true,
  run,
};
