// Our tolerant reader of OpenAI-style chat.completion.chunk objects, whatever server sent them:
// tool-call fragments merged by index, missing role/type/finish tolerated, usage from any chunk,
// reasoning_content / reasoning surfaced, ids synthesized, arguments parsed once at the end.
import type { FinishReason, StreamChunk, Usage } from './types';
import type { ToolCallRef } from '../types/messages';

interface PendingCall {
  id?: string;
  name: string;
  args: string;
}

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Parses accumulated argument text; double-encoded JSON is unwrapped; anything else is kept raw. */
export function parseToolArguments(text: string): Record<string, unknown> {
  const t = text.trim();
  if (t === '') return {};
  try {
    let v: unknown = JSON.parse(t);
    if (typeof v === 'string') v = JSON.parse(v);
    if (isDict(v)) return v;
  } catch {
    /* raw below */
  }
  return { __raw: text };
}

function mapFinish(reason: string | undefined): FinishReason | undefined {
  if (!reason) return undefined;
  if (reason === 'length') return 'length';
  if (reason === 'tool_calls' || reason === 'function_call') return 'tool_calls';
  return 'stop';
}

export class StreamAccumulator {
  private readonly calls = new Map<number, PendingCall>();
  private lastIndex = -1;
  private usage?: Usage;
  private finish?: FinishReason;
  private synthesized = 0;

  constructor(private readonly idPrefix = 'call') {}

  /** Feeds one parsed chunk; returns the chunks to emit now (text and reasoning). */
  push(raw: unknown): StreamChunk[] {
    if (!isDict(raw)) return [];
    const out: StreamChunk[] = [];
    this.takeUsage(raw);
    const choices = Array.isArray(raw.choices) ? raw.choices : [];
    for (const choice of choices) {
      if (!isDict(choice)) continue;
      const delta = isDict(choice.delta) ? choice.delta : isDict(choice.message) ? choice.message : {};
      const reasoning = str(delta.reasoning_content) ?? str(delta.reasoning);
      if (reasoning) out.push({ type: 'reasoning', text: reasoning });
      const content = str(delta.content);
      if (content) out.push({ type: 'text', text: content });
      if (Array.isArray(delta.tool_calls))
        delta.tool_calls.forEach((tc, pos) => {
          this.takeToolCall(tc, pos);
        });
      this.finish = mapFinish(str(choice.finish_reason)) ?? this.finish;
    }
    return out;
  }

  /** Call once the stream ended: tool calls, usage, and the done chunk. */
  finishChunks(): StreamChunk[] {
    const out: StreamChunk[] = [];
    const ordered = [...this.calls.entries()].sort((a, b) => a[0] - b[0]);
    for (const [, c] of ordered) {
      if (!c.name && !c.args) continue;
      const call: ToolCallRef = { id: c.id ?? `${this.idPrefix}_${++this.synthesized}`, name: c.name, arguments: parseToolArguments(c.args) };
      out.push({ type: 'tool_call', call });
    }
    if (this.usage) out.push({ type: 'usage', usage: this.usage });
    const sawCalls = out.some((c) => c.type === 'tool_call');
    const finish = sawCalls && (this.finish === undefined || this.finish === 'stop') ? 'tool_calls' : (this.finish ?? 'stop');
    out.push({ type: 'done', finishReason: finish });
    return out;
  }

  private takeToolCall(tc: unknown, pos: number): void {
    if (!isDict(tc)) return;
    const fn = isDict(tc.function) ? tc.function : {};
    const id = str(tc.id) || undefined;
    let index = num(tc.index);
    if (index === undefined) {
      // No index: a new id (or a first call) starts a call, otherwise continue the last one.
      const known = id ? [...this.calls.entries()].find(([, c]) => c.id === id) : undefined;
      index = known ? known[0] : id || this.lastIndex < 0 ? Math.max(this.lastIndex + 1, pos) : this.lastIndex;
    }
    this.lastIndex = index;
    const call = this.calls.get(index) ?? { name: '', args: '' };
    if (id && !call.id) call.id = id;
    const name = str(fn.name);
    if (name && name !== call.name) call.name = call.name ? call.name + name : name;
    const args = fn.arguments;
    if (typeof args === 'string') call.args += args;
    else if (isDict(args)) call.args += JSON.stringify(args);
    this.calls.set(index, call);
  }

  private takeUsage(raw: Dict): void {
    const u = raw.usage;
    const timings = isDict(raw.timings) ? raw.timings : undefined;
    if (isDict(u)) {
      const promptTokens = num(u.prompt_tokens) ?? num(u.input_tokens) ?? 0;
      const completionTokens = num(u.completion_tokens) ?? num(u.output_tokens) ?? 0;
      const details = isDict(u.prompt_tokens_details) ? u.prompt_tokens_details : undefined;
      const cached = details ? num(details.cached_tokens) : undefined;
      this.usage = { ...this.usage, promptTokens, completionTokens, ...(cached ? { cachedPromptTokens: cached } : {}) };
    }
    const tps = timings ? num(timings.predicted_per_second) : undefined;
    if (tps !== undefined) {
      const cacheN = num(timings?.cache_n);
      this.usage = {
        promptTokens: this.usage?.promptTokens ?? (num(timings?.prompt_n) ?? 0) + (cacheN ?? 0),
        completionTokens: this.usage?.completionTokens ?? num(timings?.predicted_n) ?? 0,
        tokensPerSecond: tps,
        ...(cacheN ? { cachedPromptTokens: cacheN } : this.usage?.cachedPromptTokens ? { cachedPromptTokens: this.usage.cachedPromptTokens } : {}),
      };
    }
  }
}
