import { assistantMessage, toolResultMessage, stubFor, withoutThinking } from '../../src/agent/history-format';

const call = { id: 'c1', name: 'read_file', arguments: { path: 'src/a.ts' } };

describe('history format', () => {
  it('keeps native calls on the assistant message in native mode', () => {
    expect(assistantMessage('', [call], 'native', true)).toEqual({ role: 'assistant', content: '', toolCalls: [call] });
  });

  it('writes native calls as <tool_call> text in text mode, so the model sees the form it is asked for', () => {
    const m = assistantMessage('Reading it: { braces } in prose.', [call], 'text', true);
    expect(m.content).toBe('Reading it: { braces } in prose.\n<tool_call>{"name":"read_file","arguments":{"path":"src/a.ts"}}</tool_call>');
    expect(m.toolCalls).toBeUndefined();
    // A call the model wrote as text is kept verbatim (it already contains the call).
    expect(assistantMessage('<tool_call>{"name":"read_file"}</tool_call>', [call], 'text', false).content).toBe('<tool_call>{"name":"read_file"}</tool_call>');
  });

  it('wraps results as user messages in text mode and tool messages in native mode, each with a stub', () => {
    const stub = stubFor(call, '120 lines');
    expect(stub).toBe('read_file src/a.ts → 120 lines');
    expect(toolResultMessage(call, 'body', stub, 'native')).toEqual({ role: 'tool', content: 'body', toolCallId: 'c1', toolName: 'read_file', stub });
    const text = toolResultMessage(call, 'body', stub, 'text');
    expect(text.role).toBe('user');
    expect(text.content).toBe('<tool_result name="read_file">\nbody\n</tool_result>');
  });

  it('drops closed thinking blocks but keeps an unclosed one (it may be all the model said)', () => {
    expect(withoutThinking('<think>let me see\nhmm</think>\nThe answer is 4.')).toBe('The answer is 4.');
    expect(withoutThinking('<THINKING>x</THINKING>ok')).toBe('ok');
    expect(withoutThinking('<think>never closed')).toBe('<think>never closed');
  });
});
