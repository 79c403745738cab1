// Turns a resumed session's history back into the events the workbench draws, so
// `tui --continue` opens with the earlier conversation on screen (as compact cards).
import type { AgentEvent } from '../agent/events';
import type { ChatMessage } from '../types/messages';

const TOOL_CALL = /<tool_call>\s*([\s\S]*?)\s*<\/tool_call>/g;

function callName(json: string): string {
  try {
    const parsed = JSON.parse(json) as { name?: unknown };
    return typeof parsed.name === 'string' ? parsed.name : 'tool';
  } catch {
    return 'tool';
  }
}

export function historyToEvents(history: ChatMessage[]): AgentEvent[] {
  const events: AgentEvent[] = [];
  const pending: { id: string; name: string }[] = [];
  let turn = 0;
  let n = 0;
  const usage = { promptTokens: 0, completionTokens: 0 };
  const result = (name: string, summary: string) => {
    const i = pending.findIndex((p) => p.name === name);
    const call = i >= 0 ? pending.splice(i, 1)[0] : { id: `replay-${++n}`, name };
    if (i < 0) events.push({ type: 'tool.proposed', call: { id: call.id, name, arguments: {} }, risk: 'read' });
    events.push({ type: 'tool.result', id: call.id, name, ok: !/failed|refused|rejected|not written|no match/i.test(summary), summary });
  };
  for (const m of history) {
    if (m.toolName !== undefined && (m.role === 'tool' || m.role === 'user')) {
      // A tool result (native, or a user message in text-tool mode): its stub is the card text.
      const stub = (m.stub ?? 'done').replace(/<\/?tool_result[^>]*>/g, '');
      result(m.toolName, m.role === 'user' ? stub.replace(new RegExp(`^${m.toolName}\\s*`), '') : stub);
    } else if (m.role === 'user' && m.origin !== 'harness') {
      if (turn > 0) events.push({ type: 'turn.end', reason: 'done', text: '', steps: 0 });
      events.push({ type: 'turn.start', turn: ++turn, text: m.content });
    } else if (m.role === 'assistant') {
      const prose = m.content.replace(TOOL_CALL, '').trim();
      if (prose) events.push({ type: 'model.delta', text: prose }, { type: 'model.done', usage, finishReason: 'stop', text: prose });
      const calls = [...m.content.matchAll(TOOL_CALL)].map((c) => ({ id: `replay-${++n}`, name: callName(c[1]) }));
      for (const c of m.toolCalls ?? []) calls.push({ id: c.id, name: c.name });
      for (const c of calls) {
        events.push({ type: 'tool.proposed', call: { id: c.id, name: c.name, arguments: {} }, risk: 'read' });
        pending.push(c);
      }
    }
  }
  if (turn > 0) events.push({ type: 'turn.end', reason: 'done', text: '', steps: 0 });
  return events;
}
