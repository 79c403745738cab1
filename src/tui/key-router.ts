// Turns one keypress into a keymap action, or a typed character into text for the input (pure).
import { actionFor, type Action, type KeyScope } from './keymap';
import type { InputOp } from './input-editor';

export type Routed = { action: Action } | { edit: InputOp } | null;

/** `full` is blessed's key.full ('y', 'C-c', 'S-tab'); `ch` the character typed, if any. */
export function routeKey(full: string, ch: string | undefined, scope: KeyScope): Routed {
  // blessed reports Enter twice ('enter' then 'return'); only 'enter' counts.
  if (full === 'return') return null;
  const action = actionFor(full, scope);
  if (action) return { action };
  // An overlay opened from the input (/changes, /sessions) keeps the keys: nothing types behind it.
  const typing =
    scope.reason ||
    (scope.search === true && !scope.help && !scope.output) ||
    (scope.focus === 'input' && !scope.help && !scope.output && !scope.changes && !scope.sessions);
  if (!typing) return null;
  if (ch && ch.length >= 1 && ch >= ' ' && !full.startsWith('C-') && !full.startsWith('M-')) return { edit: { op: 'insert', text: ch } };
  return null;
}
