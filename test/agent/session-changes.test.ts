// The agent's surface for the changes view: only this session's applied changes are listed (with
// diffs), undo/redo of one of them emits change.undone / change.redone and tells the model; a
// refusal becomes a notice and changes nothing.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AgentEvent } from '../../src/agent/events';
import { createEventBus } from '../../src/agent/event-bus';
import { createHistoryStore } from '../../src/agent/history-store';
import { createSessionChanges } from '../../src/agent/session-changes';
import { applyProposal, proposeEdit } from '../../src/patch';

let root: string;
beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-agent-changes-')));
  fs.writeFileSync(path.join(root, 'a.txt'), 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

test('lists this session’s changes and undoes / redoes a middle one, telling the model', async () => {
  const bus = createEventBus();
  const events: AgentEvent[] = [];
  bus.subscribe((e) => events.push(e));
  const history = createHistoryStore();
  const changes = createSessionChanges(root, bus, history);
  // A change from before this session (another run): journaled, but not this session's.
  const apply = async (search: string, replace: string, announce: boolean) => {
    const p = await proposeEdit(root, 'a.txt', { kind: 'search_replace', search, replace });
    if (!p.ok) throw new Error(p.refusal.reason);
    const a = await applyProposal(root, p.proposal);
    if (!a.ok) throw new Error(a.refusal.reason);
    if (announce) bus.emit({ type: 'patch.applied', id: `c${a.entry.id}`, path: 'a.txt', journalId: a.entry.id });
    return a.entry.id;
  };
  await apply('one\n', 'ONE\n', false);
  const second = await apply('two\n', 'TWO\n', true);
  const third = await apply('ten\n', 'TEN\n', true);
  const listed = await changes.changes();
  expect(listed.map((c) => c.id)).toEqual([second, third]);
  expect(listed[0].diff).toContain('-two\n+TWO');

  expect(await changes.undoChange(second)).toEqual({ ok: true, path: 'a.txt' });
  expect(fs.readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe('ONE\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nTEN\n');
  expect(events.at(-1)).toEqual({ type: 'change.undone', journalId: second, path: 'a.txt' });
  expect(history.get().at(-1)?.content).toMatch(/The user undid one of your earlier changes to a\.txt/);
  expect((await changes.changes()).map((c) => c.state)).toEqual(['undone', 'applied']);

  const again = await changes.undoChange(second);
  expect(again.ok).toBe(false);
  expect(events.at(-1)).toMatchObject({ type: 'notice', level: 'warn', message: expect.stringMatching(/already undone/) });

  expect(await changes.redoChange(second)).toEqual({ ok: true, path: 'a.txt' });
  expect(events.at(-1)).toEqual({ type: 'change.redone', journalId: second, path: 'a.txt' });
  expect(fs.readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe('ONE\nTWO\nthree\nfour\nfive\nsix\nseven\neight\nnine\nTEN\n');
});
