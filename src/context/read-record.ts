// Remembers what each read showed the model, keyed by path + range + a hash of the text, so a
// re-read of an unchanged file costs one line instead of the whole text again. A record counts
// only while the message that carried the text is still in the history, unchanged (compaction
// stubs or folds it away, and then the text must be sent again).
import { createHash } from 'node:crypto';
import type { ChatMessage } from '../types/messages';

export interface ReadMark {
  turn: number;
  step: number;
}

export interface ReadRange {
  path: string;
  startLine: number;
  endLine: number;
}

interface Entry extends ReadRange, ReadMark {
  hash: string;
  message: ChatMessage;
}

export interface ReadRecord {
  /** The earlier read that showed exactly this text of this range, if the history still holds it. */
  find(range: ReadRange, text: string, history: ChatMessage[]): (ReadRange & ReadMark) | undefined;
  /** Records the message that showed `text` for `range`. */
  remember(range: ReadRange, text: string, mark: ReadMark, message: ChatMessage): void;
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const keyOf = (r: ReadRange) => `${r.path}\u0000${r.startLine}\u0000${r.endLine}`;

export function createReadRecord(): ReadRecord {
  const entries = new Map<string, Entry>();
  return {
    find(range, text, history) {
      const e = entries.get(keyOf(range));
      if (!e || e.hash !== textHash(text)) return undefined;
      // Newest messages are the likeliest holders: search from the end.
      for (let i = history.length - 1; i >= 0; i--) if (history[i] === e.message) return e;
      entries.delete(keyOf(range));
      return undefined;
    },
    remember(range, text, mark, message) {
      entries.set(keyOf(range), { ...range, ...mark, hash: textHash(text), message });
    },
  };
}

/** The one line sent instead of a repeated read. */
export function unchangedReadNote(earlier: ReadRange & ReadMark, now: ReadMark): string {
  const when = earlier.turn === now.turn ? `step ${earlier.step}` : `step ${earlier.step} of an earlier turn`;
  return `${earlier.path} is unchanged since your read at ${when} (lines ${earlier.startLine}–${earlier.endLine}): use that text.`;
}
