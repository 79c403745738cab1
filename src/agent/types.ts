// What a front end (the TUI, the headless printer, tests) may do with an agent: subscribe to
// its events and call its commands. Nothing else crosses this line.
import type { AgentEvent, ApprovalDecision, TurnEndReason } from './events';
import type { UndoResult } from '../patch/types';
import type { McpServerStatus } from '../mcp/mcp-status';

export interface TurnOutcome {
  reason: TurnEndReason;
  /** The final answer (or the reason the turn stopped). */
  text: string;
  steps: number;
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
  /** Compacts the history now (/compact). */
  compact(): Promise<void>;
  /** Sends the next step to the cloud model, if configured (/escalate). */
  escalate(): void;
  /** Clears the conversation (/clear). */
  clear(): void;
  busy(): boolean;
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
