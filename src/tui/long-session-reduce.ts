// The store's reducer for the long-session state: the changes view, the message queue, the
// clock behind the session totals, the session list and @file completion. Pure, like store.ts.
import { assertNever } from '../util/assert-never';
import type { UiState } from './state';
import type { UiAction } from './ui-actions';

export type LongSessionAction = Extract<
  UiAction,
  {
    type:
      | 'ui.changes.open'
      | 'ui.changes.list'
      | 'ui.changes.select'
      | 'ui.changes.scroll'
      | 'ui.changes.note'
      | 'ui.queue.add'
      | 'ui.queue.take'
      | 'ui.clock'
      | 'ui.sessions.open'
      | 'ui.sessions.list'
      | 'ui.sessions.select'
      | 'ui.sessions.note'
      | 'ui.input.set';
  }
>;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

export function reduceLongSession(s: UiState, a: LongSessionAction): UiState {
  switch (a.type) {
    case 'ui.changes.open':
      return { ...s, changes: a.open ? (s.changes ?? { list: [], selected: 0, scroll: 0, loading: true }) : null };
    case 'ui.changes.list': {
      if (!s.changes) return s;
      // A fresh view selects the newest change; a refresh keeps the selection.
      const selected = s.changes.loading ? Math.max(0, a.list.length - 1) : clamp(s.changes.selected, 0, Math.max(0, a.list.length - 1));
      return { ...s, changes: { ...s.changes, list: a.list, selected, loading: false } };
    }
    case 'ui.changes.select':
      if (!s.changes) return s;
      return {
        ...s,
        changes: { ...s.changes, selected: clamp(s.changes.selected + a.delta, 0, Math.max(0, s.changes.list.length - 1)), scroll: 0, note: undefined },
      };
    case 'ui.changes.note':
      return s.changes ? { ...s, changes: { ...s.changes, note: a.text } } : s;
    case 'ui.changes.scroll':
      return s.changes ? { ...s, changes: { ...s.changes, scroll: clamp(s.changes.scroll + a.delta, 0, Math.max(0, a.max)) } } : s;
    case 'ui.queue.add':
      return { ...s, queued: [...s.queued, a.text] };
    case 'ui.queue.take':
      return { ...s, queued: s.queued.slice(1) };
    case 'ui.clock': {
      const t = s.totals;
      const turnStartedAt = s.busy ? (t.turnStartedAt ?? a.now) : undefined;
      const starting = s.phase === 'streaming' && t.streamStartedAt === undefined;
      return {
        ...s,
        totals: { ...t, now: a.now, turnStartedAt, streamStartedAt: starting ? a.now : t.streamStartedAt, streamBase: starting ? s.streamChars : t.streamBase },
      };
    }
    case 'ui.sessions.open':
      return { ...s, sessions: a.open ? (s.sessions ?? { list: [], selected: 0, loading: true }) : null };
    case 'ui.sessions.list':
      return s.sessions
        ? { ...s, sessions: { ...s.sessions, list: a.list, loading: false, selected: clamp(s.sessions.selected, 0, Math.max(0, a.list.length - 1)) } }
        : s;
    case 'ui.sessions.select':
      if (!s.sessions) return s;
      return { ...s, sessions: { ...s.sessions, selected: clamp(s.sessions.selected + a.delta, 0, Math.max(0, s.sessions.list.length - 1)), note: undefined } };
    case 'ui.sessions.note':
      return s.sessions ? { ...s, sessions: { ...s.sessions, note: a.text } } : s;
    case 'ui.input.set':
      return { ...s, input: a.input, pathChoices: a.choices };
    default:
      return assertNever(a);
  }
}
