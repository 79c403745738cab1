// Reading recorded llama-server responses: streamed deltas, tool calls, usage and timings.
import { sseEvents, type Exchange, type Json } from '../../scripts/real-server/recording-proxy';
import { dig } from './suite-setup';

export interface StreamFacts {
  content: string;
  /** Each tool call: id as the server sent it, name, and its argument fragments in order. */
  calls: { id: string; name: string; fragments: string[] }[];
  finishReason?: string;
  usage?: { prompt_tokens: number; completion_tokens: number };
  timings?: { cache_n: number; prompt_n: number; predicted_n: number; prompt_ms: number };
  /** The event that carried `timings` had empty `choices` (the usage chunk). */
  timingsOnUsageChunk: boolean;
  events: Json[];
}

export function streamFacts(e: Exchange): StreamFacts {
  const events = sseEvents(e.response);
  const out: StreamFacts = { content: '', calls: [], timingsOnUsageChunk: false, events };
  for (const ev of events) {
    const choice = dig(ev, 'choices', 0);
    const delta = dig(choice, 'delta');
    const text = dig(delta, 'content');
    if (typeof text === 'string') out.content += text;
    const calls = dig(delta, 'tool_calls');
    if (Array.isArray(calls)) {
      for (const c of calls) {
        const index = Number(dig(c, 'index') ?? 0);
        out.calls[index] ??= { id: '', name: '', fragments: [] };
        const id = dig(c, 'id');
        const name = dig(c, 'function', 'name');
        const args = dig(c, 'function', 'arguments');
        if (typeof id === 'string' && id) out.calls[index].id = id;
        if (typeof name === 'string' && name) out.calls[index].name = name;
        if (typeof args === 'string' && args !== '') out.calls[index].fragments.push(args);
      }
    }
    const finish = dig(choice, 'finish_reason');
    if (typeof finish === 'string') out.finishReason = finish;
    const usage = dig(ev, 'usage');
    if (usage && typeof usage === 'object') out.usage = usage as StreamFacts['usage'];
    const timings = dig(ev, 'timings');
    if (timings && typeof timings === 'object') {
      out.timings = timings as StreamFacts['timings'];
      out.timingsOnUsageChunk = Array.isArray(ev.choices) && ev.choices.length === 0;
    }
  }
  return out;
}
