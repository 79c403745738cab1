import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSessionLog, listSessions, latestSession, loadSession, newSessionId, sessionsDir } from '../../src/session/session-log';
import type { ChatMessage } from '../../src/types/messages';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'session-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const user: ChatMessage = { role: 'user', content: 'fix the bug' };
const call: ChatMessage = { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'read_file', arguments: { path: 'a.ts' } }] };
const result: ChatMessage = { role: 'tool', content: '1 | const a = 1;', toolCallId: 'c1', toolName: 'read_file', stub: 'read_file a.ts → 1 line' };

describe('session ids', () => {
  it('sort by time and carry a random suffix', () => {
    const a = newSessionId(new Date(Date.UTC(2026, 10, 25, 15, 30, 12)));
    expect(a).toMatch(/^20261125-153012-[0-9a-f]{4}$/);
    const b = newSessionId(new Date(Date.UTC(2026, 10, 25, 15, 30, 13)));
    expect([b, a].sort()).toEqual([a, b]);
  });
});

describe('session log', () => {
  it('writes one JSON line per record and rebuilds the history', async () => {
    const log = await createSessionLog(root, { model: 'qwen3:8b', provider: 'ollama', task: 'start task' });
    expect(log.path).toBe(path.join(sessionsDir(root), `${log.id}.jsonl`));
    log.event({ type: 'turn.start', turn: 1, text: 'fix the bug' });
    log.event({ type: 'model.delta', text: 'tok' });
    log.event({ type: 'model.reasoning', text: 'hmm' });
    log.message(user);
    log.message(call);
    log.message(result);
    log.event({ type: 'model.done', usage: { promptTokens: 10, completionTokens: 5 }, finishReason: 'stop', text: 'done' });
    await log.close();
    await log.close(); // idempotent
    log.message(user); // ignored after close
    await log.flush();

    const lines = fs.readFileSync(log.path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(7); // meta, 2 events, 3 messages, end — no deltas
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();

    const s = await loadSession(root, log.id);
    expect(s.meta).toMatchObject({ id: log.id, model: 'qwen3:8b', provider: 'ollama', task: 'start task' });
    expect(s.history).toEqual([user, call, result]);
    expect(s.lastTask).toBe('fix the bug');
    expect(s.ended).toBe(true);
    expect(s.events).toBe(2);
    expect(s.skipped).toBe(0);
    expect(log.lastError()).toBeUndefined();
  });

  it('replaces the history on a history record (compaction) and keeps appending after it', async () => {
    const log = await createSessionLog(root, { model: 'm', provider: 'p' });
    log.message(user);
    log.message(call);
    log.message(result);
    const summary: ChatMessage = { role: 'user', content: '[Summary of earlier conversation]\nGoal: fix the bug' };
    log.history([summary]);
    log.message({ role: 'assistant', content: 'continuing' });
    await log.flush();
    const s = await loadSession(root, log.id);
    expect(s.history).toEqual([summary, { role: 'assistant', content: 'continuing' }]);
    expect(s.ended).toBe(false);
    expect(s.lastTask).toBeUndefined();
  });

  it('keeps call order for many unawaited writes', async () => {
    const log = await createSessionLog(root, { model: 'm', provider: 'p' });
    for (let i = 0; i < 200; i++) log.message({ role: 'user', content: `m${i}` });
    await log.close();
    const s = await loadSession(root, log.id);
    expect(s.history.map((m) => m.content)).toEqual(Array.from({ length: 200 }, (_, i) => `m${i}`));
  });

  it('survives a torn last line and garbage lines', async () => {
    const log = await createSessionLog(root, { model: 'm', provider: 'p' });
    log.message(user);
    log.message(call);
    await log.flush();
    fs.appendFileSync(log.path, 'not json at all\n{"t":"message","m":{"role":"wizard","content":"x"}}\n{"t":"unknown"}\n[1,2]\n');
    fs.appendFileSync(log.path, '{"t":"message","m":{"role":"tool","content":"half a rec'); // killed mid-write
    const s = await loadSession(root, log.id);
    expect(s.history).toEqual([user, call]);
    expect(s.skipped).toBe(5);
  });

  it('continues a resumed session in the same file, healing a torn last line', async () => {
    const first = await createSessionLog(root, { model: 'm', provider: 'p', task: 'first task' });
    first.message(user);
    first.message(call);
    await first.close();
    fs.appendFileSync(first.path, '{"t":"message","m":{"role":"tool","con'); // killed mid-write
    const loaded = await loadSession(root, first.id);
    expect(loaded.ended).toBe(true);
    const again = await createSessionLog(root, { model: 'm2', provider: 'p' }, first.id);
    expect(again.id).toBe(first.id);
    expect(again.path).toBe(first.path);
    again.message(result);
    await again.flush();
    const s = await loadSession(root, first.id);
    expect(s.history).toEqual([user, call, result]);
    expect(s.ended).toBe(false);
    expect(s.skipped).toBe(1);
    expect(s.lastTask).toBe('first task');
    expect(await listSessions(root)).toHaveLength(1);
    // an unknown id starts a fresh session instead
    const fresh = await createSessionLog(root, { model: 'm', provider: 'p' }, '20200101-000000-dead');
    expect(fresh.id).not.toBe('20200101-000000-dead');
  });

  it('records a write error instead of throwing into the agent', async () => {
    const log = await createSessionLog(root, { model: 'm', provider: 'p' });
    fs.rmSync(sessionsDir(root), { recursive: true, force: true });
    fs.writeFileSync(path.join(root, '.smallcode', 'sessions'), 'a file where the folder was');
    log.message(user);
    await log.flush();
    expect(log.lastError()).toMatch(/^session log: could not write /);
  });
});

describe('listing and loading', () => {
  it('lists sessions oldest first with their meta and finds the latest', async () => {
    expect(await listSessions(root)).toEqual([]);
    expect(await latestSession(root)).toBeUndefined();
    const dir = sessionsDir(root);
    fs.mkdirSync(dir, { recursive: true });
    for (const id of ['20261125-100000-aaaa', '20261124-090000-bbbb', '20261125-120000-cccc']) {
      fs.writeFileSync(path.join(dir, `${id}.jsonl`), `{"t":"meta","v":1,"meta":{"id":"${id}","model":"m","provider":"p","started":""}}\n`);
    }
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
    const all = await listSessions(root);
    expect(all.map((s) => s.id)).toEqual(['20261124-090000-bbbb', '20261125-100000-aaaa', '20261125-120000-cccc']);
    expect(all[0].meta?.model).toBe('m');
    expect(await latestSession(root)).toBe('20261125-120000-cccc');
  });

  it('refuses bad ids and missing sessions with one clear line', async () => {
    await expect(loadSession(root, '../../etc/passwd')).rejects.toThrow('is not a session id');
    await expect(loadSession(root, '20260101-000000-0000')).rejects.toThrow(/^no session "20260101-000000-0000" in /);
  });
});
