// What one turn keeps between its steps: the tool mode in use, what the last calls did, the
// guards, and each stage's retry budget.
import type { ToolMode } from '../../types/tool-mode';
import { createCallRepeatGuard, type CallRepeatGuard } from '../../guard/call-repeat-guard';
import { createStuckPatchGuard, type StuckPatchGuard } from '../../guard/stuck-patch-guard';
import { retryBudget, type RetryBudget } from './retry-budget';
import { createTurnChecks, type TurnChecks } from './verify';

export interface TurnGuards {
  repeat: CallRepeatGuard;
  stuck: StuckPatchGuard;
  /** Tools taken out of the routed set after a loop on them. */
  excluded: Set<string>;
}

export interface TurnState {
  userText: string;
  toolMode: ToolMode;
  /** Compact before the next request (after a silent truncation, an overflow, a full window). */
  forceCompact: boolean;
  /** `text`: what the model got back (routing looks for tool names in it, e.g. after find_tools). */
  lastResults: { name: string; ok: boolean; text?: string }[];
  /** Changes refused / written this turn (a turn that only saw refusals ends as `refused`). */
  denied: number;
  wrote: number;
  /** Prose of replies cut off by the output cap, awaiting their continuation. */
  cutText: string;
  guards: TurnGuards;
  /** The project's checks this turn: baseline, fix rounds. */
  checks: TurnChecks;
  /** Files written this turn, in order (nested rules are looked up on their paths). */
  writtenPaths: string[];
  retries: {
    /** The server said the prompt was too long: compact and try the step again. */
    overflow: RetryBudget;
    /** The server refused native tools: switch to text tools and try again. */
    toolSupport: RetryBudget;
    /** Consecutive replies whose calls could not be read, after the first. */
    unreadable: RetryBudget;
    /** Consecutive replies cut off by the output cap that the model is asked to finish. */
    cut: RetryBudget;
    /** Loops the repeat guard may catch before the turn stops, after the first. */
    loops: RetryBudget;
  };
}

export function createTurnState(userText: string, toolMode: ToolMode): TurnState {
  return {
    userText,
    toolMode,
    forceCompact: false,
    lastResults: [],
    denied: 0,
    wrote: 0,
    cutText: '',
    guards: { repeat: createCallRepeatGuard(3), stuck: createStuckPatchGuard(3), excluded: new Set() },
    checks: createTurnChecks(),
    writtenPaths: [],
    retries: { overflow: retryBudget(1), toolSupport: retryBudget(1), unreadable: retryBudget(1), cut: retryBudget(2), loops: retryBudget(1) },
  };
}
