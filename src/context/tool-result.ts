// Which history messages are tool results: role 'tool' (native tools) or a user message that
// carries one in text-tool mode (marked with the tool's name). Compaction must treat both alike.
import type { ChatMessage } from '../types/messages';

export function isToolResult(m: ChatMessage): boolean {
  return m.role === 'tool' || m.toolName !== undefined;
}
