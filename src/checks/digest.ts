// The failure digest: what a model needs from a failing check, not a log dump. The check and its
// exit code, the runner's own summary lines verbatim, the first failing test with its assertion,
// the error lines that name workspace files, the other failing tests' names — ANSI removed,
// de-duplicated and capped to a token budget. Pure: text in, digest out; the caller keeps the log.
import { estimateTokens, SAFETY } from '../context/token-counter';
import { cleanLines, clip, isStackFrame } from './digest-lines';
import { extract, type FirstFailure } from './digest-extract';

export interface CheckOutputInput {
  /** Short name of the check, e.g. "test" or "typecheck". */
  name: string;
  /** The command line that ran. */
  command: string;
  /** null when the process was killed (time cap, signal). */
  exitCode: number | null;
  /** stdout and stderr, interleaved as they came. */
  output: string;
  timedOut?: boolean;
  /** Token budget of the digest text (default DEFAULT_DIGEST_TOKENS). */
  maxTokens?: number;
  /** Workspace root: absolute paths under it become relative, others are not workspace files. */
  root?: string;
  /** Token counter for the budget (default: SmallCode's estimator with its safety margin). */
  count?: (text: string) => number;
}

export interface CheckDigest {
  /** The digest for the model, within the budget. */
  text: string;
  /** `count(text)`. */
  tokens: number;
  passed: boolean;
  /** Runners recognised from their output (jest, tap, pytest, tsc …). */
  runners: string[];
  summaryLines: string[];
  firstFailure?: FirstFailure;
  otherFailures: string[];
  errorLines: string[];
  /** Lines left out to stay within the budget. */
  omitted: number;
}

export type { FirstFailure };

/** ≤ 600 tokens on an 8k window, proportionally more on larger windows (at most 2,000). */
export const DEFAULT_DIGEST_TOKENS = 600;

export function digestBudget(contextWindow: number): number {
  return Math.max(300, Math.min(2000, Math.round((contextWindow * DEFAULT_DIGEST_TOKENS) / 8192)));
}

const defaultCount = (text: string): number => Math.ceil(estimateTokens(text) * SAFETY);

const MAX_ERRORS = 20;
const MAX_TAIL = 10;
const MAX_OTHERS = 8;
/** Kept free for the "N more lines" note. */
const NOTE_TOKENS = 16;

interface Section {
  title?: string;
  lines: string[];
}

function headline(input: CheckOutputInput, passed: boolean): string {
  const what = `check "${input.name}" (${clip(input.command, 120)})`;
  if (input.timedOut) return `${what} timed out and was stopped`;
  if (passed) return `${what} passed`;
  return `${what} failed: exit code ${input.exitCode ?? 'none (killed)'}`;
}

/** The last lines of an output no pattern recognised: errors usually come last. */
function tail(lines: string[]): string[] {
  return lines
    .filter((l) => l.trim() !== '' && !isStackFrame(l))
    .slice(-MAX_TAIL)
    .map((l) => clip(l.trim(), 200));
}

/** Adds sections line by line while they fit; what does not fit is counted, then noted. */
function fitToBudget(head: string, sections: Section[], max: number, count: (t: string) => number): { text: string; omitted: number } {
  const out = [head];
  let omitted = 0;
  for (const s of sections) {
    const body = s.lines.filter((l) => !out.includes(`  ${l}`));
    if (body.length === 0) continue;
    const start = out.length;
    if (s.title) out.push(s.title);
    let added = 0;
    for (const line of body) {
      out.push(`  ${line}`);
      if (count(out.join('\n')) > max - NOTE_TOKENS) {
        out.pop();
        omitted += body.length - added;
        break;
      }
      added++;
    }
    if (added === 0) out.splice(start); // not even the title's first line fits
  }
  if (omitted > 0) {
    const note = `(${omitted} more line${omitted === 1 ? '' : 's'} in the full output)`;
    if (count([...out, note].join('\n')) <= max) out.push(note);
  }
  let text = out.join('\n');
  // A headline alone over the budget (absurdly long command): cut characters.
  while (count(text) > max && text.length > 20) text = text.slice(0, Math.floor(text.length * 0.9)) + '…';
  return { text, omitted };
}

export function digestCheckOutput(input: CheckOutputInput): CheckDigest {
  const count = input.count ?? defaultCount;
  const max = input.maxTokens ?? DEFAULT_DIGEST_TOKENS;
  const passed = input.exitCode === 0 && !input.timedOut;
  const lines = cleanLines(input.output);
  const found = extract(lines, input.root);
  const sections: Section[] = [];
  if (found.summaryLines.length) sections.push({ title: 'summary:', lines: found.summaryLines });
  if (!passed) {
    const f = found.firstFailure;
    if (f) {
      const at = f.location && !f.details.some((d) => d.includes(f.location!)) ? [`at ${f.location}`] : [];
      sections.push({ title: `first failing test: ${clip(f.name, 160)}`, lines: [...f.details, ...at] });
    }
    if (found.errorLines.length) sections.push({ title: 'errors in workspace files:', lines: found.errorLines.slice(0, MAX_ERRORS) });
    if (found.otherFailures.length) {
      const named = found.otherFailures.slice(0, MAX_OTHERS).map((n) => clip(n, 160));
      const rest = found.otherFailures.length - named.length;
      sections.push({ title: 'also failing:', lines: rest > 0 ? [...named, `… and ${rest} more`] : named });
    }
    if (!f && found.errorLines.length === 0) sections.push({ title: 'last lines of the output:', lines: tail(lines) });
  }
  const { text, omitted } = fitToBudget(headline(input, passed), sections, max, count);
  const listedErrors = Math.max(0, found.errorLines.length - MAX_ERRORS);
  return {
    text,
    tokens: count(text),
    passed,
    runners: found.runners,
    summaryLines: found.summaryLines,
    ...(found.firstFailure ? { firstFailure: found.firstFailure } : {}),
    otherFailures: found.otherFailures,
    errorLines: found.errorLines,
    omitted: omitted + listedErrors,
  };
}
