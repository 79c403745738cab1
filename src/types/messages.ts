// The conversation as the agent stores it: messages and the tool calls inside them. A bottom-layer
// type every part shares; wire formats stay inside src/providers/.

export type Role = 'system' | 'user' | 'assistant' | 'tool';

/** A tool call as the agent stores it: arguments are always an object, ids always present. */
export interface ToolCallRef {
  /** Unique in the session, minted by the agent (events, approvals and the UI key on it). */
  id: string;
  name: string;
  arguments: Record<string, unknown>;
  /** The id the model server gave the call, when it gave one: what native tool results reference. */
  wireId?: string;
}

export interface ChatMessage {
  role: Role;
  content: string;
  /** Native tool calls made by the assistant in this message. */
  toolCalls?: ToolCallRef[];
  /** For role 'tool': which call this result answers. */
  toolCallId?: string;
  /** The tool whose result this is (role 'tool', or a user message carrying a result in
   * text-tool mode). Never sent on user messages; compaction and replay use it. */
  toolName?: string;
  /** 'harness': SmallCode wrote this message (notes, tool descriptions, summaries), not the user. */
  origin?: 'harness';
  /** One-line stand-in used when compaction shrinks an old message (e.g. "read_file src/a.ts → 120 lines"). */
  stub?: string;
}
