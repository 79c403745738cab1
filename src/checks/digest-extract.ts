// One pass over cleaned runner output: the runner's summary lines, the failing tests (the first
// with its assertion), and the error lines that name workspace files. Pure; no budget here.
import { findLocation, formatLocation, isCodeExcerpt, isStackFrame, messageBesides, clip, workspacePath } from './digest-lines';
import { failureHeaderAt, isAssertionLine, isNoise, summaryRunner } from './digest-runners';

export interface FirstFailure {
  name: string;
  runner: string;
  /** The assertion, expected-vs-actual and similar lines, in output order. */
  details: string[];
  /** Where it failed, when the block names a workspace file (e.g. "test/cart.test.js:11:26"). */
  location?: string;
}

export interface Extracted {
  summaryLines: string[];
  runners: string[];
  firstFailure?: FirstFailure;
  /** Names of the failing tests after the first. */
  otherFailures: string[];
  errorLines: string[];
}

const MAX_LINE = 200;
const MAX_DETAILS = 8;
const MAX_BLOCK = 40;

/** Lines of the first failure's block worth showing, and the first workspace location in it. */
function failureDetails(lines: string[], from: number, to: number, root?: string): { details: string[]; location?: string } {
  const kept: string[] = [];
  const fallback: string[] = [];
  let frameLocation: string | undefined; // where the assertion ran (first workspace frame)
  let otherLocation: string | undefined; // e.g. TAP's `location:` (where the test is declared)
  let skipIndent = -1; // inside a TAP `stack: |-` block: lines indented deeper are frames
  for (let i = from; i < to; i++) {
    const line = lines[i];
    const indent = line.length - line.trimStart().length;
    const found = findLocation(line, root);
    const inStack = skipIndent >= 0 && (line.trim() === '' || indent > skipIndent);
    if (found && (inStack || isStackFrame(line))) frameLocation ??= formatLocation(found.loc);
    else if (found) otherLocation ??= formatLocation(found.loc);
    if (inStack) continue;
    skipIndent = -1;
    if (/^\s*stack: \|-?$/.test(line)) {
      skipIndent = indent;
      continue;
    }
    if (isStackFrame(line) || isCodeExcerpt(line) || isNoise(line)) continue;
    if (found && messageBesides(line, found).replace(/[^A-Za-z]/g, '').length < 3) continue;
    const text = clip(relativize(line.trim(), root), MAX_LINE);
    if (isAssertionLine(line) || found) kept.push(text);
    else if (fallback.length < 4) fallback.push(text);
  }
  const details = (kept.length > 0 ? kept : fallback).slice(0, MAX_DETAILS);
  return { details, location: frameLocation ?? otherLocation };
}

/** Absolute paths under the workspace root are shown relative to it. */
function relativize(line: string, root?: string): string {
  if (!root) return line;
  const r = root.replace(/\/+$/, '') + '/';
  return line.split(r).join('');
}

/** eslint's stylish format: a file path alone on a line, then `  12:5  error  message  rule`. */
function eslintLines(lines: string[], root?: string): string[] {
  const out: string[] = [];
  let file: string | undefined;
  for (const line of lines) {
    const header = /^(\S+\.[A-Za-z]\w{0,5})$/.exec(line);
    if (header) {
      file = workspacePath(header[1], root);
      continue;
    }
    const issue = /^\s+(\d+):(\d+)\s+(error)\s+(.+?)\s{2,}(\S+)$/.exec(line);
    if (issue && file) out.push(`${file}:${issue[1]}:${issue[2]} ${issue[3]} ${issue[4]} (${issue[5]})`);
    else if (line.trim() === '') file = undefined;
  }
  return out;
}

/** Error lines that name a workspace file with a message (compiler, linter, go test, pytest). */
function errorLines(lines: string[], root?: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isStackFrame(line) || isCodeExcerpt(line) || isNoise(line) || /^\s*location:/.test(line)) continue;
    const found = findLocation(line, root);
    if (!found) continue;
    const message = messageBesides(line, found);
    if (message.replace(/[^A-Za-z]/g, '').length >= 3) {
      out.push(clip(relativize(line.trim(), root), MAX_LINE));
      continue;
    }
    // `  --> src/lib.rs:3:32` (rustc): the message is the `error[E0308]: …` line just above.
    const above = [lines[i - 1], lines[i - 2]].find((l) => l !== undefined && /^(error|warning)(\[\w+\])?: /.test(l.trim()));
    if (above && /^(error)/.test(above.trim())) out.push(clip(`${formatLocation(found.loc)}: ${above.trim()}`, MAX_LINE));
  }
  return [...eslintLines(lines, root), ...out];
}

export function extract(lines: string[], root?: string): Extracted {
  const summaryLines: string[] = [];
  const runners = new Set<string>();
  const headers: { at: number; end: number; name: string; runner: string }[] = [];
  let mochaFailing = false;
  for (let i = 0; i < lines.length; i++) {
    const runner = summaryRunner(lines[i]);
    if (runner) {
      runners.add(runner);
      summaryLines.push(lines[i].trim());
      if (/^\d+ failing$/.test(lines[i].trim())) mochaFailing = true;
      continue;
    }
    const header = failureHeaderAt(lines, i, mochaFailing);
    if (header && header.runner === 'node:test' && isEmptyBlock(lines, i + 1)) continue;
    if (header) {
      runners.add(header.runner);
      headers.push({ at: i, end: i + header.span, name: header.name, runner: header.runner });
      i += header.span - 1;
    }
  }
  // A failing suite (TAP `not ok 1 - Cart` after its subtests, jest's duplicated names) is not
  // another failing test: keep each name once, in order.
  const names = [...new Set(headers.filter((h) => !(h.runner === 'tap' && isTapSuite(lines, h.at))).map((h) => h.name))];
  let firstFailure: FirstFailure | undefined;
  if (headers.length > 0) {
    const h = headers[0];
    const nextHeader = headers.find((x) => x.at > h.at)?.at ?? lines.length;
    const nextSummary = lines.findIndex((l, j) => j >= h.end && summaryRunner(l) !== undefined);
    const next = nextSummary >= 0 ? Math.min(nextHeader, nextSummary) : nextHeader;
    const { details, location } = failureDetails(lines, h.end, Math.min(next, h.end + MAX_BLOCK), root);
    firstFailure = { name: h.name, runner: h.runner, details, ...(location ? { location } : {}) };
  }
  const otherFailures = names.filter((n) => n !== headers[0]?.name);
  const errors = [...new Set(errorLines(lines, root))];
  if (errors.some((e) => /\berror TS\d+:/.test(e))) runners.add('tsc');
  return { summaryLines: [...new Set(summaryLines)], runners: [...runners], firstFailure, otherFailures, errorLines: errors };
}

/** TAP marks a failing suite with `type: 'suite'` in the YAML block under its `not ok`. */
function isTapSuite(lines: string[], at: number): boolean {
  for (let j = at + 1; j < Math.min(lines.length, at + 6); j++) if (/^\s*type: 'suite'/.test(lines[j])) return true;
  return false;
}

/** node:test's spec reporter closes a failing suite with `✖ Suite (12ms)` and nothing under it. */
function isEmptyBlock(lines: string[], from: number): boolean {
  for (let j = from; j < lines.length; j++) {
    if (lines[j].trim() === '') continue;
    return summaryRunner(lines[j]) !== undefined || failureHeaderAt(lines, j, false) !== undefined;
  }
  return true;
}
