// Test helpers for provider streams: drain a stream into an array and summarize it.
import type { StreamChunk, Usage } from '../../src/providers/types';
import type { ToolCallRef } from '../../src/types/messages';

export async function collect(stream: AsyncIterable<StreamChunk>): Promise<StreamChunk[]> {
  const out: StreamChunk[] = [];
  for await (const c of stream) out.push(c);
  return out;
}

export interface StreamSummary {
  text: string;
  reasoning: string;
  calls: ToolCallRef[];
  usage?: Usage;
  last: StreamChunk | undefined;
}

export function summarize(chunks: StreamChunk[]): StreamSummary {
  const s: StreamSummary = { text: '', reasoning: '', calls: [], last: chunks[chunks.length - 1] };
  for (const c of chunks) {
    if (c.type === 'text') s.text += c.text;
    else if (c.type === 'reasoning') s.reasoning += c.text;
    else if (c.type === 'tool_call') s.calls.push(c.call);
    else if (c.type === 'usage') s.usage = c.usage;
  }
  return s;
}

/** Retry policy for tests: same attempts, near-zero backoff. */
export const FAST_RETRY = { tries: 3, baseDelayMs: 1, maxDelayMs: 2 };

export const never = () => new AbortController().signal;
