// The changes view (`c`): every change applied this session as one list — number, time, file,
// +/− counts, applied or undone — above the selected change's diff. Pure: (view, size) → lines.
import type { ChangesView } from './state';
import { paint, type Theme } from './theme';
import { diffLines } from './diff-view';
import { esc, padRight, truncate, wrapText } from './text';

export interface ChangesLayout {
  lines: string[];
  /** The diff's full length and the rows it gets (for paging). */
  diffLines: number;
  diffRoom: number;
}

const hhmm = (iso: string) => /T(\d\d:\d\d:\d\d)/.exec(iso)?.[1] ?? '';

export function changesView(v: ChangesView, width: number, height: number, theme: Theme, wrap = true): ChangesLayout {
  const w = Math.max(20, width);
  if (v.loading) return { lines: [paint(theme, 'dim', 'loading the changes of this session…')], diffLines: 0, diffRoom: 0 };
  if (!v.list.length) {
    return {
      lines: [paint(theme, 'dim', esc('No changes applied in this session yet. (u in a pane undoes the last one; this view lists them all.)'))],
      diffLines: 0,
      diffRoom: 0,
    };
  }
  const n = v.list.length;
  const applied = v.list.filter((c) => c.state === 'applied').length;
  const head = paint(
    theme,
    'title',
    esc(truncate(`${n} change${n === 1 ? '' : 's'} this session, ${applied} applied · u undoes, r redoes the selected one`, w)),
  );
  const listRoom = Math.max(1, Math.min(n, Math.floor((height - 2) / 3)));
  const first = Math.max(0, Math.min(v.selected - Math.floor(listRoom / 2), n - listRoom));
  const rows = v.list.slice(first, first + listRoom).map((c, i) => {
    const sel = first + i === v.selected;
    const state = c.state === 'undone' ? paint(theme, 'warn', 'undone ') : paint(theme, 'ok', 'applied');
    const counts = `${paint(theme, 'diffAdd', `+${c.added}`)} ${paint(theme, 'diffDel', `−${c.removed}`)}`;
    const plain = `${sel ? '▶' : ' '} #${padRight(String(c.id), 4)} ${hhmm(c.time)}  `;
    const countsW = `+${c.added} −${c.removed}`.length;
    const pathRoom = Math.max(4, w - plain.length - 7 - 2 - countsW - 2);
    const name = padRight(truncate(c.path, pathRoom), pathRoom);
    const line = `${esc(plain)}${state}  ${esc(name)}  ${counts}`;
    return sel ? paint(theme, 'selected', '▶') + line.slice(1) : line;
  });
  const out = [head, ...rows];
  if (v.note) out.push(...wrapText(v.note, w).map((l) => paint(theme, 'warn', esc(l))));
  out.push(paint(theme, 'dim', '─'.repeat(w)));
  const c = v.list[v.selected];
  const diff = c?.diff
    ? diffLines(c.diff, w, theme, { wrap })
    : [paint(theme, 'dim', 'this change was recorded without its text, so its diff cannot be shown')];
  const diffRoom = Math.max(1, height - out.length);
  const off = Math.min(v.scroll, Math.max(0, diff.length - diffRoom));
  out.push(...diff.slice(off, off + diffRoom));
  return { lines: out, diffLines: diff.length, diffRoom };
}
