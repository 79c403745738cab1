// Telling a user who looked away that the workbench needs them: a bell plus a desktop notification
// (OSC 9, understood by iTerm2, WezTerm, kitty, Windows Terminal; OSC 777, by foot, Konsole, urxvt —
// a terminal ignores the one it does not know) when an approval is needed or a turn ends. "Looked
// away": the terminal reported losing focus (focus events, ESC[?1004h), or, where it never reports
// focus, no key for IDLE_MS. Pure: events and attention in, the bytes to write out.
import type { AgentEvent } from '../agent/events';

export const FOCUS_ON = '\x1b[?1004h';
export const FOCUS_OFF = '\x1b[?1004l';

/** Without focus reports, this long without a key counts as looking away. */
export const IDLE_MS = 30_000;

export interface Attention {
  /** The terminal has reported focus at least once (then `focused` is trusted, not idle time). */
  focusReported: boolean;
  focused: boolean;
  /** Milliseconds since the last key. */
  idleMs: number;
}

export interface Notification {
  title: string;
  body: string;
}

export function lookedAway(a: Attention): boolean {
  return a.focusReported ? !a.focused : a.idleMs >= IDLE_MS;
}

/** The notification an event deserves when the user looked away, else null. */
export function notificationFor(e: AgentEvent, a: Attention): Notification | null {
  if (!lookedAway(a)) return null;
  if (e.type === 'approval.needed') {
    const r = e.request;
    const what = r.command ? `run: ${r.command.command}` : r.proposal ? `change ${r.proposal.path}` : r.call.name;
    return { title: 'SmallCode: approval needed', body: what };
  }
  if (e.type === 'turn.end') {
    const how = e.reason === 'done' ? 'finished' : `stopped (${e.reason.replace('_', ' ')})`;
    return { title: `SmallCode: turn ${how}`, body: e.text.split('\n')[0] || how };
  }
  return null;
}

/** Text safe inside an OSC string: no control characters, no `;` (OSC 777's separator), short. */
function oscText(s: string, max = 160): string {
  const t = s
    .replace(/[\x00-\x1f\x7f-\x9f]/g, ' ')
    .replace(/;/g, ',')
    .trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The bell, then OSC 9 and OSC 777 desktop notifications (BEL-terminated). */
export function notificationBytes(n: Notification): string {
  const title = oscText(n.title, 80);
  const body = oscText(n.body);
  return `\x07\x1b]9;${title}: ${body}\x07\x1b]777;notify;${title};${body}\x07`;
}

/** SMALLCODE_NOTIFY: on (default) or off; anything else is on, with a warning naming the fix. */
export function notifySetting(value: string | undefined): { on: boolean; warning?: string } {
  const v = value?.trim().toLowerCase();
  if (!v || ['on', '1', 'true', 'yes'].includes(v)) return { on: true };
  if (['off', '0', 'false', 'no'].includes(v)) return { on: false };
  return { on: true, warning: `SMALLCODE_NOTIFY must be on or off, got "${value}" — notifications stay on` };
}

/** Splits focus reports out of key data (never out of a paste: the caller passes key data only). */
export function takeFocusReports(data: string): { data: string; focus: boolean[] } {
  const focus: boolean[] = [];
  const rest = data.replace(/\x1b\[(I|O)/g, (_m, c: string) => {
    focus.push(c === 'I');
    return '';
  });
  return { data: rest, focus };
}
