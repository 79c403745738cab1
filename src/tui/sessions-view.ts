// The session picker (/sessions): past sessions of this workspace, newest first — when, the first
// message, turns, steps and tokens — with the selected one marked. Pure: (view, size) → lines.
import type { SessionsView } from './state';
import { paint, type Theme } from './theme';
import { esc, fmtTokens, truncate, wrapText } from './text';

const when = (iso: string) => (iso ? iso.replace('T', ' ').slice(0, 16) : '(unknown date)');

export function sessionsView(v: SessionsView, current: string | undefined, width: number, height: number, theme: Theme): string[] {
  const w = Math.max(20, width);
  if (v.loading) return [paint(theme, 'dim', 'reading the session logs…')];
  const out = [
    paint(
      theme,
      'title',
      esc(truncate(`${v.list.length} session${v.list.length === 1 ? '' : 's'} in this workspace, newest first · Enter resumes, e exports`, w)),
    ),
  ];
  if (v.note) out.push(...wrapText(v.note, w).map((l) => paint(theme, 'warn', esc(l))));
  if (!v.list.length) return [...out, paint(theme, 'dim', 'No session logs yet (.smallcode/sessions/).')];
  const rows = Math.max(1, Math.floor((height - out.length) / 2));
  const first = Math.max(0, Math.min(v.selected - Math.floor(rows / 2), v.list.length - rows));
  v.list.slice(first, first + rows).forEach((s, i) => {
    const sel = first + i === v.selected;
    const mark = sel ? paint(theme, 'selected', '▶') : ' ';
    const here = s.id === current ? paint(theme, 'ok', ' (this session)') : '';
    const stats = `${s.turns} turn${s.turns === 1 ? '' : 's'} · ${s.steps} step${s.steps === 1 ? '' : 's'} · ${fmtTokens(s.tokensIn)} in / ${fmtTokens(s.tokensOut)} out`;
    out.push(`${mark} ${paint(theme, sel ? 'title' : 'hint', esc(when(s.started)))}  ${esc(truncate(stats, w - 20))}${here}`);
    const msg = s.firstMessage.replace(/\s+/g, ' ').trim() || '(no message)';
    out.push(`   ${paint(theme, 'dim', esc(truncate(msg, w - 3)))}`);
  });
  return out;
}
