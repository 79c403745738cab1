import { historyToEvents } from '../../src/session/replay';
import type { ChatMessage } from '../../src/types/messages';

describe('historyToEvents (tui --continue)', () => {
  it('replays user turns, prose and tool cards from a text-mode history, skipping messages the harness wrote', () => {
    const history: ChatMessage[] = [
      { role: 'user', content: 'fix the bug' },
      { role: 'user', content: 'Tools you can use now:\nread_file(path) — …', origin: 'harness' },
      { role: 'assistant', content: 'Looking.\n<tool_call>{"name":"read_file","arguments":{"path":"a.ts"}}</tool_call>' },
      {
        role: 'user',
        content: '<tool_result name="read_file">\n1 | x\n</tool_result>',
        toolName: 'read_file',
        stub: '<tool_result name="read_file">read_file a.ts → 1 lines</tool_result>',
      },
      { role: 'user', content: '[SmallCode] You repeated yourself.', origin: 'harness' },
      { role: 'assistant', content: 'Fixed.' },
    ];
    const ev = historyToEvents(history);
    expect(ev.map((e) => e.type)).toEqual(['turn.start', 'model.delta', 'model.done', 'tool.proposed', 'tool.result', 'model.delta', 'model.done', 'turn.end']);
    expect(ev[0]).toMatchObject({ text: 'fix the bug' });
    expect(ev[1]).toMatchObject({ text: 'Looking.' });
    const proposed = ev[3] as { call: { id: string; name: string } };
    expect(ev[4]).toMatchObject({ type: 'tool.result', id: proposed.call.id, name: 'read_file', ok: true, summary: 'a.ts → 1 lines' });
  });

  it('pairs native tool messages with their calls', () => {
    const ev = historyToEvents([
      { role: 'user', content: 'go' },
      { role: 'assistant', content: '', toolCalls: [{ id: 'c7', name: 'write_file', arguments: { path: 'x' } }] },
      { role: 'tool', content: 'Created x', toolCallId: 'c7', toolName: 'write_file', stub: 'write_file x → rejected' },
    ]);
    expect(ev.filter((e) => e.type === 'tool.result')).toEqual([
      { type: 'tool.result', id: 'c7', name: 'write_file', ok: false, summary: 'write_file x → rejected' },
    ]);
  });
});
