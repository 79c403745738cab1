// What a front end (the TUI, the headless printer, tests) may do with an agent: subscribe to
// its events and call its commands. Nothing else crosses this line.
import type { AgentEvent, ApprovalDecision, TurnEndReason } from './events';
import type { ChangeRecord, UndoResult } from '../patch/types';
import type { McpServerStatus } from '../mcp/mcp-status';
import type { ChangeActionResult } from './session-changes';

export type { ChangeRecord } from '../patch/types';
export type { ChangeActionResult } from './session-changes';

export interface TurnOutcome {
  reason: TurnEndReason;
  /** The final answer (or the reason the turn stopped). */
  text: string;
  steps: number;
}

/** What /rules shows: the rule files in the prompt and their cost. */
export interface RulesInfo {
  files: { label: string; tokens: number; sections: number; shown: number }[];
  tokens: number;
  /** The rules share of the window, in tokens. */
  share: number;
}

/** What /checks and doctor show: the checks found and where each came from. */
export interface ChecksInfo {
  checks: { name: string; command: string; kind: string; source: string; configured: boolean }[];
  /** Why there are none, or that they are off. */
  note?: string;
  fixRounds: number;
}

export interface AgentHandle {
  subscribe(fn: (event: AgentEvent) => void): () => void;
  /** Runs one user turn to its end. Only one turn runs at a time. */
  submit(text: string): Promise<TurnOutcome>;
  /** Answers a pending approval by id. `edited` replaces a write's content (the `e` key). */
  resolve(id: string, decision: ApprovalDecision, feedback?: string, edited?: string): void;
  /** Cancels the generation / turn in flight. */
  cancel(): void;
  /** Reverts the last `n` applied changes (default 1). */
  undo(n?: number): Promise<UndoResult>;
  /** The changes applied this session, oldest first, with their diffs (the changes view). */
  changes(): Promise<ChangeRecord[]>;
  /** Undoes one change of this session, not only the newest; refuses when later edits conflict. */
  undoChange(journalId: number): Promise<ChangeActionResult>;
  /** Brings back a change undone with undoChange. */
  redoChange(journalId: number): Promise<ChangeActionResult>;
  /** Compacts the history now (/compact). */
  compact(): Promise<void>;
  /** Sends the next step to the cloud model, if configured (/escalate). */
  escalate(): void;
  /** Clears the conversation (/clear). */
  clear(): void;
  busy(): boolean;
  /** The project rules in the prompt (/rules); empty until the first message is sent. */
  rules(): RulesInfo;
  /** The project's checks (/checks). */
  checks(): ChecksInfo;
  /** Runs the project's checks now (/check); results arrive as check events. */
  runChecks(): Promise<void>;
  /** Switches the local model (/model NAME); takes effect from the next message. */
  setModel(name: string): void;
  /** The MCP servers (/mcp): their state and tools; approving workspace servers; restarting one.
   * Each action answers with one line for the chat. */
  mcp?: {
    servers(): McpServerStatus[];
    approve(names: string[]): Promise<string>;
    restart(name: string): Promise<string>;
  };
}
