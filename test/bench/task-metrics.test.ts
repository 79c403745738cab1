// The per-task numbers read from the agent's event stream: tokens and cache reuse, speed,
// repaired and unreadable calls, edits applied and refused, guard interventions.
import { createMetricsCollector } from '../../src/bench/task-metrics';
import type { AgentEvent } from '../../src/agent/events';

const call = (id: string, name: string) => ({ id, name, arguments: { path: 'a.js' } });

describe('createMetricsCollector', () => {
  it('adds up one turn', () => {
    const events: AgentEvent[] = [
      { type: 'step.start', step: 1, tools: ['read_file'] },
      {
        type: 'model.done',
        usage: { promptTokens: 1000, completionTokens: 50, tokensPerSecond: 25, cachedPromptTokens: 0 },
        finishReason: 'tool_calls',
        text: '',
      },
      { type: 'tool.proposed', call: call('c1', 'read_file'), risk: 'read', repairs: ['json repaired'] },
      { type: 'tool.result', id: 'c1', name: 'read_file', ok: true, summary: 'a.js' },
      { type: 'step.start', step: 2, tools: ['edit_file'] },
      {
        type: 'model.done',
        usage: { promptTokens: 1200, completionTokens: 100, tokensPerSecond: 50, cachedPromptTokens: 1000 },
        finishReason: 'tool_calls',
        text: '',
      },
      { type: 'tool.proposed', call: call('c2', 'edit_file'), risk: 'write' },
      { type: 'tool.result', id: 'c2', name: 'edit_file', ok: false, summary: 'no match', details: { kind: 'error', code: 'no_match' } },
      { type: 'guard', kind: 'stuck_patch', message: 'look again' },
      { type: 'tool.proposed', call: call('c3', 'edit_file'), risk: 'write' },
      { type: 'patch.applied', id: 'c3', path: 'a.js', journalId: 1 },
      { type: 'tool.result', id: 'c3', name: 'edit_file', ok: true, summary: 'a.js' },
      { type: 'tool.proposed', call: call('c4', 'edit_file'), risk: 'write' },
      { type: 'tool.result', id: 'c4', name: 'edit_file', ok: true, summary: 'already applied', details: { kind: 'error', code: 'already_applied' } },
      { type: 'turn.end', reason: 'done', text: 'ok', steps: 2 },
    ];
    const m = createMetricsCollector();
    for (const e of events) m.onEvent(e);
    expect(m.result()).toEqual({
      steps: 2,
      promptTokens: 2200,
      completionTokens: 150,
      cachedPromptTokens: 1000,
      tokensPerSecond: 150 / (50 / 25 + 100 / 50),
      toolCalls: 4,
      repairedCalls: 1,
      unreadableReplies: 0,
      editsApplied: 1,
      editsRefused: 1,
      guardInterventions: 1,
    });
  });

  it('counts a reply as unreadable only when no call came of it (a successful constrained retry is a repair)', () => {
    const m = createMetricsCollector();
    const seq: AgentEvent[] = [
      { type: 'step.start', step: 1, tools: [] },
      { type: 'guard', kind: 'unreadable', message: 'retrying with the schema' },
      { type: 'tool.proposed', call: call('c1', 'read_file'), risk: 'read', repairs: ['constrained retry'] },
      { type: 'step.start', step: 2, tools: [] },
      { type: 'guard', kind: 'unreadable', message: 'retrying with the schema' },
      { type: 'guard', kind: 'unreadable', message: 'could not be read' },
      { type: 'step.start', step: 3, tools: [] },
      { type: 'guard', kind: 'unreadable', message: 'could not be read' },
      { type: 'turn.end', reason: 'unreadable', text: 'x', steps: 3 },
    ];
    for (const e of seq) m.onEvent(e);
    expect(m.result()).toMatchObject({ unreadableReplies: 2, repairedCalls: 1, guardInterventions: 0, tokensPerSecond: null });
  });
});
