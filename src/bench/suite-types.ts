// A bench suite as loaded from disk: one folder per task with task.json, workspace/ (the
// starting files the model sees) and check/ (hidden files copied in only to run the check).

/** Tools a task's check needs; a task whose needs are missing is skipped, not failed. */
export const REQUIREMENTS = ['node', 'python3', 'sh', 'typescript'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

export interface BenchTask {
  id: string;
  /** What the model is asked, verbatim. */
  instruction: string;
  /** Shell command run in the workspace after check/ is copied over it; exit 0 = pass. */
  check: string;
  /** Time cap for the agent, per try, in seconds. */
  timeoutS: number;
  /** Time cap for the check command, in seconds (default 60). */
  checkTimeoutS: number;
  /** Step cap for the agent (default: the configured max steps). */
  maxSteps?: number;
  tags: string[];
  requires: Requirement[];
  /** Absolute paths. */
  dir: string;
  workspaceDir: string;
  /** Absent when the task has no hidden files. */
  checkDir?: string;
}

export interface Suite {
  name: string;
  dir: string;
  tasks: BenchTask[];
}

/** Why a suite could not be loaded: the file and the field, for one line to the user. */
export interface SuiteProblem {
  file: string;
  field?: string;
  message: string;
}

export type SuiteLoad = { ok: true; suite: Suite } | { ok: false; problem: SuiteProblem };
