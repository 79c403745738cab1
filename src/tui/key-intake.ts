// What a keypress means before the keymap sees it, so that typing never answers a dialog:
// - keys that arrive together (one read from the terminal: a paste without brackets, a burst) are
//   text for the input; Tab and Enter inside them are a tab and a new line, never focus or send;
// - while a request awaits approval, an answer key (y, n, a, A, e, d …) counts only when it stands
//   alone: nothing typed in the QUIET_MS before it, the dialog on screen at least that long, and
//   nothing typed in the QUIET_MS after it (it is held that long). Otherwise it is text. Once the
//   user moved focus to the dialog on purpose (Esc from the input), answers act at once (never
//   inside a burst);
// - q and u (quit, undo) never act inside a burst or a stream of keys (a split paste).
// No blessed here: keys in, keymap actions and text out, time and timers injected.
import { KEYMAP, type Action, type KeyScope } from './keymap';
import { routeKey } from './key-router';
import type { InputOp } from './input-editor';

export interface KeyPress {
  /** blessed's key.full ('y', 'enter', 'S-a', 'C-c'). */
  full: string;
  /** The character typed, if any. */
  ch?: string;
}

export interface IntakeScope extends KeyScope {
  /** Focus was moved to the dialog on purpose: its answer keys act at once. */
  dialogFocused: boolean;
  /** The id of the request on screen (null when none). */
  requestId: string | null;
}

export interface IntakeDeps {
  scope(): IntakeScope;
  /** When the request now on screen appeared (ms, same clock as `now`). */
  requestShownAt(): number;
  now(): number;
  later(fn: () => void, ms: number): () => void;
  act(action: Action): void;
  edit(op: InputOp): void;
  /** Inserts typed or pasted text into the input (focusing it) or into the rejection reason. */
  text(text: string): void;
  /** Every key the intake handles, routed or not (the quit confirmation disarms on other keys). */
  seen(action: Action | null): void;
}

export interface KeyIntake {
  /** The keys of one read from the terminal, in order. */
  chunk(keys: KeyPress[]): void;
  paste(text: string): void;
  dispose(): void;
}

/** Long enough to separate the letters of a word typed at any usual speed; short enough to feel
 * like an answer. Typing the next letter within it turns a held answer key back into text. */
export const QUIET_MS = 400;

/** Keys closer than this came from a machine (a paste split across reads, a terminal's backlog),
 * not from fingers: q and u among them do nothing. */
export const STREAM_MS = 60;

const ANSWER_SCOPES = new Set(['approval', 'change', 'command']);
const ANSWER_ACTIONS = new Set<Action>(KEYMAP.filter((b) => ANSWER_SCOPES.has(b.when)).map((b) => b.action));
const DESTRUCTIVE = new Set<Action>(['quit', 'undo', 'changeUndo', 'changeRedo', 'resumeSession']);

const printable = (k: KeyPress) => k.ch !== undefined && k.ch.length >= 1 && k.ch >= ' ' && k.ch !== '\x7f' && !/^[CM]-/.test(k.full);

export function createKeyIntake(d: IntakeDeps): KeyIntake {
  let lastTextAt = Number.NEGATIVE_INFINITY;
  let lastKeyAt = Number.NEGATIVE_INFINITY;
  let held: { ch: string; action: Action; requestId: string | null; cancel: () => void } | null = null;

  const typed = (text: string) => {
    lastTextAt = d.now();
    d.text(text);
  };
  /** A held answer key becomes what it would have been without the dialog: text. */
  const releaseHeld = () => {
    if (!held) return;
    const h = held;
    held = null;
    h.cancel();
    typed(h.ch);
  };
  const quietFor = (ms: number) => d.now() - lastTextAt >= ms;

  function one(k: KeyPress, burst: boolean, last: boolean): void {
    releaseHeld();
    const since = d.now() - lastKeyAt;
    lastKeyAt = d.now();
    const scope = d.scope();
    const textual = scope.focus === 'input' || scope.reason || scope.search === true || scope.requestId !== null;
    if (burst && textual && !scope.help && !scope.output && !scope.changes && !scope.sessions) {
      if (printable(k)) return typed(k.ch as string);
      if (k.full === 'tab') return typed('\t');
      if ((k.full === 'enter' || k.full === 'linefeed') && !last) return typed('\n');
    }
    const routed = routeKey(k.full, k.ch, scope);
    if (!routed) return d.seen(null);
    if ('edit' in routed) {
      d.seen(null);
      if (routed.edit.op === 'insert') lastTextAt = d.now();
      return d.edit(routed.edit);
    }
    const action = routed.action;
    d.seen(action);
    if (DESTRUCTIVE.has(action) && (burst || since < STREAM_MS)) return;
    if (!ANSWER_ACTIONS.has(action) || !printable(k)) return d.act(action);
    // An answer key typed as a letter.
    const ch = k.ch as string;
    if (burst) return typed(ch);
    if (scope.dialogFocused) return d.act(action); // Esc separated the typing from the answer
    if (!quietFor(QUIET_MS)) return typed(ch);
    if (d.now() - d.requestShownAt() < QUIET_MS) return typed(ch);
    const requestId = scope.requestId;
    const cancel = d.later(() => {
      if (held?.action !== action) return;
      held = null;
      if (d.scope().requestId === requestId) d.act(action);
    }, QUIET_MS);
    held = { ch, action, requestId, cancel };
  }

  return {
    chunk(keys) {
      const real = keys.filter((k) => k.full !== 'return'); // blessed reports Enter twice: 'enter', then 'return'
      for (let i = 0; i < real.length; i++) one(real[i], real.length > 1, i === real.length - 1);
    },
    paste(text) {
      releaseHeld();
      if (text) typed(text);
    },
    dispose() {
      held?.cancel();
      held = null;
    },
  };
}
