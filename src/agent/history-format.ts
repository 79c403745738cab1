// How calls and results are written into the history, in native-tool or text-tool form. Text
// mode keeps results as user messages so chat templates without a tool role still show them.
import type { ChatMessage, ToolCallRef } from '../types/messages';
import type { ToolMode } from '../types/tool-mode';

/** The call as the server knows it: its own id where it gave one (results must reference it). */
const onWire = (c: ToolCallRef): ToolCallRef => ({ id: c.wireId ?? c.id, name: c.name, arguments: c.arguments });

/** `calledNatively`: the calls came in the server's tool-call field, not in the text. */
export function assistantMessage(text: string, calls: ToolCallRef[], mode: ToolMode, calledNatively: boolean): ChatMessage {
  if (mode === 'native' && calls.length > 0) return { role: 'assistant', content: text, toolCalls: calls.map(onWire) };
  if (calls.length > 0 && calledNatively) {
    // The call came natively but we talk in text mode: write it in the form we ask the model for,
    // so later steps see their own earlier calls.
    const blocks = calls.map((c) => `<tool_call>${JSON.stringify({ name: c.name, arguments: c.arguments })}</tool_call>`).join('\n');
    return { role: 'assistant', content: text.trim() ? `${text.trim()}\n${blocks}` : blocks };
  }
  return { role: 'assistant', content: text };
}

export function toolResultMessage(call: ToolCallRef, content: string, stub: string, mode: ToolMode): ChatMessage {
  if (mode === 'native') return { role: 'tool', content, toolCallId: call.wireId ?? call.id, toolName: call.name, stub };
  return {
    role: 'user',
    content: `<tool_result name="${call.name}">\n${content}\n</tool_result>`,
    toolName: call.name,
    stub: `<tool_result name="${call.name}">${stub}</tool_result>`,
  };
}

/** The one-line stand-in compaction uses for an old result, e.g. "read_file src/a.ts → 120 lines". */
export function stubFor(call: ToolCallRef, summary: string): string {
  const target = call.arguments.path ?? call.arguments.command ?? call.arguments.pattern ?? '';
  return `${call.name} ${String(target)} → ${summary}`.replace(/\s+/g, ' ').trim();
}

export function noteMessage(text: string): ChatMessage {
  return { role: 'user', content: `[SmallCode] ${text}`, origin: 'harness' };
}

/** Closed <think>/<thinking> blocks are the model's scratch work: kept out of the history so
 * they neither fill the window nor get re-read on every later step. */
export function withoutThinking(text: string): string {
  return text.replace(/<(think|thinking|reasoning)>[\s\S]*?<\/\1>\s*/gi, '').trim();
}
