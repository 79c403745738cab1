// Checks a whole-file rewrite before it is proposed: no elision placeholders, no suspicious
// truncation of an existing file, and no rewrite of large files (an edit is safer there).
import type { Refusal } from './types';
import { isElisionMarker } from './match/normalize';
import { refusal } from './refusals';
import { splitLines, toPlain } from './text-format';

const MAX_REWRITE_LINES = 200;
const PLACEHOLDER =
  /^(the )?(rest of (the )?(file|code|function|class|implementation|module|methods?)|remaining (code|methods|functions)|existing code|other (code|methods|functions)|(all )?other code|everything else|code)( (is |are |stays? |remains? |goes )?(unchanged|the same|as before|here|omitted|below|above))?$/i;

/** A comment line that is only a placeholder ("// rest of the file unchanged"), not prose that mentions code. */
function isPlaceholder(line: string): boolean {
  if (isElisionMarker(line)) return true;
  const m = /^\s*(?:\/\/+|#+|\/\*+|<!--|--)\s*(.*?)\s*(?:\*+\/|-->)?\s*$/.exec(line);
  if (!m) return false;
  const body = m[1]
    .replace(/^(\.\.\.|…)\s*|\s*(\.\.\.|…)$/g, '')
    .replace(/[.:;]$/, '')
    .trim();
  return body !== 'code' && PLACEHOLDER.test(body);
}

/** Open minus close brackets, skipping string literals and line comments roughly. */
function bracketBalance(text: string): number {
  const stripped = text.replace(/\/\/[^\n]*|#[^\n]*/g, '').replace(/"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`/g, '""');
  let n = 0;
  for (const ch of stripped) {
    if (ch === '{' || ch === '(' || ch === '[') n++;
    else if (ch === '}' || ch === ')' || ch === ']') n--;
  }
  return n;
}

export function checkWholeFile(before: string | null, after: string): Refusal | undefined {
  const next = splitLines(toPlain(after)).lines;
  const elided = next.find(isPlaceholder);
  if (elided !== undefined) {
    return refusal(
      'malformed',
      `the new content contains a placeholder line ("${elided.trim().slice(0, 60)}") instead of real code`,
      'Write the complete file without placeholders, or change only part of it with edit_file (SEARCH/REPLACE).',
    );
  }
  if (before === null) return undefined;
  const old = splitLines(toPlain(before)).lines;
  if (old.length === 0) return undefined;
  if (old.length > MAX_REWRITE_LINES) {
    return refusal(
      'too_large',
      `the file has ${old.length} lines; rewriting it whole risks losing code`,
      'Use edit_file with SEARCH/REPLACE blocks for the lines that change.',
    );
  }
  if (old.length >= 10 && next.length < old.length * 0.7) {
    return refusal(
      'malformed',
      `the new content has ${next.length} lines where the file has ${old.length}: it looks truncated`,
      'Send the complete file, or use edit_file to change or delete only the lines concerned.',
    );
  }
  const was = bracketBalance(toPlain(before));
  const now = bracketBalance(toPlain(after));
  if (was === 0 && now > 0) {
    return refusal(
      'malformed',
      'the new content ends with unclosed brackets: it looks cut off',
      'Send the complete file content, or use edit_file for a partial change.',
    );
  }
  return undefined;
}
