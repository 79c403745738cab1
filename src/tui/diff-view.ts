// Coloured unified diffs as lines, unified or side by side (when the *pane* is ≥ 140 columns). No
// line is ever cut: long lines wrap, or scroll sideways (the user's choice, `w`). The `---`/`+++`
// header is left out: the title above the diff already names the file. The diff text is the
// proposal's own `diff`: exactly what will be written, never re-computed here.
import { paint, type Theme, type ThemeRole } from './theme';
import { clean, displayWidth, dropColumns, esc, fitPrefix, padRight, wrapLine } from './text';

export interface DiffOptions {
  /** Wrap long lines (default) or show them from column `col` on, marked where they go on. */
  wrap?: boolean;
  col?: number;
}

function roleOf(line: string): ThemeRole | null {
  if (line.startsWith('+++') || line.startsWith('---') || line.startsWith('diff ') || line.startsWith('index ')) return 'diffMeta';
  if (line.startsWith('@@')) return 'diffHunk';
  if (line.startsWith('+')) return 'diffAdd';
  if (line.startsWith('-')) return 'diffDel';
  if (line.startsWith('\\')) return 'diffMeta';
  return null;
}

const isFileHeader = (l: string) => l.startsWith('--- ') || l.startsWith('+++ ') || l.startsWith('diff ') || l.startsWith('index ');

function splitDiff(diff: string): string[] {
  const lines = diff.replace(/\r\n/g, '\n').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  // The file header comes before the first hunk; a `--- x` inside a hunk is a removed line.
  const firstHunk = lines.findIndex((l) => l.startsWith('@@'));
  return firstHunk < 0 ? lines.filter((l) => !isFileHeader(l)) : [...lines.slice(0, firstHunk).filter((l) => !isFileHeader(l)), ...lines.slice(firstHunk)];
}

// Keyed by the diff string itself (V8 caches a string's hash), then by width/theme/mode: building
// a combined key would copy and re-hash a 5,000-line diff on every frame.
const memo = new Map<string, Map<string, string[]>>();
const MEMO_MAX = 16;

function remember(diff: string, key: string, make: () => string[]): string[] {
  let byKey = memo.get(diff);
  const hit = byKey?.get(key);
  if (hit) return hit;
  if (!byKey) {
    if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value as string);
    byKey = new Map();
    memo.set(diff, byKey);
  }
  if (byKey.size >= MEMO_MAX) byKey.delete(byKey.keys().next().value as string);
  const v = make();
  byKey.set(key, v);
  return v;
}

/** One diff line laid into rows of `width` columns: the sign column stays, the text wraps or scrolls.
 * Hunk headers (`@@ … @@`) never scroll: they say where the rows below come from. */
function layLine(line: string, width: number, o: Required<DiffOptions>): string[] {
  const text = clean(line);
  const sign = text.slice(0, 1);
  const body = text.slice(1);
  const room = Math.max(1, width - 1);
  if (o.wrap || (line.startsWith('@@') && o.col > 0)) {
    const rows = displayWidth(body) <= room ? [body] : wrapLine(body, room);
    return rows.map((r, i) => (i === 0 ? sign : ' ') + r);
  }
  const shifted = dropColumns(body, o.col);
  const moreLeft = o.col > 0 && body.length > 0;
  if (displayWidth(shifted) <= room) return [sign + (moreLeft && shifted ? `‹${dropColumns(shifted, 1)}` : shifted)];
  const fit = fitPrefix(shifted, room - 1);
  const shown = moreLeft ? `‹${dropColumns(fit.text, 1)}` : fit.text;
  return [`${sign}${shown}${' '.repeat(room - 1 - fit.width)}›`];
}

const defaults = (o: DiffOptions): Required<DiffOptions> => ({ wrap: o.wrap ?? true, col: o.wrap === false ? (o.col ?? 0) : 0 });

/** How far a diff can scroll sideways in a pane `width` wide (0 when every line fits). */
export function diffMaxCol(diff: string, width: number): number {
  const hit = maxColMemo.get(diff);
  if (hit?.width === width) return hit.max;
  const max = computeMaxCol(diff, width);
  if (maxColMemo.size >= MEMO_MAX) maxColMemo.delete(maxColMemo.keys().next().value as string);
  maxColMemo.set(diff, { width, max });
  return max;
}
const maxColMemo = new Map<string, { width: number; max: number }>();

function computeMaxCol(diff: string, width: number): number {
  const room = (width >= SIDE_BY_SIDE_MIN ? Math.max(10, Math.floor((width - 3) / 2)) : width) - 1;
  let longest = 0;
  for (const l of splitDiff(diff)) if (!l.startsWith('@@')) longest = Math.max(longest, displayWidth(clean(l)) - 1);
  return Math.max(0, longest - room + 2);
}

/** Unified: one or more rows per diff line, coloured by kind. */
export function unifiedDiffLines(diff: string, width: number, theme: Theme, opts: DiffOptions = {}): string[] {
  const o = defaults(opts);
  return remember(diff, `u|${width}|${theme.name}|${o.wrap}|${o.col}`, () => {
    const out: string[] = [];
    for (const l of splitDiff(diff)) {
      const role = roleOf(l);
      for (const row of layLine(l, width, o)) out.push(role ? paint(theme, role, esc(row)) : esc(row));
    }
    return out;
  });
}

interface Cell {
  text: string;
  role: ThemeRole | null;
}

/** Old on the left, new on the right; removed and added runs inside a hunk are paired. */
export function sideBySideDiffLines(diff: string, width: number, theme: Theme, opts: DiffOptions = {}): string[] {
  const o = defaults(opts);
  return remember(diff, `s|${width}|${theme.name}|${o.wrap}|${o.col}`, () => {
    const half = Math.max(10, Math.floor((width - 3) / 2));
    const rows: [Cell, Cell][] = [];
    let dels: string[] = [];
    let adds: string[] = [];
    const flush = () => {
      for (let i = 0; i < Math.max(dels.length, adds.length); i++) {
        rows.push([
          i < dels.length ? { text: dels[i], role: 'diffDel' } : { text: '', role: null },
          i < adds.length ? { text: adds[i], role: 'diffAdd' } : { text: '', role: null },
        ]);
      }
      dels = [];
      adds = [];
    };
    for (const l of splitDiff(diff)) {
      const role = roleOf(l);
      if (role === 'diffDel') dels.push(l);
      else if (role === 'diffAdd') adds.push(l);
      else {
        flush();
        if (role === 'diffMeta' || role === 'diffHunk')
          rows.push([
            { text: l, role },
            { text: '', role: null },
          ]);
        else
          rows.push([
            { text: l, role: null },
            { text: l, role: null },
          ]);
      }
    }
    flush();
    const out: string[] = [];
    const cell = (text: string, role: ThemeRole | null) => {
      const t = esc(padRight(text, half));
      return role ? paint(theme, role, t) : t;
    };
    for (const [a, b] of rows) {
      if (a.role === 'diffMeta' || a.role === 'diffHunk') {
        for (const r of layLine(a.text, width, o)) out.push(paint(theme, a.role, esc(r)));
        continue;
      }
      const left = a.text ? layLine(a.text, half, o) : [''];
      const right = b.text ? layLine(b.text, half, o) : [''];
      for (let i = 0; i < Math.max(left.length, right.length); i++)
        out.push(`${cell(left[i] ?? '', a.role)} ${paint(theme, 'dim', '│')} ${cell(right[i] ?? '', b.role)}`);
    }
    return out;
  });
}

/** Side by side needs each half to hold a usual code line (~68 columns). */
export const SIDE_BY_SIDE_MIN = 140;

/** Side by side when the pane that shows the diff is ≥ 140 columns wide, unified otherwise. */
export function diffLines(diff: string, width: number, theme: Theme, opts: DiffOptions = {}): string[] {
  return width >= SIDE_BY_SIDE_MIN ? sideBySideDiffLines(diff, width, theme, opts) : unifiedDiffLines(diff, width, theme, opts);
}
