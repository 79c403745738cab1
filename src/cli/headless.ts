// The headless agent: what `smallcode run` does after finding the server, shared with
// `smallcode bench` so every bench task goes through exactly the code path of `run --yes`.
import type { Config } from '../config/config';
import type { ProviderSetup } from './provider-setup';
import type { TurnOutcome } from '../agent/types';
import type { Agent } from '../agent/controller';
import { setupAgent } from './agent-setup';
import { exitCodeFor } from './exit-codes';

export type ReadyProvider = Extract<ProviderSetup, { ok: true }>;

export interface HeadlessInput {
  config: Config;
  setup: ReadyProvider;
  /** `--yes`: approve every file change, and commands that run in a sandbox; otherwise they are refused. */
  autoApprove: boolean;
  /** `--yes=all`: every command too, sandbox or not. */
  autoApproveAll?: boolean;
  resume?: string;
  task?: string;
  /** Use the user's MCP servers (`run`; bench tasks run without them). */
  mcp?: boolean;
}

export type HeadlessAgent = { ok: true; agent: Agent; notices: string[]; warnings: string[]; resumedTask?: string } | { ok: false; message: string };

export async function startHeadless(input: HeadlessInput): Promise<HeadlessAgent> {
  const built = await setupAgent({
    config: input.config,
    provider: input.setup.provider,
    providerName: input.setup.providerName,
    model: input.setup.model,
    interactive: false,
    autoApprove: input.autoApprove,
    autoApproveAll: input.autoApproveAll,
    resume: input.resume,
    task: input.task,
    mcp: input.mcp,
  });
  if (!built.ok) return built;
  return { ok: true, agent: built.agent, notices: built.notices, warnings: built.warnings, resumedTask: built.resumedTask };
}

/** One turn to its end; aborting `signal` cancels it (the outcome is then "cancelled"). */
export async function runHeadlessTurn(agent: Agent, prompt: string, signal?: AbortSignal): Promise<{ outcome: TurnOutcome; exitCode: number }> {
  const onAbort = () => agent.cancel();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const outcome = signal?.aborted ? { reason: 'cancelled' as const, text: 'Cancelled.', steps: 0 } : await agent.submit(prompt);
    return { outcome, exitCode: exitCodeFor(outcome.reason) };
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
