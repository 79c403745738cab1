// The input line as a pure value: multi-line text, a cursor, history (↑/↓) and slash-command
// completion. The blessed input pane only draws it; keys become InputOps in the store.
import { assertNever } from '../util/assert-never';

export interface InputState {
  text: string;
  cursor: number;
  history: string[];
  /** Position while browsing history (null: editing the draft). */
  historyIndex: number | null;
  draft: string;
}

export const SLASH_COMMANDS = ['/help', '/model', '/compact', '/clear', '/undo', '/changes', '/sessions', '/export', '/plan', '/escalate', '/quit'] as const;
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
  | { op: 'killLine' }
  | { op: 'commit' }
  | { op: 'clear' };

export function emptyInput(history: string[] = []): InputState {
  return { text: '', cursor: 0, history, historyIndex: null, draft: '' };
}

const set = (s: InputState, text: string, cursor = text.length): InputState => ({ ...s, text, cursor });

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
      return { ...s, cursor: text.lastIndexOf('\n', cursor - 1) + 1 };
    case 'end': {
      const nl = text.indexOf('\n', cursor);
      return { ...s, cursor: nl < 0 ? text.length : nl };
    }
    case 'newline':
      return applyInput(s, { op: 'insert', text: '\n' });
    case 'killLine':
      return set(s, '', 0);
    case 'historyPrev': {
      if (!s.history.length) return s;
      const idx = s.historyIndex === null ? s.history.length - 1 : Math.max(0, s.historyIndex - 1);
      const draft = s.historyIndex === null ? text : s.draft;
      return { ...set(s, s.history[idx]), historyIndex: idx, draft };
    }
    case 'historyNext': {
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
      const history = t && s.history[s.history.length - 1] !== t ? [...s.history, t].slice(-200) : s.history;
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
