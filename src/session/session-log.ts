// Append-only JSONL log per session (.smallcode/sessions/<id>.jsonl): one record per line, each
// written by a single append, so a killed process loses at most the record in flight.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AgentEvent } from '../agent/events';
import type { ChatMessage } from '../types/messages';
import { parseRecord, type SessionMeta, type SessionRecord } from './session-records';
import { ensureStateDir } from '../workspace/state-dir';
import { append, appendSync, makeDir } from '../workspace/file-ops';

export type { SessionMeta } from './session-records';

export const SESSIONS_DIR = '.smallcode/sessions';

export interface SessionLog {
  readonly id: string;
  readonly path: string;
  /** Logs an agent event (streamed deltas are skipped: model.done summarises them). */
  event(e: AgentEvent): void;
  /** Logs one history append. */
  message(m: ChatMessage): void;
  /** Logs a replacement of the whole history (after compaction or /clear). */
  history(replaced: ChatMessage[]): void;
  /** Resolves once everything queued so far is on disk. */
  flush(): Promise<void>;
  /** Writes the end record and flushes. Later calls are ignored. */
  close(): Promise<void>;
  /** The last write error, if any (logging never throws into the agent). */
  lastError(): string | undefined;
}

export function sessionsDir(root: string): string {
  return path.join(root, SESSIONS_DIR);
}

/** Sortable by time: 20261125-153012-ab12 (UTC). */
export function newSessionId(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const d = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}`;
  const t = `${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  return `${d}-${t}-${randomBytes(2).toString('hex')}`;
}

const SKIPPED: ReadonlySet<AgentEvent['type']> = new Set(['model.delta', 'model.reasoning', 'model.waiting']);

/**
 * Starts a new session log, or with `resumeId` continues that session's file (the history
 * loaded from it stays valid: new records append after the old ones).
 */
export async function createSessionLog(root: string, meta: { model: string; provider: string; task?: string }, resumeId?: string): Promise<SessionLog> {
  const dir = sessionsDir(root);
  ensureStateDir(root);
  await makeDir(dir);
  let id: string;
  let file: string;
  if (resumeId !== undefined && isSessionId(resumeId) && fs.existsSync(path.join(dir, `${resumeId}.jsonl`))) {
    id = resumeId;
    file = path.join(dir, `${id}.jsonl`);
    // A torn last line from a killed run must not swallow the next record.
    const size = (await fs.promises.stat(file)).size;
    const torn = size > 0 && !(await endsWithNewline(file, size));
    await append(file, `${torn ? '\n' : ''}${line({ t: 'resume', at: Date.now(), model: meta.model, provider: meta.provider })}`);
  } else {
    id = newSessionId();
    while (fs.existsSync(path.join(dir, `${id}.jsonl`))) id = newSessionId();
    file = path.join(dir, `${id}.jsonl`);
    const full: SessionMeta = { id, model: meta.model, provider: meta.provider, started: new Date().toISOString(), ...(meta.task ? { task: meta.task } : {}) };
    await append(file, line({ t: 'meta', v: 1, meta: full }), { exclusive: true });
  }

  let closed = false;
  let error: string | undefined;
  const write = (r: SessionRecord) => {
    if (closed) return;
    let text: string;
    try {
      text = line(r);
    } catch (err) {
      error = `session log: could not serialise a ${r.t} record (${(err as Error).message})`;
      return;
    }
    // Synchronous on purpose: the record is on disk before the agent's next HTTP request, so a
    // killed process loses at most the step in flight (one small write syscall per record).
    try {
      appendSync(file, text);
    } catch (err) {
      error = `session log: could not write ${file} (${(err as Error).message})`;
    }
  };

  return {
    id,
    path: file,
    event(e) {
      if (!SKIPPED.has(e.type)) write({ t: 'event', at: Date.now(), e });
    },
    message: (m) => write({ t: 'message', m }),
    history: (replaced) => write({ t: 'history', messages: replaced }),
    flush: () => Promise.resolve(),
    async close() {
      if (closed) return;
      write({ t: 'end', at: Date.now() });
      closed = true;
    },
    lastError: () => error,
  };
}

async function endsWithNewline(file: string, size: number): Promise<boolean> {
  const h = await fs.promises.open(file, 'r');
  try {
    const b = Buffer.alloc(1);
    await h.read(b, 0, 1, size - 1);
    return b[0] === 10;
  } finally {
    await h.close();
  }
}

export function isSessionId(id: string): boolean {
  return /^[\w.-]+$/.test(id) && !id.startsWith('.');
}

function line(r: SessionRecord): string {
  return `${JSON.stringify(r)}\n`;
}

export interface SessionSummary {
  id: string;
  path: string;
  meta?: SessionMeta;
}

/** Sessions under root, oldest first (ids sort by time). */
export async function listSessions(root: string): Promise<SessionSummary[]> {
  let names: string[];
  try {
    names = await fs.promises.readdir(sessionsDir(root));
  } catch {
    return [];
  }
  const ids = names
    .filter((n) => n.endsWith('.jsonl'))
    .map((n) => n.slice(0, -6))
    .sort();
  return Promise.all(
    ids.map(async (id) => ({ id, path: path.join(sessionsDir(root), `${id}.jsonl`), meta: await readMeta(path.join(sessionsDir(root), `${id}.jsonl`)) })),
  );
}

async function readMeta(file: string): Promise<SessionMeta | undefined> {
  const h = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const { bytesRead } = await h.read(buf, 0, buf.length, 0);
    const first = buf.subarray(0, bytesRead).toString('utf8').split('\n', 1)[0];
    const r = parseRecord(first);
    return r?.t === 'meta' ? r.meta : undefined;
  } finally {
    await h.close();
  }
}

/** The newest session's id, if any. */
export async function latestSession(root: string): Promise<string | undefined> {
  const all = await listSessions(root);
  return all[all.length - 1]?.id;
}

export interface LoadedSession {
  meta: SessionMeta;
  history: ChatMessage[];
  /** The last user task: the latest turn.start text, else the task the session started with. */
  lastTask?: string;
  /** Whether the session closed cleanly (and was not resumed since). */
  ended: boolean;
  /** Event records read. */
  events: number;
  /** Lines that could not be read (a torn last line, garbage). */
  skipped: number;
}

/** Rebuilds a session from its log; unreadable lines are skipped, never fatal. */
export async function loadSession(root: string, id: string): Promise<LoadedSession> {
  if (!isSessionId(id)) throw new Error(`"${id}" is not a session id; list them with listSessions()`);
  let text: string;
  try {
    text = await fs.promises.readFile(path.join(sessionsDir(root), `${id}.jsonl`), 'utf8');
  } catch {
    throw new Error(`no session "${id}" in ${sessionsDir(root)}; list them with listSessions()`);
  }
  let meta: SessionMeta = { id, model: 'unknown', provider: 'unknown', started: '' };
  let history: ChatMessage[] = [];
  let lastTask: string | undefined;
  let ended = false;
  let events = 0;
  let skipped = 0;
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    const r = parseRecord(raw);
    if (!r) {
      skipped++;
      continue;
    }
    if (r.t === 'meta') {
      meta = r.meta;
      lastTask ??= r.meta.task;
    } else if (r.t === 'message') history.push(r.m);
    else if (r.t === 'history') history = r.messages.slice();
    else if (r.t === 'end') ended = true;
    else if (r.t === 'resume') ended = false;
    else {
      events++;
      if (r.e.type === 'turn.start' && typeof r.e.text === 'string') lastTask = r.e.text;
    }
  }
  return { meta, history, ...(lastTask !== undefined ? { lastTask } : {}), ended, events, skipped };
}
