// The marker lines of SEARCH/REPLACE blocks in every dialect (Aider `<<<<<<< SEARCH`, Cline
// `------- SEARCH` … `+++++++ REPLACE`, ORIGINAL/UPDATED) and the file-path line written above an
// edit: the parser finds blocks by them, the patch engine reads what lies between them.

/** `<<<<<<< SEARCH`, `------- SEARCH`, `<<<<<<< ORIGINAL` (5–9 marker characters). */
export const BLOCK_START = /^\s*(?:<{5,9}|-{5,9})\s*(?:SEARCH|ORIGINAL)\b[^\n]*$/i;
export const BLOCK_DIVIDER = /^\s*={5,9}\s*$/;
/** `>>>>>>> REPLACE`, `+++++++ REPLACE`, `>>>>>>> UPDATED`. */
export const BLOCK_END = /^\s*(?:>{5,9}|\+{5,9})\s*(?:REPLACE|UPDATED)\b[^\n]*$/i;

/** Files that carry no extension but are commonly edited. */
const DOTLESS = /^(?:[\w.@+-]+\/)*(?:[A-Z][a-z]*file|LICENSE|README|CHANGELOG|Dockerfile|Makefile)$/;

/**
 * A file path written on a line of its own before an edit (Aider puts it above the fence):
 * strips fences, `#`, `*`, backticks, quotes, "File:" and a trailing colon.
 */
export function pathFromLine(line: string): string | undefined {
  let t = line.trim();
  if (t === '' || /^```+\s*[\w+-]*\s*$/.test(t)) return undefined;
  t = t
    .replace(/^```+\s*/, '')
    .replace(/^#+\s*/, '')
    .replace(/^[*_]+|[*_]+$/g, '');
  t = t.replace(/^(?:file(?:name)?|path)\s*[:=]\s*/i, '').replace(/[:]\s*$/, '');
  t = t.replace(/^[`'"]+|[`'"]+$/g, '').trim();
  if (t === '' || /\s/.test(t) || t.length > 260) return undefined;
  if ((!/[./]/.test(t) && !DOTLESS.test(t)) || /^[.]+$/.test(t) || /[<>|{}()=;,]/.test(t)) return undefined;
  if (!/^[\w./@+-][\w./@+\\ -]*$/.test(t)) return undefined;
  return t.replace(/\\/g, '/').replace(/^\.\//, '');
}
