// Our ChatMessage list as an Anthropic Messages request: system text lifted out, tool calls as
// tool_use blocks, tool results as tool_result blocks in the next user message, roles merged so
// user and assistant strictly alternate.
import type { ContentBlockParam, MessageParam, Tool } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ChatMessage } from '../types/messages';
import type { ToolSpec } from '../types/tool-spec';

export interface AnthropicPrompt {
  system?: string;
  messages: MessageParam[];
}

export function toAnthropicPrompt(messages: ChatMessage[]): AnthropicPrompt {
  const system = messages
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .join('\n\n');
  const out: { role: 'user' | 'assistant'; blocks: ContentBlockParam[] }[] = [];
  const push = (role: 'user' | 'assistant', blocks: ContentBlockParam[]) => {
    if (!blocks.length) return;
    const last = out[out.length - 1];
    if (last && last.role === role) last.blocks.push(...blocks);
    else out.push({ role, blocks });
  };
  for (const m of messages) {
    if (m.role === 'system') continue;
    if (m.role === 'tool') {
      push(
        'user',
        m.toolCallId ? [{ type: 'tool_result', tool_use_id: m.toolCallId, content: m.content || '(empty)' }] : [{ type: 'text', text: m.content || '(empty)' }],
      );
    } else if (m.role === 'assistant') {
      const blocks: ContentBlockParam[] = m.content ? [{ type: 'text', text: m.content }] : [];
      for (const c of m.toolCalls ?? []) blocks.push({ type: 'tool_use', id: c.id, name: c.name, input: c.arguments });
      push('assistant', blocks);
    } else {
      push('user', [{ type: 'text', text: m.content || '(empty)' }]);
    }
  }
  // The API wants the conversation to open with a user turn.
  if (out[0]?.role === 'assistant') out.unshift({ role: 'user', blocks: [{ type: 'text', text: '(continue)' }] });
  return {
    ...(system ? { system } : {}),
    messages: out.map((t): MessageParam => (t.role === 'user' ? { role: 'user', content: t.blocks } : { role: 'assistant', content: t.blocks })),
  };
}

export function toAnthropicTools(tools: ToolSpec[] | undefined): Tool[] | undefined {
  if (!tools?.length) return undefined;
  return tools.map((t) => ({ name: t.name, description: t.description, input_schema: { ...t.parameters, type: 'object' as const } }));
}
