// The status line: server, model, tokens/second, step and state on the first row; the keys
// that apply right now (generated from the keymap) on the second.
import type { UiState, Phase } from './state';
import { hintsFor, type KeyScope } from './keymap';
import type { IntakeScope } from './key-intake';
import { paint, type Theme } from './theme';
import { displayWidth, esc, truncate } from './text';

const PHASE_TEXT: Record<Phase, string> = {
  idle: 'ready',
  thinking: 'thinking…',
  streaming: 'writing…',
  approval: 'waiting for your approval',
  command: 'running a command',
  tool: 'running a tool',
};

type ScopeState = Pick<UiState, 'focus' | 'approvals' | 'reason' | 'help' | 'input' | 'toolView' | 'dialogFocus'> & Partial<Pick<UiState, 'search'>>;

/** The user is writing a message: the dialog's keys stay off until they leave the input (Esc). */
export function writingInput(state: Pick<UiState, 'focus' | 'input'>): boolean {
  return state.focus === 'input' && state.input.text.length > 0;
}

export function scopeOf(state: ScopeState): KeyScope {
  const req = state.approvals[0];
  return {
    focus: state.focus,
    approval: req !== undefined && !writingInput(state),
    request: req?.command ? 'command' : 'change',
    output: state.toolView !== null,
    reason: state.reason !== null,
    search: state.search?.typing === true,
    found: state.search != null && !state.search.typing && state.search.pane === state.focus,
    help: state.help,
    slash: state.input.text.startsWith('/'),
  };
}

export function intakeScope(state: ScopeState): IntakeScope {
  return { ...scopeOf(state), dialogFocused: state.dialogFocus, requestId: state.approvals[0]?.id ?? null };
}

export function statusView(state: UiState, width: number, theme: Theme): string[] {
  const { profile } = state.header;
  const model = state.header.model && profile ? `${state.header.model} (${profile})` : state.header.model;
  const parts = [state.header.server, model];
  if (state.tokensPerSecond !== undefined) parts.push(`${state.tokensPerSecond.toFixed(1)} tok/s`);
  if (state.busy && state.step) parts.push(`step ${state.step}`);
  if (state.checkResults.length > 0) parts.push(state.checkResults.map((r) => `${r.name} ${r.passed ? '✓' : '✗'}`).join(' '));
  const phase = state.check
    ? `running check ${state.check.name}… ${state.check.seconds} s`
    : state.busy && state.waitingSeconds !== undefined
      ? `waiting for the model… ${state.waitingSeconds} s`
      : PHASE_TEXT[state.phase];
  const info = fitSegments(
    parts.filter((p) => p !== ''),
    Math.max(0, width - displayWidth(phase) - 1),
  );
  const role = state.phase === 'approval' ? 'warn' : state.phase === 'idle' ? 'ok' : 'notice';
  const first = esc(info) + paint(theme, role, esc(phase));
  let second: string;
  if (state.quitArmed === 'ctrl-c') second = paint(theme, 'warn', ' Press Ctrl-C again to quit (any other key continues)');
  else if (state.quitArmed === 'q') second = paint(theme, 'warn', esc(truncate(` ${quitQuestion(state)} — q again quits, any other key stays`, width)));
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

/** ` a · b · c · ` with whole segments dropped from the right until it fits (never a cut word);
 * only a first segment too long on its own is cut. */
export function fitSegments(parts: string[], width: number): string {
  for (let n = parts.length; n > 0; n--) {
    const text = ` ${parts.slice(0, n).join(' · ')} · `;
    if (displayWidth(text) <= width) return text;
  }
  return parts.length ? truncate(` ${parts[0]} · `, width) : ' ';
}

/** Why `q` asks before quitting, or null when it need not ask. */
export function quitReason(state: Pick<UiState, 'busy' | 'approvals' | 'patches'>): string | null {
  if (state.approvals.length) return 'A change awaits your answer';
  if (state.patches.some((p) => p.status === 'pending')) return 'A change is pending';
  if (state.busy) return 'A turn is running';
  return null;
}

function quitQuestion(state: UiState): string {
  return `${quitReason(state) ?? 'Quit'}: quit anyway?`;
}
