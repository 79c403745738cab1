// The status line: server, model, tokens/second, step and state on the first row; the keys
// that apply right now (generated from the keymap) on the second.
import type { UiState, Phase } from './state';
import { hintsFor, type KeyScope } from './keymap';
import { paint, type Theme } from './theme';
import { esc, truncate } from './text';

const PHASE_TEXT: Record<Phase, string> = {
  idle: 'ready',
  thinking: 'thinking…',
  streaming: 'writing…',
  approval: 'waiting for your approval',
  command: 'running a command',
  tool: 'running a tool',
};

export function scopeOf(state: Pick<UiState, 'focus' | 'approvals' | 'reason' | 'help' | 'input'>): KeyScope {
  return {
    focus: state.focus,
    approval: state.approvals.length > 0,
    reason: state.reason !== null,
    help: state.help,
    slash: state.input.text.startsWith('/'),
  };
}

export function statusView(state: UiState, width: number, theme: Theme): string[] {
  const { profile } = state.header;
  const parts = [state.header.server, profile ? `${state.header.model} (${profile})` : state.header.model];
  if (state.tokensPerSecond !== undefined) parts.push(`${state.tokensPerSecond.toFixed(1)} tok/s`);
  if (state.busy && state.step) parts.push(`step ${state.step}`);
  const phase = state.busy && state.waitingSeconds !== undefined ? `waiting for the model… ${state.waitingSeconds} s` : PHASE_TEXT[state.phase];
  const info = truncate(` ${parts.join(' · ')} · `, Math.max(0, width - phase.length - 1));
  const role = state.phase === 'approval' ? 'warn' : state.phase === 'idle' ? 'ok' : 'notice';
  const first = esc(info) + paint(theme, role, esc(phase));
  let second: string;
  if (state.quitArmed) second = paint(theme, 'warn', ' Press Ctrl-C again to quit (any other key continues)');
  else {
    let len = 1;
    const bits: string[] = [];
    for (const h of hintsFor(scopeOf(state))) {
      const plain = `${h.key} ${h.label}`;
      if (len + plain.length + 3 > width) break;
      bits.push(`${paint(theme, 'key', esc(h.key))} ${paint(theme, 'hint', esc(h.label))}`);
      len += plain.length + 3;
    }
    second = ' ' + bits.join(paint(theme, 'dim', ' · '));
  }
  return [first, second];
}
