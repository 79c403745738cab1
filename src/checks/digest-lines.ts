// Line-level helpers of the failure digest: cleaning raw runner output (ANSI, carriage-return
// redraws) and finding the workspace file a line names (file:line), with paths made relative.

/** CSI sequences (colours, cursor moves), OSC sequences (titles, hyperlinks), lone escapes. */
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

/** Raw output → lines without colour codes, CRLF, progress redraws or trailing blanks. */
export function cleanLines(raw: string): string[] {
  return raw
    .replace(ANSI, '')
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => (l.includes('\r') ? l.slice(l.lastIndexOf('\r') + 1) : l).replace(/\s+$/, ''));
}

export interface Location {
  /** Relative to the workspace root, forward slashes. */
  path: string;
  line: number;
  column?: number;
}

/** `file.ext:12`, `file.ext:12:5`, `file.ext(12,5)` (tsc); the extension keeps version numbers out. */
const FILE_LINE = /((?:[A-Za-z]:)?[\w.@~+/\\-]*[\w@~+-]\.[A-Za-z][A-Za-z0-9]{0,5})(?::(\d+)(?::(\d+))?|\((\d+),(\d+)\))/g;
/** Python tracebacks: `File "/abs/path.py", line 12, in test_x`. */
const PY_FRAME = /File "([^"]+)", line (\d+)/;

/** Paths that are never the project's own code, even when relative. */
const FOREIGN = /^(node:|internal\/|node_modules\/|.*\/node_modules\/|\.\.\/|<)/;

/** Makes `raw` relative to `root`; undefined when it points outside the workspace. */
export function workspacePath(raw: string, root?: string): string | undefined {
  let p = raw.replace(/\\/g, '/');
  if (p.startsWith('file://')) p = p.slice('file://'.length);
  if (p.startsWith('/') || /^[A-Za-z]:\//.test(p)) {
    if (!root) return undefined;
    const r = root.replace(/\\/g, '/').replace(/\/+$/, '') + '/';
    if (!p.startsWith(r)) return undefined;
    p = p.slice(r.length);
  }
  p = p.replace(/^\.\//, '');
  if (p === '' || FOREIGN.test(p)) return undefined;
  return p;
}

/** The first workspace location a line names, if any. */
export function findLocation(line: string, root?: string): { loc: Location; start: number; end: number } | undefined {
  const py = PY_FRAME.exec(line);
  if (py) {
    const path = workspacePath(py[1], root);
    return path ? { loc: { path, line: Number(py[2]) }, start: py.index, end: py.index + py[0].length } : undefined;
  }
  for (const m of line.matchAll(FILE_LINE)) {
    const path = workspacePath(m[1], root);
    if (!path) continue;
    const lineNo = Number(m[2] ?? m[4]);
    const col = m[3] ?? m[5];
    return { loc: { path, line: lineNo, ...(col ? { column: Number(col) } : {}) }, start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

export function formatLocation(loc: Location): string {
  return `${loc.path}:${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}`;
}

/** A stack frame (`at f (file:1:2)`, a TAP stack entry, a Rust backtrace `at ./src/x.rs:1:2`). */
export function isStackFrame(line: string): boolean {
  const t = line.trim();
  return /^at\s/.test(t) || /^File "/.test(t) || /^[\w$.<>[\] ]+ \(\S+:\d+:\d+\)$/.test(t) || /^\d+: [\w:<>{}]+/.test(t);
}

/** Source excerpts runners print around a failure: `> 11 |  code`, `  9|  code`, caret lines. */
export function isCodeExcerpt(line: string): boolean {
  return /^\s*>?\s*\d+\s*\|/.test(line) || /^\s*\|\s*[\^~]+/.test(line) || /^\s*[\^~]+\s*$/.test(line) || /^\s*\|\s*$/.test(line);
}

/** The text of a line without its location: what is left to say about it. */
export function messageBesides(line: string, span: { start: number; end: number }): string {
  return (line.slice(0, span.start) + ' ' + line.slice(span.end)).replace(/[\s:,()'"\-–>❯→]+/g, ' ').trim();
}

/** Cuts a line to `max` characters, marking the cut. */
export function clip(line: string, max: number): string {
  return line.length <= max ? line : line.slice(0, max - 1) + '…';
}
