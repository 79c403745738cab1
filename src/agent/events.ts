// The one typed event union that flows out of the agent. The TUI store, the headless printer,
// the session log and the tests are all subscribers; names are `noun.verb` throughout.
import type { ProviderInfo, Usage, FinishReason } from '../providers/types';
import type { ToolCallRef } from '../types/messages';
import type { ToolDetails, Risk } from '../tools/types';
import type { Proposal } from '../patch/types';
import type { BudgetReport } from '../types/budget';
import type { PlanItem } from '../types/plan';
import type { SandboxKind } from '../sandbox/types';

/**
 * 'always' on a file change: approve the rest of this turn's file changes (`a`). 'always' on a
 * command: always allow this exact command line for the rest of the session (never a prefix).
 */
export type ApprovalDecision = 'once' | 'always' | 'reject';

export interface ApprovalRequest {
  id: string;
  call: ToolCallRef;
  risk: Risk;
  /** For writes: the pending patch the user is asked to approve. */
  proposal?: Proposal;
  /** For run_command: what runs, where, and in which sandbox ('none': unconfined). */
  command?: { command: string; cwd: string; sandbox?: SandboxKind };
}

/** `cut`: the model's reply kept running into the output cap, so the answer is incomplete. */
export type TurnEndReason = 'done' | 'max_steps' | 'cancelled' | 'error' | 'unreadable' | 'refused' | 'stuck' | 'cut';

export type AgentEvent =
  | { type: 'session.start'; sessionId: string; info: ProviderInfo }
  | { type: 'turn.start'; turn: number; text: string }
  | { type: 'step.start'; step: number; tools: string[] }
  | { type: 'model.delta'; text: string }
  | { type: 'model.reasoning'; text: string }
  /** Nothing has come from the model for `seconds` (prompt prefill, model loading, a stall);
   * about once a second while it lasts. Cleared by the next delta or by model.done. */
  | { type: 'model.waiting'; seconds: number }
  /** The reply failed (cut, stalled, server error, empty) and is being asked for again; when
   * `discarded`, what was already streamed of it is thrown away. */
  | { type: 'model.retry'; attempt: number; tries: number; reason: string; discarded: boolean }
  | { type: 'model.done'; usage: Usage; finishReason: FinishReason; text: string }
  /** `repairs`: what the parser had to fix to read the reply this call came from (named repairs,
   * a near-miss name, "constrained retry"); absent when it was read as written. */
  | { type: 'tool.proposed'; call: ToolCallRef; risk: Risk; repairs?: string[] }
  | { type: 'approval.needed'; request: ApprovalRequest }
  | { type: 'approval.resolved'; id: string; decision: ApprovalDecision; feedback?: string }
  | { type: 'tool.result'; id: string; name: string; ok: boolean; summary: string; details?: ToolDetails }
  | { type: 'patch.pending'; id: string; proposal: Proposal }
  | { type: 'patch.applied'; id: string; path: string; journalId: number }
  | { type: 'patch.rejected'; id: string; path: string; reason: string }
  | { type: 'patch.stale'; id: string; path: string }
  | { type: 'patch.undone'; paths: string[] }
  /** One change of this session undone on its own / brought back (the changes view). */
  | { type: 'change.undone'; journalId: number; path: string }
  | { type: 'change.redone'; journalId: number; path: string }
  | { type: 'budget'; report: BudgetReport }
  | { type: 'plan'; items: PlanItem[] }
  | { type: 'compaction'; before: number; after: number; method: 'stubs' | 'summary' | 'extractive' }
  | { type: 'guard'; kind: 'repetition' | 'repeated_call' | 'stuck_patch' | 'step_cap' | 'unreadable'; message: string }
  | { type: 'escalate'; provider: string; model: string; reason: string; phase: 'start' | 'done' | 'failed' }
  | { type: 'notice'; level: 'info' | 'warn'; message: string }
  | { type: 'error'; message: string }
  | { type: 'turn.end'; reason: TurnEndReason; text: string; steps: number };

export type AgentEventType = AgentEvent['type'];
