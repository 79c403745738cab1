// The plan pane: the TODO checklist with progress; the first open item is marked as current.
import type { UiState } from './state';
import { paint, type Theme } from './theme';
import { esc, truncate, wrapText } from './text';

export function planView(state: Pick<UiState, 'plan'>, width: number, theme: Theme): string[] {
  const items = state.plan;
  if (!items.length) return [paint(theme, 'dim', esc(truncate('No plan yet (.smallcode/TODO.md).', width)))];
  const done = items.filter((i) => i.done).length;
  const barW = Math.max(4, Math.min(20, width - 14));
  const filled = Math.round((done / items.length) * barW);
  const out = [
    `${paint(theme, 'title', `${done}/${items.length} done`)} ${paint(theme, 'ok', '█'.repeat(filled))}${paint(theme, 'dim', '░'.repeat(barW - filled))}`,
  ];
  const current = items.findIndex((i) => !i.done);
  items.forEach((item, idx) => {
    const mark = item.done ? '☑' : idx === current ? '▸' : '☐';
    const lines = wrapText(item.text, Math.max(4, width - 2));
    lines.forEach((l, j) => {
      const text = (j === 0 ? mark + ' ' : '  ') + esc(l);
      out.push(item.done ? paint(theme, 'dim', text) : idx === current ? paint(theme, 'selected', text) : text);
    });
  });
  return out;
}
