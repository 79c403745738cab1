// What a front end (the TUI, the headless printer, tests) may do with an agent: subscribe to
// its events and call its commands. Nothing else crosses this line.
import type { AgentEvent, ApprovalDecision, TurnEndReason } from './events';
import type { ChangeRecord, UndoResult } from '../patch/types';
import type { ChangeActionResult } from './session-changes';

export type { ChangeRecord } from '../patch/types';
export type { ChangeActionResult } from './session-changes';

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
  /** Switches the local model (/model NAME); takes effect from the next message. */
  setModel(name: string): void;
}
