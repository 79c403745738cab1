// A reply with calls is stored with each call exactly once, whatever mode and form it came in.
import type { ToolCallRef } from '../../src/types/messages';
import type { ModelCallResult } from '../../src/agent/model-call';
import type { ToolMode } from '../../src/types/tool-mode';
import { storedReply } from '../../src/agent/turn/stored-reply';
import { parseToolCalls } from '../../src/toolcall/index';
import { allTools, toolSpecs } from '../../src/tools/registry';

function store(text: string, native: ToolCallRef[], mode: ToolMode) {
  const reply: ModelCallResult = { status: 'ok', text, nativeCalls: native, finishReason: 'stop', elapsedMs: 1 };
  const parse = parseToolCalls(text, native, { tools: toolSpecs(allTools()) });
  const calls = parse.calls.map((c, i) => ({ id: c.id ?? `c${i}`, name: c.name, arguments: c.arguments }));
  return storedReply(reply, { calls, parse, constrained: false }, mode);
}
const rendered = (m: { content: string; toolCalls?: ToolCallRef[] }) =>
  m.content + (m.toolCalls ?? []).map((c) => `<tool_call>${JSON.stringify({ name: c.name, arguments: c.arguments })}</tool_call>`).join('');
const blocks = (s: string) => s.split('<tool_call>').length - 1;

const written = 'Reading it.\n<tool_call>{"name": "read_file", "arguments": {"path": "a.ts"}}</tool_call>';
const nativeCall = { id: 'n1', name: 'read_file', arguments: { path: 'a.ts' } };

describe('a reply is stored once', () => {
  it('text mode: a call written as text stays in the words the model generated', () => {
    const m = store(written, [], 'text');
    expect(m).toEqual({ role: 'assistant', content: written });
  });

  it('native mode: a call written as text moves into toolCalls and leaves the text (no second <tool_call> in the template)', () => {
    const m = store(written, [], 'native');
    expect(m.toolCalls?.map((c) => c.name)).toEqual(['read_file']);
    expect(m.content).toBe('Reading it.');
    expect(blocks(rendered(m))).toBe(1);
  });

  it('text mode: a native call the server also echoed in the content is written out once', () => {
    const m = store(written, [nativeCall], 'text');
    expect(blocks(m.content)).toBe(1);
    expect(m.content).toContain('Reading it.');
  });

  it('native mode: a native call keeps the reply text as it was', () => {
    const m = store('Reading it.', [nativeCall], 'native');
    expect(m).toEqual({ role: 'assistant', content: 'Reading it.', toolCalls: [nativeCall] });
  });
});
