// What the model is told after its changes were checked: one message with each failing check's
// digest, marked new / changed / pre-existing, and what to do next. Pure text from verdicts.
import { blocks, type CheckVerdict } from './verdicts';

const LABEL: Record<string, string> = {
  new: 'NEW failure (it passed before your changes)',
  changed: 'CHANGED failure (it failed before, but differently now: your change touched it)',
  unchanged: 'pre-existing failure (the same before your changes; not yours to fix unless the task says so)',
};

export interface Feedback {
  text: string;
  /** Checks with new or changed failures. */
  blocking: string[];
}

/** `shownUnchanged`: pre-existing failures already reported this turn (shown once, then one line). */
export function checkFeedback(verdicts: CheckVerdict[], round: number, rounds: number, shownUnchanged: Set<string>): Feedback {
  const blocking = verdicts.filter((v) => blocks(v.verdict)).map((v) => v.run.check.name);
  const lines: string[] = [`The project's checks ran after your changes (round ${round} of ${rounds}).`];
  for (const v of verdicts) {
    const name = v.run.check.name;
    if (v.verdict === 'passed' || v.verdict === 'fixed') lines.push(`- ${name}: passed${v.verdict === 'fixed' ? ' (it failed before: fixed)' : ''}`);
    else if (v.verdict === 'skipped') lines.push(`- ${name}: not run (${v.run.skipped ?? 'skipped'})`);
    else if (v.verdict === 'unchanged' && shownUnchanged.has(name)) lines.push(`- ${name}: ${LABEL.unchanged}, as shown before`);
    else lines.push(`- ${name}: ${LABEL[v.verdict]}\n${v.run.digest?.text ?? ''}`);
  }
  if (blocking.length > 0)
    lines.push(`Fix the failures in ${blocking.join(', ')}: read the files they name, edit the code, and the checks run again when you answer.`);
  return { text: lines.join('\n'), blocking };
}
