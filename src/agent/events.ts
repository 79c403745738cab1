// The one typed event union that flows out of the agent. The TUI store, the headless printer,
// the session log and the tests are all subscribers; names are `noun.verb` throughout.
import type { ProviderInfo, Usage, FinishReason } from '../providers/types';
import type { ToolCallRef } from '../types/messages';
import type { ToolDetails, Risk } from '../tools/types';
import type { Proposal } from '../patch/types';
import type { BudgetReport } from '../types/budget';
import type { PlanItem } from '../types/plan';
import type { SandboxKind } from '../sandbox/types';
import type { McpServerStatus } from '../mcp/mcp-status';

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
  /** For a tool from an MCP server: which server, and whose config named it. */
  external?: { server: string; tool: string; from: 'user' | 'workspace' };
}

/** `cut`: the model's reply kept running into the output cap, so the answer is incomplete.
 * `checks_failing`: the fix rounds ran out with the project's checks still failing. */
export type TurnEndReason = 'done' | 'max_steps' | 'cancelled' | 'error' | 'unreadable' | 'refused' | 'stuck' | 'cut' | 'checks_failing';

/** Why a check ran: the baseline before a turn's first change, the verify after it, or on request
 * (run_checks, /check). */
export type CheckPhase = 'baseline' | 'verify' | 'manual';

/** `new`: it passed at the baseline; `changed`: it failed before, differently; `unchanged`: the
 * same failure as before the turn (pre-existing, never blocking); `fixed`: it failed before. */
export type CheckVerdictName = 'passed' | 'fixed' | 'new' | 'changed' | 'unchanged' | 'skipped';

export interface CheckFinished {
  type: 'check.finished';
  name: string;
  command: string;
  phase: CheckPhase;
  status: 'passed' | 'failed' | 'timed_out' | 'skipped';
  /** Against the baseline (verify phase only). */
  verdict?: CheckVerdictName;
  exitCode: number | null;
  ms: number;
  /** The digest the model sees ('' when skipped). */
  digest: string;
  digestTokens: number;
  /** The whole output, for the user (capped). */
  output: string;
  /** Why it did not run. */
  skipped?: string;
}

export type AgentEvent =
  | { type: 'session.start'; sessionId: string; info: ProviderInfo }
  /** No model server answered (`message` says where it looked); the front end keeps probing. */
  | { type: 'server.missing'; message: string }
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
  /** An MCP server changed state (starting, ready, failed, …); `server` carries its tools and their cost. */
  | { type: 'mcp.server'; server: McpServerStatus }
  /** A call to an MCP tool: `start` once approved, then `done` or `failed` (with the time it took). */
  | { type: 'mcp.call'; id: string; server: string; tool: string; phase: 'start' | 'done' | 'failed'; ms?: number; message?: string }
  | { type: 'notice'; level: 'info' | 'warn'; message: string }
  | { type: 'error'; message: string }
  | { type: 'check.started'; name: string; command: string; phase: CheckPhase }
  /** A check is still running after `seconds`; about once a second (the status line's clock). */
  | { type: 'check.running'; name: string; seconds: number }
  | CheckFinished
  | { type: 'turn.end'; reason: TurnEndReason; text: string; steps: number };

export type AgentEventType = AgentEvent['type'];
