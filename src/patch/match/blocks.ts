// Delimits a code block from the line that opens it: to the closer at the opener's indentation
// (`}` / `)` / `]` when the opener leaves a bracket open), or to the dedent (Python, YAML, ...).
import { isBlank, leadingWhitespace } from './normalize';

export type Delimited =
  /** Lines [at, end) are the block; `closer`: its last line is the closing bracket line. */
  | { kind: 'block'; end: number; closer: boolean }
  /** The line does not open a block: the next non-blank line is not indented deeper. */
  | { kind: 'none' }
  /** It opens one whose end is not among the lines (or the brackets disagree with the indentation). */
  | { kind: 'open' };

/** Indentation width; a tab counts as 8 columns, as in Python. */
export function indentWidth(line: string): number {
  let w = 0;
  for (const ch of leadingWhitespace(line)) w += ch === '\t' ? 8 - (w % 8) : 1;
  return w;
}

const STRINGS = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g;

/** The line without string literals and comments, good enough to count brackets. */
function codeOf(line: string): string {
  return line
    .replace(STRINGS, '""')
    .replace(/\/\*.*?\*\//g, '')
    .replace(/\/\/.*$/, '');
}

/**
 * The net count of each bracket kind and of block-comment openers over the lines, and whether a
 * Markdown fence is left open. An edit that
 * keeps the code's structure leaves it unchanged: two readings of one edit are told apart by it.
 */
export function structureOf(lines: string[]): string {
  const net = { curly: 0, round: 0, square: 0, comment: 0, fences: 0 };
  for (const line of lines) {
    // A Markdown fence opens or closes a code block: only whether one is left open counts.
    if (/^\s*(```|~~~)/.test(line)) net.fences ^= 1;
    const bare = line.replace(STRINGS, '""');
    net.comment += (bare.match(/\/\*/g)?.length ?? 0) - (bare.match(/\*\//g)?.length ?? 0);
    for (const ch of codeOf(line)) {
      if (ch === '{') net.curly++;
      else if (ch === '}') net.curly--;
      else if (ch === '(') net.round++;
      else if (ch === ')') net.round--;
      else if (ch === '[') net.square++;
      else if (ch === ']') net.square--;
    }
  }
  return `${net.curly} ${net.round} ${net.square} ${net.comment} ${net.fences}`;
}

const BALANCED = structureOf([]);

/** Lines that open no bracket, block comment or fence they do not close. */
export const isBalanced = (lines: string[]): boolean => structureOf(lines) === BALANCED;

/** Running bracket depth over a line: its lowest point and where it ends, relative to `from`. */
function depthsOf(line: string, from: number): { min: number; end: number } {
  let d = from;
  let min = from;
  for (const ch of codeOf(line)) {
    if (ch === '{' || ch === '(' || ch === '[') d++;
    else if (ch === '}' || ch === ')' || ch === ']') min = Math.min(min, --d);
  }
  return { min, end: d };
}

const startsWithCloser = (line: string) => /^[}\])]/.test(line.trim());

/** The brackets opened on lines[at] close on lines[closer] and not before. */
function bracketsAgree(lines: string[], at: number, closer: number): boolean {
  let d = depthsOf(lines[at], 0).end;
  for (let i = at + 1; i < closer; i++) {
    const r = depthsOf(lines[i], d);
    if (r.min <= 0) return false;
    d = r.end;
  }
  return depthsOf(lines[closer], d).min === 0;
}

/**
 * Where the block opened by lines[at] ends. `endCloses`: running out of lines ends an
 * indentation block (end of file; or, in a snippet, an elision line no deeper than the opener).
 * A bracket block must end on a closer line at the opener's indentation whose bracket matches.
 */
export function delimitBlock(lines: string[], at: number, endCloses: boolean): Delimited {
  const w = indentWidth(lines[at]);
  const bracket = depthsOf(lines[at], 0).end > 0;
  let last = at;
  let i = at + 1;
  for (; i < lines.length; i++) {
    if (isBlank(lines[i])) continue;
    if (indentWidth(lines[i]) <= w) break;
    last = i;
  }
  const closerAt = i < lines.length && bracket && indentWidth(lines[i]) === w && startsWithCloser(lines[i]);
  if (last === at && !closerAt) return { kind: 'none' };
  if (bracket) {
    if (!closerAt) return { kind: 'open' };
    return bracketsAgree(lines, at, i) ? { kind: 'block', end: i + 1, closer: true } : { kind: 'open' };
  }
  if (i >= lines.length && !endCloses) return { kind: 'open' };
  return { kind: 'block', end: last + 1, closer: false };
}
