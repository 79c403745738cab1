// Turns one model reply into tool calls: the forgiving parser first; when the reply clearly
// meant a call we could not read, one retry with the call schema enforced by the server.
import type { Provider, ProviderInfo } from '../providers/types';
import type { ChatMessage, ToolCallRef } from '../types/messages';
import type { ToolSpec } from '../types/tool-spec';
import type { EventBus } from './event-bus';
import { parseToolCalls, callSchema, type ParseResult } from '../toolcall/index';
import { callModel } from './model-call';

export interface ReadCalls {
  calls: ToolCallRef[];
  parse: ParseResult;
  /** The constrained retry produced the calls. */
  constrained: boolean;
}

// Call ids are minted here, unique for the session (and across resumes: the prefix is this
// process's start), never taken from the provider: Ollama names calls call_1, call_2 … afresh in
// every reply, so provider ids repeat within a session and everything keyed by id (the Patches
// pane, tree marks, tool cards) would mix calls up. The provider's own id is kept as `wireId`,
// because a native tool result must reference the id the server gave the call.
const PROCESS_TAG = Date.now().toString(36);
let callCounter = 0;
function withIds(calls: { name: string; arguments: Record<string, unknown>; id?: string }[]): ToolCallRef[] {
  return calls.map((c) => {
    const wireId = c.id?.trim();
    return { id: `call_${PROCESS_TAG}_${++callCounter}`, name: c.name, arguments: c.arguments, ...(wireId ? { wireId } : {}) };
  });
}

export async function readCalls(input: {
  text: string;
  native: ToolCallRef[];
  allSpecs: ToolSpec[];
  routedSpecs: ToolSpec[];
  info: ProviderInfo;
  provider: Provider;
  messages: ChatMessage[];
  maxTokens: number;
  bus: EventBus;
  signal: AbortSignal;
}): Promise<ReadCalls> {
  const parse = parseToolCalls(input.text, input.native, { tools: input.allSpecs });
  if (parse.calls.length > 0 || !parse.intendedButUnreadable || !input.info.structuredOutput) {
    return { calls: withIds(parse.calls), parse, constrained: false };
  }
  // Constrained retry: the same prompt, but the server may only emit one valid call.
  input.bus.emit({
    type: 'guard',
    kind: 'unreadable',
    message: 'The reply looked like a tool call but could not be read; retrying once with the call schema enforced.',
  });
  const retry = await callModel(
    input.provider,
    { messages: input.messages, format: callSchema(input.routedSpecs), maxTokens: input.maxTokens, temperature: 0 },
    input.bus,
    input.signal,
    { live: false },
  );
  if (retry.status !== 'ok') return { calls: [], parse, constrained: false };
  const second = parseToolCalls(retry.text, retry.nativeCalls, { tools: input.allSpecs });
  if (second.calls.length === 0) return { calls: [], parse, constrained: false };
  return { calls: withIds(second.calls), parse: second, constrained: true };
}
