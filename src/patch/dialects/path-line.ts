// Recognises a file path written on a line of its own before an edit (Aider puts it above the
// fence): strips fences, `#`, `*`, backticks, quotes, "File:" and a trailing colon.

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
  if (!/[./]/.test(t) || /^[.]+$/.test(t) || /[<>|{}()=;,]/.test(t)) return undefined;
  if (!/^[\w./@+-][\w./@+\\ -]*$/.test(t)) return undefined;
  return t.replace(/\\/g, '/').replace(/^\.\//, '');
}
