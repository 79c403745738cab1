// What a turn runs against, in named parts: the local model, the conversation, the approval
// machinery, escalation, and the session's memory. The loop holds all of it; each stage takes
// only the parts it needs.
import type { Provider, ProviderInfo } from '../../providers/types';
import type { ChatMessage } from '../../types/messages';
import type { PlanItem } from '../../types/plan';
import type { ToolMode } from '../../types/tool-mode';
import type { TokenCounter } from '../../context/token-counter';
import type { StepNotes } from '../../context/step-note';
import type { ReadRecord } from '../../context/read-record';
import type { EventBus } from '../event-bus';
import type { ApprovalQueue } from '../approval-queue';
import type { ApprovalPolicy } from '../policy';
import type { HistoryStore } from '../history-store';
import type { Escalation } from './escalation';
import type { CommandRunner } from '../../sandbox/command-runner';
import type { ProjectChecks } from '../project-checks';
import type { Toolbox } from '../../tools/toolbox';

/** The local model and what discovery and calibration know about it. */
export interface LocalModel {
  provider: Provider;
  info: ProviderInfo;
  counter: TokenCounter;
  /** Tokens kept free for the answer; also the output cap of each request. */
  reserve: number;
}

export interface Approval {
  approvals: ApprovalQueue;
  policy: ApprovalPolicy;
}

/** State that outlives a turn. */
export interface SessionMemory {
  lastPlan: { items: PlanItem[] };
  /** Which tools are described in the history (text-tool mode), by the message describing them. */
  toolNotes: Map<string, ChatMessage>;
  stepNotes: StepNotes;
  reads: ReadRecord;
  /** Nested rule files already shown to the model (by label). */
  rulesShown: Set<string>;
}

export interface TurnContext {
  /** 1 for the session's first turn (named in "unchanged since your read" notes). */
  turn: number;
  root: string;
  system: string;
  maxSteps: number;
  /** The tool mode the turn starts in (it falls back to text if the server refuses tools). */
  toolMode: ToolMode;
  model: LocalModel;
  bus: EventBus;
  history: HistoryStore;
  approval: Approval;
  /** Runs the model's commands (sandbox, allow-listed environment). */
  commands: CommandRunner;
  escalation: Escalation;
  memory: SessionMemory;
  /** The project's checks (absent: checks are off). */
  checks?: ProjectChecks;
  /** Tokens of the project rules inside `system` (the gauge's rules segment). */
  rulesTokens: number;
  /** Every tool of the session: ours, and the MCP servers' while they run. */
  tools: Toolbox;
}
