// The record shapes of a session log line and a validating parser: a line that is torn,
// garbage or of an unknown shape is rejected (undefined), never trusted half-way.
import type { AgentEvent } from '../agent/events';
import type { ChatMessage } from '../types/messages';

export interface SessionMeta {
  id: string;
  model: string;
  provider: string;
  /** ISO time the session started. */
  started: string;
  task?: string;
}

export type SessionRecord =
  | { t: 'meta'; v: 1; meta: SessionMeta }
  | { t: 'event'; at: number; e: AgentEvent }
  | { t: 'message'; m: ChatMessage }
  | { t: 'history'; messages: ChatMessage[] }
  | { t: 'end'; at: number }
  | { t: 'resume'; at: number; model: string; provider: string };

const ROLES = new Set(['system', 'user', 'assistant', 'tool']);

function isObject(x: unknown): x is Record<string, unknown> {
  return !!x && typeof x === 'object' && !Array.isArray(x);
}

export function isChatMessage(x: unknown): x is ChatMessage {
  return (
    isObject(x) && typeof x.role === 'string' && ROLES.has(x.role) && typeof x.content === 'string' && (x.toolCalls === undefined || Array.isArray(x.toolCalls))
  );
}

export function parseRecord(line: string): SessionRecord | undefined {
  let r: unknown;
  try {
    r = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObject(r)) return undefined;
  switch (r.t) {
    case 'meta': {
      const m = r.meta;
      if (!isObject(m) || typeof m.id !== 'string' || typeof m.model !== 'string' || typeof m.provider !== 'string') return undefined;
      return r as SessionRecord;
    }
    case 'event':
      return isObject(r.e) && typeof r.e.type === 'string' ? (r as SessionRecord) : undefined;
    case 'message':
      return isChatMessage(r.m) ? (r as SessionRecord) : undefined;
    case 'history':
      return Array.isArray(r.messages) && r.messages.every(isChatMessage) ? (r as SessionRecord) : undefined;
    case 'end':
      return r as SessionRecord;
    case 'resume':
      return typeof r.model === 'string' && typeof r.provider === 'string' ? (r as SessionRecord) : undefined;
    default:
      return undefined;
  }
}
