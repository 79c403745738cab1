// The step note: what changes from step to step (the routed tool names, the plan). It is written
// into the history as a harness message — only when it differs from the newest note still there —
// so every prompt is a strict extension of the previous prompt and of the model's reply to it: a
// prefix-caching server (llama.cpp keeps the generated reply too) re-reads nothing.
import type { ChatMessage } from '../types/messages';
import { isToolResult } from './tool-result';

export interface StepNoteParts {
  toolText: string;
  planText: string;
}

export function stepNoteText(parts: StepNoteParts): string {
  return [parts.toolText, parts.planText].filter((s) => s.trim() !== '').join('\n\n');
}

const NO_PLAN = 'No plan is open.';

/** The step notes placed so far, newest last (identity matters: compaction drops or rewrites them). */
export interface StepNotes {
  placed: ChatMessage[];
}

/** The newest note the history still holds unchanged, and where. */
function currentStepNote(notes: StepNotes, history: ChatMessage[]): { note: ChatMessage; at: number } | undefined {
  const placed = new Set(notes.placed);
  for (let i = history.length - 1; i >= 0; i--) if (placed.has(history[i])) return { note: history[i], at: i };
  return undefined;
}

/** The user's own newest message (not a harness note, not a tool result in text mode). */
function lastUserMessage(history: ChatMessage[]): number {
  for (let i = history.length - 1; i >= 0; i--) {
    const m = history[i];
    if (m.role === 'user' && m.origin !== 'harness' && !isToolResult(m)) return i;
  }
  return -1;
}

/**
 * The note to append before a step's request, or undefined when the history already shows the
 * same text since the user's newest message (a new request gets the note again, next to what
 * the model reads last). A returned note is remembered as placed.
 */
export function placeStepNote(notes: StepNotes, history: ChatMessage[], text: string): ChatMessage | undefined {
  const current = currentStepNote(notes, history);
  const live = new Set(history);
  notes.placed = notes.placed.filter((m) => live.has(m));
  let wanted = text;
  if (text.trim() === '') {
    // An emptied plan must not leave the old one standing as the newest note.
    if (!current || current.note.content === NO_PLAN) return undefined;
    wanted = NO_PLAN;
  }
  const fresh = current !== undefined && current.at > lastUserMessage(history);
  if (fresh && current.note.content === wanted) return undefined;
  const note: ChatMessage = { role: 'user', content: wanted, origin: 'harness' };
  notes.placed.push(note);
  return note;
}

/** Tokens of the newest note still in the history (reported as the plan share). */
export function stepNoteContent(notes: StepNotes, history: ChatMessage[]): string {
  return currentStepNote(notes, history)?.note.content ?? '';
}
