// The pure reducer: agent events and UI actions in, the state every pane draws out.
import { reduce } from '../../src/tui/store';
import { initialState, type UiState } from '../../src/tui/state';
import type { AgentEvent } from '../../src/agent/events';
import { proposal } from './harness';
import type { UiAction } from '../../src/tui/ui-actions';

const start = () => initialState({ server: 'ollama http://x', model: 'm', contextWindow: 8192 });
const play = (events: (AgentEvent | UiAction)[], s: UiState = start()) => events.reduce(reduce, s);

const call = (id: string, name = 'write_file', args: Record<string, unknown> = { path: 'a.txt' }) => ({ id, name, arguments: args });

describe('reduce', () => {
  it('streams deltas into one assistant message and closes it on model.done', () => {
    const s = play([
      { type: 'turn.start', turn: 1, text: 'fix it' },
      { type: 'model.delta', text: 'Hel' },
      { type: 'model.delta', text: 'lo' },
      { type: 'model.done', usage: { promptTokens: 10, completionTokens: 2, tokensPerSecond: 42 }, finishReason: 'stop', text: 'Hello' },
    ]);
    expect(s.chat.map((c) => c.kind)).toEqual(['user', 'assistant']);
    expect(s.chat[1]).toMatchObject({ text: 'Hello', streaming: false });
    expect(s.tokensPerSecond).toBe(42);
    expect(s.busy).toBe(true);
  });

  it('turns an approval with a proposal into a pending patch, and follows it to applied', () => {
    let s = play([
      { type: 'turn.start', turn: 1, text: 't' },
      { type: 'tool.proposed', call: call('c1'), risk: 'write' },
      { type: 'patch.pending', id: 'c1', proposal: proposal() },
      { type: 'approval.needed', request: { id: 'c1', call: call('c1'), risk: 'write', proposal: proposal() } },
    ]);
    expect(s.patches).toHaveLength(1);
    expect(s.patches[0]).toMatchObject({ id: 'c1', status: 'pending' });
    expect(s.approvals.map((a) => a.id)).toEqual(['c1']);
    expect(s.phase).toBe('approval');
    expect(s.chat[1]).toMatchObject({ kind: 'tool', status: 'awaiting' });
    s = play(
      [
        { type: 'approval.resolved', id: 'c1', decision: 'once' },
        { type: 'patch.applied', id: 'c1', path: 'a.txt', journalId: 1 },
        { type: 'tool.result', id: 'c1', name: 'write_file', ok: true, summary: 'a.txt · +1 −1' },
      ],
      s,
    );
    expect(s.approvals).toEqual([]);
    expect(s.patches[0].status).toBe('applied');
    expect(s.chat[1]).toMatchObject({ status: 'ok', summary: 'a.txt · +1 −1' });
  });

  it('marks a pending patch whose file changed on disk, and a re-diffed proposal clears the mark', () => {
    let s = play([
      { type: 'patch.pending', id: 'p', proposal: proposal() },
      { type: 'ui.file.changed', rel: 'a.txt' },
    ]);
    expect(s.patches[0].changedOnDisk).toBe(true);
    s = play([{ type: 'patch.stale', id: 'p', path: 'a.txt' }], s);
    expect(s.patches[0].status).toBe('stale');
    s = play([{ type: 'patch.pending', id: 'p', proposal: proposal('a.txt', '@@ new @@\n') }], s);
    expect(s.patches).toHaveLength(1);
    expect(s.patches[0]).toMatchObject({ status: 'pending', changedOnDisk: false, revalidated: true });
    expect(s.patches[0].proposal.diff).toBe('@@ new @@\n');
  });

  it('records a rejection with its reason and an undo of the applied change', () => {
    const s = play([
      { type: 'patch.pending', id: 'p1', proposal: proposal() },
      { type: 'patch.rejected', id: 'p1', path: 'a.txt', reason: 'use tabs' },
      { type: 'patch.pending', id: 'p2', proposal: proposal() },
      { type: 'patch.applied', id: 'p2', path: 'a.txt', journalId: 1 },
      { type: 'patch.undone', paths: ['a.txt'] },
    ]);
    expect(s.patches.map((p) => [p.id, p.status, p.reason])).toEqual([
      ['p1', 'rejected', 'use tabs'],
      ['p2', 'undone', undefined],
    ]);
    expect(s.chat[s.chat.length - 1]).toMatchObject({ kind: 'notice', text: 'undone: a.txt' });
  });

  it('keeps guard and escalation notices distinct from plain notices', () => {
    const s = play([
      { type: 'guard', kind: 'repetition', message: 'cut a loop' },
      { type: 'escalate', provider: 'anthropic', model: 'big', reason: 'stuck', phase: 'start' },
      { type: 'notice', level: 'info', message: 'hi' },
      { type: 'error', message: 'boom' },
    ]);
    expect(s.chat.map((c) => (c.kind === 'notice' ? c.level : c.kind))).toEqual(['guard', 'escalate', 'info', 'error']);
  });

  it('ends a turn: idle, approvals and the reason prompt dropped, a non-done reason shown', () => {
    const s = play([
      { type: 'turn.start', turn: 1, text: 't' },
      { type: 'approval.needed', request: { id: 'c', call: call('c', 'run_command', { command: 'ls' }), risk: 'exec', command: { command: 'ls', cwd: '/w' } } },
      { type: 'ui.reason', open: true },
      { type: 'turn.end', reason: 'cancelled', text: '', steps: 1 },
    ]);
    expect(s).toMatchObject({ busy: false, phase: 'idle', approvals: [], reason: null });
    expect(s.chat[s.chat.length - 1]).toMatchObject({ kind: 'notice', text: 'turn cancelled' });
  });

  it('opens the reason prompt only while something awaits approval', () => {
    expect(play([{ type: 'ui.reason', open: true }]).reason).toBeNull();
    const s = play([
      { type: 'approval.needed', request: { id: 'c', call: call('c'), risk: 'write', proposal: proposal() } },
      { type: 'ui.reason', open: true },
      { type: 'ui.input', edit: { op: 'insert', text: 'no' } },
    ]);
    expect(s.reason?.text).toBe('no');
    expect(s.input.text).toBe('');
  });

  it('scrolls the chat up from the bottom and returns to following at the bottom', () => {
    let s = play([{ type: 'ui.scroll', pane: 'chat', delta: -5, max: 20 }]);
    expect(s.scroll.chat).toBe(15);
    s = play([{ type: 'ui.scroll', pane: 'chat', delta: 10, max: 20 }], s);
    expect(s.scroll.chat).toBeNull();
  });

  it('cycles focus and remembers the last pane as the tab', () => {
    const s = play([
      { type: 'ui.focusCycle', dir: 1 },
      { type: 'ui.focusCycle', dir: 1 },
    ]);
    expect(s.focus).toBe('patches');
    expect(s.tab).toBe('patches');
    expect(play([{ type: 'ui.focusCycle', dir: -1 }]).focus).toBe('plan');
  });

  it('adds streamed text to the gauge until the next budget report', () => {
    let s = play([{ type: 'model.delta', text: 'x'.repeat(400) }]);
    expect(s.streamChars).toBe(400);
    s = play(
      [
        {
          type: 'budget',
          report: { window: 4096, reserve: 512, system: 100, tools: 200, plan: 0, pinned: 0, history: 50, prompt: 350, free: 3234, source: 'estimate' },
        },
      ],
      s,
    );
    expect(s.streamChars).toBe(0);
    expect(s.header.contextWindow).toBe(4096);
  });
});
