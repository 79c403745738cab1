// What the model is told: the task's instruction verbatim on the first try; on the second try
// (--tries 2) the failing check's digest and a plain request to fix the code, as Aider's
// benchmark does with its test output.
import type { BenchTask } from './suite-types';

export function firstPrompt(task: BenchTask): string {
  return task.instruction;
}

export function retryPrompt(digestText: string): string {
  return [
    'The task is not finished: the check run on your changes failed.',
    '',
    digestText,
    '',
    "Fix the code so that this check passes. The check's own files are not in the workspace; do not try to create or edit them.",
  ].join('\n');
}
