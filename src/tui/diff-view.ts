// Coloured unified diffs as lines, unified or side by side (≥ 140 columns). The diff text is the
// proposal's own `diff`: exactly what will be written, never re-computed here.
import { paint, type Theme, type ThemeRole } from './theme';
import { clean, esc, padRight, truncate } from './text';

function roleOf(line: string): ThemeRole | null {
  if (line.startsWith('+++') || line.startsWith('---') || line.startsWith('diff ') || line.startsWith('index ')) return 'diffMeta';
  if (line.startsWith('@@')) return 'diffHunk';
  if (line.startsWith('+')) return 'diffAdd';
  if (line.startsWith('-')) return 'diffDel';
  if (line.startsWith('\\')) return 'diffMeta';
  return null;
}

function splitDiff(diff: string): string[] {
  const lines = diff.replace(/\r\n/g, '\n').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
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
  const v = make();
  byKey.set(key, v);
  return v;
}

/** One line per diff line, cut to width, coloured by kind. */
export function unifiedDiffLines(diff: string, width: number, theme: Theme): string[] {
  return remember(diff, `u|${width}|${theme.name}`, () =>
    splitDiff(diff).map((l) => {
      const text = esc(truncate(clean(l), width));
      const role = roleOf(l);
      return role ? paint(theme, role, text) : text;
    }),
  );
}

interface Cell {
  text: string;
  role: ThemeRole | null;
}

/** Old on the left, new on the right; removed and added runs inside a hunk are paired. */
export function sideBySideDiffLines(diff: string, width: number, theme: Theme): string[] {
  return remember(diff, `s|${width}|${theme.name}`, () => {
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
    const cell = (c: Cell) => {
      const t = esc(padRight(truncate(clean(c.text), half), half));
      return c.role ? paint(theme, c.role, t) : t;
    };
    return rows.map(([a, b]) =>
      a.role === 'diffMeta' || a.role === 'diffHunk'
        ? paint(theme, a.role, esc(truncate(clean(a.text), width)))
        : `${cell(a)} ${paint(theme, 'dim', '│')} ${cell(b)}`,
    );
  });
}

export const SIDE_BY_SIDE_MIN = 140;

/** Side by side on terminals ≥ 140 columns (when the area leaves each side ≥ 28 columns),
 * unified otherwise. */
export function diffLines(diff: string, width: number, theme: Theme, screenCols: number): string[] {
  return screenCols >= SIDE_BY_SIDE_MIN && width >= 60 ? sideBySideDiffLines(diff, width, theme) : unifiedDiffLines(diff, width, theme);
}
