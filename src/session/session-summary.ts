// What the session picker shows of each past session in a workspace: when it started, its first
// message, how many steps and tokens it took. Read from the JSONL logs; unreadable lines skipped.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseRecord } from './session-records';
import { sessionsDir } from './session-log';

export interface SessionInfo {
  id: string;
  /** ISO time it started ('' when the log does not say). */
  started: string;
  model: string;
  firstMessage: string;
  turns: number;
  steps: number;
  tokensIn: number;
  tokensOut: number;
}

/** Summarises one session log's text. */
export function summarizeLog(id: string, text: string): SessionInfo {
  const info: SessionInfo = { id, started: '', model: '', firstMessage: '', turns: 0, steps: 0, tokensIn: 0, tokensOut: 0 };
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    const r = parseRecord(raw);
    if (!r) continue;
    if (r.t === 'meta') {
      info.started = r.meta.started;
      info.model = r.meta.model;
      if (!info.firstMessage && r.meta.task) info.firstMessage = r.meta.task;
    } else if (r.t === 'event') {
      const e = r.e;
      if (e.type === 'turn.start') {
        info.turns++;
        if (!info.firstMessage && typeof e.text === 'string') info.firstMessage = e.text;
      } else if (e.type === 'step.start') info.steps++;
      else if (e.type === 'model.done' && e.usage) {
        info.tokensIn += Number(e.usage.promptTokens) || 0;
        info.tokensOut += Number(e.usage.completionTokens) || 0;
      }
    }
  }
  return info;
}

/** The newest `limit` sessions of the workspace, newest first. */
export async function recentSessions(root: string, limit = 50): Promise<SessionInfo[]> {
  const dir = sessionsDir(root);
  const names = (await fs.promises.readdir(dir).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.jsonl'))
    .sort()
    .reverse()
    .slice(0, limit);
  const out: SessionInfo[] = [];
  for (const n of names) {
    const text = await fs.promises.readFile(path.join(dir, n), 'utf8').catch(() => '');
    out.push(summarizeLog(n.slice(0, -6), text));
  }
  // Ids sort by the second a session started; two in one second are told apart by `started`.
  return out.sort((a, b) => (a.started !== b.started ? (a.started < b.started ? 1 : -1) : a.id < b.id ? 1 : -1));
}
