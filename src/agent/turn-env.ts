// The state one turn runs against: the provider and its info, the history store, the bus, the
// approval machinery and the small pieces of agent state that outlive a turn.
import type { Provider, ProviderInfo } from '../providers/types';
import type { ChatMessage } from '../types/messages';
import type { PlanItem } from '../types/plan';
import type { EventBus } from './event-bus';
import type { ApprovalQueue } from './approval-queue';
import type { ApprovalPolicy } from './policy';
import type { TokenCounter } from '../context/token-counter';
import type { EscalationPolicy } from '../guard/escalation-policy';
import type { ToolMode } from '../types/tool-mode';
import type { HistoryStore } from './history-store';
import type { CommandRunner } from '../sandbox/command-runner';

export interface CloudModel {
  provider: Provider;
  label: string;
  model: string;
  policy: EscalationPolicy;
}

export interface TurnEnv {
  root: string;
  system: string;
  provider: Provider;
  info: ProviderInfo;
  toolMode: ToolMode;
  maxSteps: number;
  reserve: number;
  counter: TokenCounter;
  bus: EventBus;
  approvals: ApprovalQueue;
  policy: ApprovalPolicy;
  /** Runs the model's commands (sandbox, allow-listed environment). */
  commands: CommandRunner;
  history: HistoryStore;
  cloud?: CloudModel;
  /** Set by /escalate: the next step goes to the cloud model. */
  forceEscalate: { value: boolean };
  lastPlan: { items: PlanItem[] };
  /** Which tools are described in the history (text-tool mode), by the message describing them. */
  toolNotes: Map<string, ChatMessage>;
  /** Compact before the next request (set after a silent server-side truncation). */
  forceCompact?: boolean;
}
