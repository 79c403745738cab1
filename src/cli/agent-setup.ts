// Builds an agent for a command: provider, optional cloud escalation, session log (new or
// resumed). Shared by `run` and `tui` so both drive exactly the same controller.
import type { Config } from '../config/config';
import type { Provider } from '../providers/types';
import type { AgentEvent } from '../agent/events';
import type { ChatMessage } from '../types/messages';
import { createAgent, type Agent } from '../agent/controller';
import { recoverInterruptedWrites } from '../patch/index';
import { createHistoryStore } from '../agent/history-store';
import { createSessionLog, loadSession, latestSession } from '../session/session-log';
import { historyToEvents } from '../session/replay';
import { createEscalationPolicy, escalationConfigFromEnv } from '../guard/escalation-policy';
import type { CloudModel } from '../agent/turn-loop';
import { commandSafety } from './command-safety';
import { mcpOptions } from './mcp-setup';

export interface AgentSetupInput {
  config: Config;
  provider: Provider;
  providerName: string;
  model: string;
  interactive: boolean;
  autoApprove: boolean;
  /** `--yes=all`: every command too, sandbox or not. */
  autoApproveAll?: boolean;
  /** 'latest' or a session id to resume; undefined for a new session. */
  resume?: string;
  /** How a new session is started, for the message when there is none to resume. */
  startHint?: string;
  task?: string;
  /** Builds a provider for another model on the same server (/model NAME). */
  providerFor?: (model: string) => Provider;
  /** Use the user's MCP servers (run and the workbench; not bench). */
  mcp?: boolean;
}

export type AgentSetup =
  | { ok: true; agent: Agent; sessionId: string; resumedTask?: string; replay: AgentEvent[]; notices: string[]; warnings: string[] }
  | { ok: false; message: string };

async function cloudModel(config: Config): Promise<{ cloud?: CloudModel; notice?: string }> {
  const esc = escalationConfigFromEnv(config.env);
  if ('disabled' in esc) return { notice: config.env.SMALLCODE_ESCALATE ? `escalation off: ${esc.disabled}` : undefined };
  const { createCloudProvider } = require('../providers/index') as typeof import('../providers/index');
  const provider = createCloudProvider({ vendor: esc.vendor, apiKey: esc.apiKey, model: esc.model, baseUrl: esc.baseUrl });
  const after = esc.afterFailures;
  const max = esc.maxPerSession;
  return {
    cloud: { provider, label: esc.vendor, model: esc.model, policy: createEscalationPolicy({ enabled: true, afterFailures: after, maxPerSession: max }) },
    notice: `escalation on: after ${after} failures a step may go to ${esc.vendor} (${esc.model}), at most ${max} per session`,
  };
}

export async function setupAgent(input: AgentSetupInput): Promise<AgentSetup> {
  const { config } = input;
  let history: ChatMessage[] | undefined;
  let resumedTask: string | undefined;
  let sessionId: string | undefined;
  if (input.resume) {
    const id = input.resume === 'latest' ? await latestSession(config.root) : input.resume;
    if (!id)
      return {
        ok: false,
        message: `no session to resume in ${config.root}/.smallcode/sessions — ${input.startHint ?? 'start one with `smallcode run "TASK"` (without --resume)'}`,
      };
    try {
      const loaded = await loadSession(config.root, id);
      history = loaded.history;
      resumedTask = loaded.lastTask;
      sessionId = id;
    } catch {
      return { ok: false, message: `session "${id}" not found — list them in ${config.root}/.smallcode/sessions` };
    }
  }
  const safety = await commandSafety(input);
  const session = await createSessionLog(config.root, { model: input.model, provider: input.providerName, task: input.task ?? resumedTask }, sessionId);
  const { cloud, notice } = await cloudModel(config);
  const mcp = input.mcp ? mcpOptions(config, input) : { problems: [] };
  const agent = createAgent({
    root: config.root,
    provider: input.provider,
    toolMode: config.toolMode,
    maxSteps: config.maxSteps,
    interactive: input.interactive,
    autoApprove: input.autoApprove,
    autoApproveAll: input.autoApproveAll,
    allowlist: safety.allowlist,
    commands: safety.commands,
    cloud,
    history: createHistoryStore(history, { append: (m) => session.message(m), replace: (h) => session.history(h) }),
    sessionId: session.id,
    providerFor: input.providerFor,
    checks: { setting: config.checks, fixRounds: config.fixRounds },
    userRulesFile: config.userRulesFile,
    mcp: mcp.mcp,
  });
  // Subscribed first, so the log records every event before any front end reacts to it.
  agent.subscribe((e) => session.event(e));
  const notices = [...config.warnings, ...mcp.problems, ...(notice ? [notice] : [])];
  if (history) notices.push(`resumed session ${session.id} (${history.length} messages)`);
  // Temp files of a write that a killed SmallCode left half done (its undo entry is recognised later).
  const leftovers = await recoverInterruptedWrites(config.root).catch(() => []);
  if (leftovers.length > 0) notices.push(`removed ${leftovers.length} temp file${leftovers.length === 1 ? '' : 's'} left by an interrupted write`);
  return { ok: true, agent, sessionId: session.id, resumedTask, replay: history ? historyToEvents(history) : [], notices, warnings: safety.warnings };
}
