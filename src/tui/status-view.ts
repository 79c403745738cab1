// The status line: server, model, tokens/second, step and state on the first row; the keys
// that apply right now (generated from the keymap) on the second.
import type { UiState, Phase } from './state';
import { hintsFor, type KeyScope } from './keymap';
import { mentionAt } from './file-mention';
import type { IntakeScope } from './key-intake';
import { paint, type Theme } from './theme';
import { displayWidth, esc, fmtTokens, truncate } from './text';

const PHASE_TEXT: Record<Phase, string> = {
  idle: 'ready',
  thinking: 'thinking…',
  streaming: 'writing…',
  approval: 'waiting for your approval',
  command: 'running a command',
  tool: 'running a tool',
};

type ScopeState = Pick<UiState, 'focus' | 'approvals' | 'reason' | 'help' | 'input' | 'toolView' | 'dialogFocus' | 'changes' | 'sessions'> &
  Partial<Pick<UiState, 'search'>>;

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
    changes: state.changes !== null,
    sessions: state.sessions !== null,
    reason: state.reason !== null,
    search: state.search?.typing === true,
    found: state.search != null && !state.search.typing && state.search.pane === state.focus,
    help: state.help,
    slash: state.input.text.startsWith('/'),
    mention: mentionAt(state.input.text, state.input.cursor) !== null,
  };
}

export function intakeScope(state: ScopeState): IntakeScope {
  return { ...scopeOf(state), dialogFocused: state.dialogFocus, requestId: state.approvals[0]?.id ?? null };
}

/** Generation speed: live while a reply streams (≈ 4 characters a token), else the server's last figure. */
export function liveTokensPerSecond(state: Pick<UiState, 'phase' | 'streamChars' | 'totals' | 'tokensPerSecond'>): number | undefined {
  const t = state.totals;
  if (state.phase === 'streaming' && t.streamStartedAt !== undefined && t.now - t.streamStartedAt >= 500) {
    return (state.streamChars - t.streamBase) / 4 / ((t.now - t.streamStartedAt) / 1000);
  }
  return state.tokensPerSecond;
}

export function fmtElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** The first row's segments in screen order; `keep` ranks what stays when the row is too narrow. */
function segments(state: UiState): { text: string; keep: number }[] {
  const { profile } = state.header;
  const out = [
    { text: state.header.server, keep: 1 },
    { text: profile ? `${state.header.model} (${profile})` : state.header.model, keep: 5 },
  ];
  const speed = liveTokensPerSecond(state);
  if (speed !== undefined) out.push({ text: `${speed.toFixed(1)} tok/s`, keep: 4 });
  if (state.busy && state.step) out.push({ text: `step ${state.step}`, keep: 2 });
  const t = state.totals;
  if (t.tokensIn || t.tokensOut) out.push({ text: `${fmtTokens(t.tokensIn)} in / ${fmtTokens(t.tokensOut)} out`, keep: 3 });
  if (state.busy && t.turnStartedAt !== undefined) out.push({ text: `turn ${fmtElapsed(t.now - t.turnStartedAt)}`, keep: 6 });
  if (state.checkResults.length > 0) out.push({ text: state.checkResults.map((r) => `${r.name} ${r.passed ? '✓' : '✗'}`).join(' '), keep: 7 });
  return out.filter((p) => p.text !== '');
}

/** Drops the least important segments until the row fits; only a lone segment too long on its own is cut. */
function fitRanked(parts: { text: string; keep: number }[], room: number): string {
  const kept = [...parts];
  const line = () => ` ${kept.map((p) => p.text).join(' · ')} · `;
  while (kept.length > 1 && displayWidth(line()) > room) {
    const least = kept.reduce((lo, p) => (p.keep < lo.keep ? p : lo));
    kept.splice(kept.indexOf(least), 1);
  }
  return truncate(line(), Math.max(0, room));
}

export function statusView(state: UiState, width: number, theme: Theme): string[] {
  const phase = state.check
    ? `running check ${state.check.name}… ${state.check.seconds} s`
    : state.busy && state.waitingSeconds !== undefined
      ? `waiting for the model… ${state.waitingSeconds} s`
      : PHASE_TEXT[state.phase];
  const info = fitRanked(segments(state), Math.max(0, width - displayWidth(phase) - 1));
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
