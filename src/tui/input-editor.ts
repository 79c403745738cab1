// The input line as a pure value: multi-line text, a cursor, readline-style editing (word motions,
// Ctrl-W/K/U), ↑/↓ between lines and through history, slash-command completion. The blessed input
// pane only draws it; keys become InputOps in the store.
import { assertNever } from '../util/assert-never';

export interface InputState {
  text: string;
  cursor: number;
  history: string[];
  /** Position while browsing history (null: editing the draft). */
  historyIndex: number | null;
  draft: string;
}

export const SLASH_COMMANDS = [
  '/help',
  '/model',
  '/compact',
  '/clear',
  '/undo',
  '/changes',
  '/sessions',
  '/export',
  '/plan',
  '/escalate',
  '/rules',
  '/checks',
  '/check',
  '/mcp',
  '/quit',
] as const;
export type SlashCommand = (typeof SLASH_COMMANDS)[number];

export type InputOp =
  | { op: 'insert'; text: string }
  | { op: 'backspace' }
  | { op: 'delete' }
  | { op: 'left' }
  | { op: 'right' }
  | { op: 'home' }
  | { op: 'end' }
  | { op: 'newline' }
  | { op: 'historyPrev' }
  | { op: 'historyNext' }
  | { op: 'complete' }
  | { op: 'wordLeft' }
  | { op: 'wordRight' }
  | { op: 'deleteWordBack' }
  | { op: 'killToStart' }
  | { op: 'killToEnd' }
  | { op: 'commit' }
  | { op: 'clear' };

export function emptyInput(history: string[] = []): InputState {
  return { text: '', cursor: 0, history, historyIndex: null, draft: '' };
}

const set = (s: InputState, text: string, cursor = text.length): InputState => ({ ...s, text, cursor });

/** How many sent messages the input remembers (and keeps across restarts). */
export const HISTORY_LIMIT = 500;

const isWord = (ch: string) => /[\p{L}\p{N}_]/u.test(ch);

/** The start of the word before `at` (spaces and punctuation before it skipped, as readline does). */
export function wordStartBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && !isWord(text[i - 1])) i--;
  while (i > 0 && isWord(text[i - 1])) i--;
  return i;
}

/** The end of the word after `at`. */
export function wordEndAfter(text: string, at: number): number {
  let i = at;
  while (i < text.length && !isWord(text[i])) i++;
  while (i < text.length && isWord(text[i])) i++;
  return i;
}

const lineStartOf = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEndOf = (text: string, at: number) => {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
};

/** The cursor one line up or down, in the same column where that line is long enough; null at
 * the first / last line (then ↑ / ↓ browse the history instead). */
export function verticalMove(text: string, cursor: number, dir: -1 | 1): number | null {
  const start = lineStartOf(text, cursor);
  const col = cursor - start;
  if (dir < 0) {
    if (start === 0) return null;
    const prevStart = lineStartOf(text, start - 1);
    return Math.min(prevStart + col, start - 1);
  }
  const end = lineEndOf(text, cursor);
  if (end >= text.length) return null;
  return Math.min(end + 1 + col, lineEndOf(text, end + 1));
}

/** Slash commands starting with the typed prefix (only while the input is one bare word). */
export function completions(text: string): SlashCommand[] {
  if (!text.startsWith('/') || /\s/.test(text)) return [];
  return SLASH_COMMANDS.filter((c) => c.startsWith(text));
}

export function applyInput(s: InputState, o: InputOp): InputState {
  const { text, cursor } = s;
  switch (o.op) {
    case 'insert':
      return { ...set(s, text.slice(0, cursor) + o.text + text.slice(cursor), cursor + o.text.length), historyIndex: null };
    case 'backspace':
      return cursor === 0 ? s : set(s, text.slice(0, cursor - 1) + text.slice(cursor), cursor - 1);
    case 'delete':
      return set(s, text.slice(0, cursor) + text.slice(cursor + 1), cursor);
    case 'left':
      return { ...s, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { ...s, cursor: Math.min(text.length, cursor + 1) };
    case 'home':
      return { ...s, cursor: lineStartOf(text, cursor) };
    case 'end':
      return { ...s, cursor: lineEndOf(text, cursor) };
    case 'wordLeft':
      return { ...s, cursor: wordStartBefore(text, cursor) };
    case 'wordRight':
      return { ...s, cursor: wordEndAfter(text, cursor) };
    case 'deleteWordBack': {
      const from = wordStartBefore(text, cursor);
      return set(s, text.slice(0, from) + text.slice(cursor), from);
    }
    case 'killToStart': {
      // At the start of a line, joins it to the line above (as readline would delete the newline).
      const from = cursor > 0 && lineStartOf(text, cursor) === cursor ? cursor - 1 : lineStartOf(text, cursor);
      return set(s, text.slice(0, from) + text.slice(cursor), from);
    }
    case 'killToEnd': {
      const to = lineEndOf(text, cursor) === cursor && cursor < text.length ? cursor + 1 : lineEndOf(text, cursor);
      return set(s, text.slice(0, cursor) + text.slice(to), cursor);
    }
    case 'newline':
      return applyInput(s, { op: 'insert', text: '\n' });
    case 'historyPrev': {
      const up = verticalMove(text, cursor, -1);
      if (up !== null) return { ...s, cursor: up };
      if (!s.history.length) return s;
      const idx = s.historyIndex === null ? s.history.length - 1 : Math.max(0, s.historyIndex - 1);
      const draft = s.historyIndex === null ? text : s.draft;
      return { ...set(s, s.history[idx]), historyIndex: idx, draft };
    }
    case 'historyNext': {
      const down = verticalMove(text, cursor, 1);
      if (down !== null) return { ...s, cursor: down };
      if (s.historyIndex === null) return s;
      const idx = s.historyIndex + 1;
      if (idx >= s.history.length) return { ...set(s, s.draft), historyIndex: null };
      return { ...set(s, s.history[idx]), historyIndex: idx };
    }
    case 'complete': {
      const c = completions(text);
      if (c.length === 1) return set(s, c[0] + ' ');
      if (c.length > 1) {
        let common: string = c[0];
        for (const w of c) while (!w.startsWith(common)) common = common.slice(0, -1);
        return set(s, common);
      }
      return s;
    }
    case 'commit': {
      const t = text.trim();
      const history = t && s.history[s.history.length - 1] !== t ? [...s.history, t].slice(-HISTORY_LIMIT) : s.history;
      return emptyInput(history);
    }
    case 'clear':
      return emptyInput(s.history);
    default:
      return assertNever(o);
  }
}

/** Enter with a trailing backslash continues onto a new line instead of sending. */
export function wantsContinuation(s: InputState): boolean {
  return s.cursor === s.text.length && s.text.endsWith('\\');
}

/** Parses a slash command line: `/undo 2` → { command: '/undo', arg: '2' }. */
export function parseSlash(text: string): { command: SlashCommand | null; word: string; arg: string } | null {
  const t = text.trim();
  if (!t.startsWith('/')) return null;
  const [word, ...rest] = t.split(/\s+/);
  const command = (SLASH_COMMANDS as readonly string[]).includes(word) ? (word as SlashCommand) : null;
  return { command, word, arg: rest.join(' ') };
}
