// The matcher ladder: ordered, named, pure strategies from strict to forgiving. Each rung keeps
// the normalisations of the rungs before it; none of them forgives a changed content character.
// On every rung new replacement lines are re-indented to the file (rebuild.ts, reindent.ts), and
// a whitespace-only line is re-indented like any other line, never emptied: where the model's
// indentation matches the file's it comes out exactly as written, as on the exact rung.
import { collapseWhitespace, isBlank, stripLineNumbers, stripLineNumbersLoose, typographicToAscii } from './normalize';

export interface Prepared {
  search: string[];
  replace: string[];
}

export interface Rung {
  name: string;
  /** Normal form of a line for comparison on this rung. */
  norm: (line: string) => string;
  /** Blank lines are ignored on both sides. */
  skipBlank: boolean;
  /** The window's indentation must differ from the search's by one uniform prefix. */
  uniformIndent: boolean;
  /** Lines standing for elided code (`...`) match any run of lines. */
  elision: boolean;
  /** The replacement is written in ASCII punctuation when the file uses it. */
  typographic: boolean;
  /** Rewrites search/replace for this rung; null when the rung does not apply. */
  prep: (p: Prepared) => Prepared | null;
}

const same = (p: Prepared): Prepared => p;

function withoutLineNumbers(p: Prepared): Prepared | null {
  const stripped = stripLineNumbers(p.search);
  return stripped ? { search: stripped.lines, replace: stripLineNumbersLoose(p.replace, stripped.style) } : null;
}

const maybeWithoutLineNumbers = (p: Prepared): Prepared => withoutLineNumbers(p) ?? p;
const trimEnd = (l: string) => l.trimEnd();
const trim = (l: string) => l.trim();
const typo = (l: string) => collapseWhitespace(typographicToAscii(l));

const base = { skipBlank: false, uniformIndent: false, elision: false, typographic: false, prep: same };

export const LINE_RUNGS: Rung[] = [
  { ...base, name: 'trailing_whitespace', norm: trimEnd },
  // Re-indents new lines, whitespace-only ones included, by the search → file indent mapping.
  { ...base, name: 'indentation_offset', norm: trim, uniformIndent: true },
  { ...base, name: 'whitespace_runs', norm: collapseWhitespace },
  { ...base, name: 'blank_lines', norm: collapseWhitespace, skipBlank: true },
  // `N | ` is stripped from replacement lines too; what follows it (even only spaces) is kept.
  { ...base, name: 'line_number_prefixes', norm: collapseWhitespace, skipBlank: true, prep: withoutLineNumbers },
  { ...base, name: 'typographic_punctuation', norm: typo, skipBlank: true, typographic: true, prep: maybeWithoutLineNumbers },
  { ...base, name: 'elided_lines', norm: typo, skipBlank: true, typographic: true, elision: true, prep: maybeWithoutLineNumbers },
];

export function blankAware(rung: Rung, line: string): boolean {
  return rung.skipBlank && isBlank(line);
}
