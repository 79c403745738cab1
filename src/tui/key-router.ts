// Turns one keypress into a keymap action or a text edit for the input (pure). Text editing
// keys (← → Home End Backspace Ctrl-U) are not actions: they only edit the focused input.
import { actionFor, type Action, type KeyScope } from './keymap';
import type { InputOp } from './input-editor';

export type Routed = { action: Action } | { edit: InputOp } | null;

const EDIT_KEYS: Record<string, InputOp> = {
  backspace: { op: 'backspace' }, delete: { op: 'delete' }, left: { op: 'left' }, right: { op: 'right' },
  home: { op: 'home' }, end: { op: 'end' }, 'C-a': { op: 'home' }, 'C-e': { op: 'end' }, 'C-u': { op: 'killLine' },
};

/** `full` is blessed's key.full ('y', 'C-c', 'S-tab'); `ch` the character typed, if any. */
export function routeKey(full: string, ch: string | undefined, scope: KeyScope): Routed {
  // blessed reports Enter twice ('enter' then 'return'); only 'enter' counts.
  if (full === 'return') return null;
  const action = actionFor(full, scope);
  if (action) return { action };
  const typing = scope.reason || (scope.focus === 'input' && !scope.help);
  if (!typing) return null;
  if (EDIT_KEYS[full]) return { edit: EDIT_KEYS[full] };
  if (ch && ch.length >= 1 && ch >= ' ' && !full.startsWith('C-') && !full.startsWith('M-')) return { edit: { op: 'insert', text: ch } };
  return null;
}
