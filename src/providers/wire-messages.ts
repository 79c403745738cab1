// Our ChatMessage / ToolSpec mapped to the two local wire shapes: Ollama native (object
// arguments, tool_name on results) and OpenAI chat (string arguments, tool_call_id on results).
import type { Tool as OllamaTool } from 'ollama';
import type { ChatCompletionFunctionTool, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ChatMessage } from '../types/messages';
import type { ToolSpec } from '../types/tool-spec';

export interface OllamaWireMessage {
  role: string;
  content: string;
  tool_calls?: { function: { name: string; arguments: Record<string, unknown> } }[];
  tool_name?: string;
}

export function toOllamaMessages(messages: ChatMessage[]): OllamaWireMessage[] {
  return messages.map((m) => {
    const out: OllamaWireMessage = { role: m.role, content: m.content };
    if (m.role === 'assistant' && m.toolCalls?.length) out.tool_calls = m.toolCalls.map((c) => ({ function: { name: c.name, arguments: c.arguments } }));
    if (m.role === 'tool' && m.toolName) out.tool_name = m.toolName;
    return out;
  });
}

export function toOpenAiMessages(messages: ChatMessage[]): ChatCompletionMessageParam[] {
  return messages.map((m): ChatCompletionMessageParam => {
    if (m.role === 'tool') {
      // A result without an id (text-protocol history) cannot be a tool message: send it as user text.
      return m.toolCallId ? { role: 'tool', tool_call_id: m.toolCallId, content: m.content } : { role: 'user', content: m.content };
    }
    if (m.role === 'assistant' && m.toolCalls?.length) {
      return {
        role: 'assistant',
        content: m.content || null,
        tool_calls: m.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: JSON.stringify(c.arguments) } })),
      };
    }
    if (m.role === 'assistant') return { role: 'assistant', content: m.content };
    return m.role === 'system' ? { role: 'system', content: m.content } : { role: 'user', content: m.content };
  });
}

export function toWireTools(tools: ToolSpec[] | undefined): ChatCompletionFunctionTool[] | undefined {
  if (!tools?.length) return undefined;
  return tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.parameters } }));
}

/** Ollama's client types a schema more narrowly than JSON Schema; the wire shape is the same. */
export function toOllamaTools(tools: ToolSpec[] | undefined): OllamaTool[] | undefined {
  if (!tools?.length) return undefined;
  return tools.map((t) => ({
    type: 'function',
    function: { name: t.name, description: t.description, parameters: t.parameters as OllamaTool['function']['parameters'] },
  }));
}

/** Our rough prompt size (characters / 4), the same yardstick the truncation check compares with. */
export function roughPromptTokens(messages: ChatMessage[], tools: ToolSpec[] | undefined): number {
  const chars = messages.reduce((n, m) => n + m.content.length + JSON.stringify(m.toolCalls ?? '').length, 0) + JSON.stringify(tools ?? '').length;
  return Math.ceil(chars / 4);
}
