// Pure line normalisers used by the matcher ladder. None of them changes a line's content
// characters (letters, digits, punctuation other than typographic variants): only layout.

/** Typographic punctuation small models (and chat UIs) substitute for ASCII. */
const TYPOGRAPHIC: [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u201B\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-'],
  [/[\u00A0\u2007\u202F\u2009\u200A\u3000]/g, ' '],
  [/\u2026/g, '...'],
  [/\u200B|\u200C|\u200D|\uFEFF/g, ''],
];

export function hasTypographic(text: string): boolean {
  return /[\u2018\u2019\u201A\u201B\u2032\u201C\u201D\u201E\u201F\u2033\u2010-\u2015\u2212\u00A0\u2007\u202F\u2009\u200A\u3000\u2026\u200B-\u200D\uFEFF]/.test(
    text,
  );
}

export function typographicToAscii(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text;
  let out = text;
  for (const [re, to] of TYPOGRAPHIC) out = out.replace(re, to);
  return out;
}

export function collapseWhitespace(line: string): string {
  const t = line.trim();
  return /\s\s|[^\S ]/.test(t) ? t.replace(/\s+/g, ' ') : t;
}

export function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** `12 | code`, `12: code`, `12→code`, `  12\tcode` — the forms read tools print. */
const LINE_NUMBER = /^\s*(\d+)( ?\| ?|: |\u2192|\t)/;

/** The separator style of a numbered line, so the replacement is stripped of the same form only. */
const styleOf = (sep: string) => (sep.includes('|') ? '|' : sep);

/**
 * Strips line-number prefixes copied from read output, but only when every non-blank line carries
 * one in the same style and the numbers increase: real code rarely looks like that.
 */
export function stripLineNumbers(lines: string[]): { lines: string[]; style: string } | null {
  const numbered = lines.filter((l) => !isBlank(l));
  if (numbered.length === 0) return null;
  let prev = -1;
  let style: string | null = null;
  for (const l of numbered) {
    const m = LINE_NUMBER.exec(l);
    if (!m) return null;
    const n = Number(m[1]);
    if (n <= prev || (style !== null && styleOf(m[2]) !== style)) return null;
    prev = n;
    style = styleOf(m[2]);
  }
  return { lines: lines.map((l) => (isBlank(l) ? '' : l.replace(LINE_NUMBER, ''))), style: style! };
}

/** Strips prefixes of the search's style from the replacement where present (new lines may lack them). */
export function stripLineNumbersLoose(lines: string[], style: string): string[] {
  return lines.map((l) => {
    const m = LINE_NUMBER.exec(l);
    return m && styleOf(m[2]) === style ? l.slice(m[0].length) : l;
  });
}

/**
 * An elision line stands for unchanged code: `...`, `// ... existing code ...`,
 * `# ... rest of the file unchanged`, `/* ... *\/`, `<!-- ... -->`.
 */
export function isElision(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  const body = t
    .replace(/^(\/\/+|#+|--|;+|\/\*+|<!--|\{\/\*|\*)\s*/, '')
    .replace(/\s*(\*+\/|-->|\*\/\})$/, '')
    .trim();
  if (/^(\.\.\.|…)$/.test(body)) return true;
  if (/^(\.\.\.|…)\s*(\(?\s*)?(existing|rest|remaining|unchanged|other|previous|more|same|original|omitted|keep|code)\b.*$/i.test(body)) return true;
  return /^(\.\.\.|…)?\s*(rest of (the )?(code|file|function|class|method|body)|existing code|remaining code|other (code|methods|functions))( (is |stays |remains )?(unchanged|here|as before|the same))?\s*(\.\.\.|…)?$/i.test(
    body,
  );
}

/** An elision that cannot be code: a comment or words, not a bare `...` (a Python Ellipsis line). */
export function isElisionMarker(line: string): boolean {
  return isElision(line) && !/^\s*(\.\.\.|…)\s*$/.test(line);
}
