// The conversation the agent appends to, with an optional sink that mirrors every change (the
// session log). The agent knows only this interface, never how or where it is persisted.
import type { ChatMessage } from '../types/messages';

export interface HistoryStore {
  get(): ChatMessage[];
  append(m: ChatMessage): void;
  replace(h: ChatMessage[]): void;
}

/** Receives each change after it is made (e.g. to write it to the session log). */
export interface HistorySink {
  append(m: ChatMessage): void;
  replace(h: ChatMessage[]): void;
}

export function createHistoryStore(initial: ChatMessage[] = [], sink?: HistorySink): HistoryStore {
  let messages = [...initial];
  return {
    get: () => messages,
    append(m) {
      messages = [...messages, m];
      sink?.append(m);
    },
    replace(h) {
      messages = h;
      sink?.replace(h);
    },
  };
}
