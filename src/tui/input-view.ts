// The input box: the text with a visible cursor, a title naming what Enter does, and slash
// command completions. In reason mode it asks why the change is rejected.
import type { UiState } from './state';
import { completions, type InputState } from './input-editor';
import { paint, type Theme } from './theme';
import { esc, clean, displayWidth, dropColumns, fitPrefix } from './text';

export function inputLineCount(state: Pick<UiState, 'input' | 'reason'>): number {
  const s = state.reason ?? state.input;
  return s.text.split('\n').length;
}

/** Visible lines of the input with the cursor cell in inverse; scrolled so the cursor shows. */
export function inputView(state: Pick<UiState, 'input' | 'reason' | 'focus'>, width: number, height: number, theme: Theme): string[] {
  const s: InputState = state.reason ?? state.input;
  const showCursor = state.focus === 'input' || state.reason !== null;
  const prompt = state.reason ? 'why? ' : '› ';
  const lines = s.text.split('\n');
  let offset = 0;
  let row = 0;
  for (let i = 0; i < lines.length; i++) {
    if (s.cursor <= offset + lines[i].length) {
      row = i;
      break;
    }
    offset += lines[i].length + 1;
  }
  const col = s.cursor - offset;
  const w = Math.max(4, width - prompt.length);
  const rendered = lines.map((l, i) => {
    const pre = i === 0 ? (state.reason ? paint(theme, 'warn', prompt) : paint(theme, 'user', prompt)) : ' '.repeat(prompt.length);
    if (i !== row || !showCursor) return pre + esc(fitPrefix(clean(l), w).text);
    // Scrolled sideways (by columns) so the cursor stays in view; tabs show as spaces.
    let before = clean(l.slice(0, col));
    const at = l.slice(col, col + 1);
    const cursorCh = at === '' || at === '\t' ? ' ' : clean(at.length && /[\ud800-\udbff]/.test(at) ? l.slice(col, col + 2) : at);
    const excess = displayWidth(before) - (w - Math.max(1, displayWidth(cursorCh)));
    if (excess > 0) before = dropColumns(before, excess);
    const after = clean(l.slice(col + (cursorCh.length || 1)));
    const room = Math.max(0, w - displayWidth(before) - Math.max(1, displayWidth(cursorCh)));
    return `${pre}${esc(before)}{inverse}${esc(cursorCh || ' ')}{/inverse}${esc(fitPrefix(after, room).text)}`;
  });
  const first = Math.max(0, Math.min(row - height + 1, rendered.length - height));
  return rendered.slice(Math.max(0, first), Math.max(0, first) + height);
}

export function inputTitle(state: Pick<UiState, 'input' | 'reason' | 'focus' | 'approvals' | 'pathChoices' | 'queued'>): string {
  if (state.reason) return ' Reject — tell the model why (Enter sends, Esc goes back) ';
  if (state.focus === 'input' && state.pathChoices.length) {
    const shown = state.pathChoices.slice(0, 8).join(' ');
    return ` ${shown}${state.pathChoices.length > 8 ? ` … ${state.pathChoices.length - 8} more` : ''}  (type more, Tab completes) `;
  }
  if (state.queued.length) return ` Message (${state.queued.length} queued: sent when this turn ends · Esc interrupts) `;
  const c = completions(state.input.text);
  if (state.focus === 'input' && c.length && state.input.text.length > 0) return ` ${c.join(' ')}  (Tab completes) `;
  if (state.focus !== 'input') return ' Message (i or Enter to type) ';
  return ' Message (Enter sends · Ctrl-J new line · /help) ';
}
