// The tab bar of the small layout: Chat, Patches (count pending), Tree, Plan (progress).
import type { UiState } from './state';
import { paint, type Theme } from './theme';

export function tabsView(state: Pick<UiState, 'tab' | 'patches' | 'plan' | 'focus'>, width: number, theme: Theme): string[] {
  const pending = state.patches.filter((p) => p.status === 'pending').length;
  const done = state.plan.filter((p) => p.done).length;
  const tabs: [UiState['tab'], string][] = [
    ['chat', 'Chat'],
    ['patches', pending ? `Patches (${pending})` : 'Patches'],
    ['tree', 'Tree'],
    ['plan', state.plan.length ? `Plan ${done}/${state.plan.length}` : 'Plan'],
  ];
  let len = 0;
  const parts: string[] = [];
  for (const [id, label] of tabs) {
    const text = ` ${label} `;
    if (len + text.length + 1 > width) break;
    len += text.length + 1;
    parts.push(id === state.tab ? `{inverse}${text}{/inverse}` : paint(theme, 'dim', text));
  }
  return [parts.join(paint(theme, 'dim', '│')) + paint(theme, 'dim', '  Tab switches')];
}
