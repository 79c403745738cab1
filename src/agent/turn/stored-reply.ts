// How a reply with calls is stored: each call exactly once. A call the model wrote as text stays
// in its own words in text-tool mode (what the server generated, so its cache can reuse it); in
// native mode it moves into the message's tool calls and leaves the text, or the chat template
// would show it twice.
import type { ChatMessage } from '../../types/messages';
import type { ToolMode } from '../../types/tool-mode';
import type { ReadCalls } from '../call-reader';
import type { ModelCallResult } from '../model-call';
import { assistantMessage, withoutThinking } from '../history-format';

export function storedReply(reply: ModelCallResult, read: ReadCalls, mode: ToolMode): ChatMessage {
  const calls = read.calls;
  // A constrained retry's JSON is stored in the canonical form, like native calls.
  if (read.constrained) return assistantMessage('', calls, mode, true);
  const inText = read.parse.calls.some((c) => c.strategy !== 'native');
  const echoed = read.parse.diagnostics.some((d) => d.detail === 'duplicate of a native call');
  const native = reply.nativeCalls.length > 0;
  if (mode === 'native') return assistantMessage(inText || echoed ? read.parse.text : withoutThinking(reply.text), calls, mode, true);
  // Text mode: calls all written in the text are kept verbatim; native ones are written out once.
  if (!native) return assistantMessage(withoutThinking(reply.text), calls, mode, false);
  return assistantMessage(inText || echoed ? read.parse.text : withoutThinking(reply.text), calls, mode, true);
}
