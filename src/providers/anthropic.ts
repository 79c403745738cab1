// Anthropic's native Messages API (its OpenAI-compatible layer is not for production) through our
// small streaming client: streams text, thinking, tool_use input_json_delta fragments and usage.
import type { MessageCreateParamsStreaming } from '@anthropic-ai/sdk/resources/messages/messages';
import { createAnthropicClient } from './anthropic-client';
import { toAnthropicPrompt, toAnthropicTools } from './anthropic-messages';
import { splitBaseUrl } from './base-url';
import { cachedInfo } from './cached-info';
import { discover } from './discovery';
import type { ErrorContext } from './errors';
import { DEFAULT_RETRY, type RetryPolicy } from './retry';
import { parseToolArguments } from './stream-accumulator';
import { guardedStream } from './stream-guard';
import { streamTimeouts, type TimeoutSettings } from './stream-timeouts';
import { modelFetch } from './model-fetch';
import { samplingWire } from './profiles/profile-wire';
import type { OverrideRule } from './profiles/profile-types';
import type { ChatRequest, FinishReason, Provider, StreamChunk, Usage } from './types';

export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

export interface AnthropicProviderOptions extends TimeoutSettings {
  apiKey?: string;
  model: string;
  baseUrl?: string;
  contextOverride?: number;
  profileRules?: readonly OverrideRule[];
  requestTimeoutMs?: number;
  retry?: RetryPolicy;
}

const STOP: Record<string, FinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  refusal: 'stop',
  pause_turn: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
};

export function createAnthropicProvider(o: AnthropicProviderOptions): Provider {
  const root = splitBaseUrl(o.baseUrl ?? ANTHROPIC_BASE_URL).root;
  const info = cachedInfo(() =>
    discover({ provider: 'anthropic', baseUrl: root, model: o.model, contextOverride: o.contextOverride, profileRules: o.profileRules }),
  );
  const context = (): ErrorContext => ({ url: root, kind: 'anthropic', model: o.model });

  // One client per provider: created on first use (undici loads lazily), reused for keep-alive.
  // No timeout of its own: our first-byte and idle timeouts apply.
  const makeClient = () => modelFetch().then((fetch) => createAnthropicClient({ baseUrl: root, apiKey: o.apiKey, fetch }));
  let clientPromise: ReturnType<typeof makeClient> | undefined;
  const getClient = () => (clientPromise ??= makeClient());

  async function* attempt(request: ChatRequest, signal: AbortSignal, sending: () => void): AsyncGenerator<StreamChunk> {
    const [client, known] = await Promise.all([getClient(), info()]);
    const prompt = toAnthropicPrompt(request.messages);
    const tools = toAnthropicTools(request.tools);
    // Only what the user set in models.yaml or flags: cloud models get no built-in profile.
    const wire = samplingWire('anthropic', known.profile);
    const params: MessageCreateParamsStreaming = {
      model: o.model,
      max_tokens: request.maxTokens ?? 4096,
      stream: true,
      ...wire.fields,
      ...prompt,
      ...(tools ? { tools } : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.format ? { output_config: { format: { type: 'json_schema', schema: request.format } } } : {}),
    };
    sending();
    const stream = await client.stream(params, signal);
    const toolBlocks = new Map<number, { id: string; name: string; json: string }>();
    const usage: Usage = { promptTokens: 0, completionTokens: 0 };
    let finish: FinishReason = 'stop';
    for await (const ev of stream) {
      if (ev.type === 'message_start') {
        const u = ev.message.usage;
        usage.promptTokens = u.input_tokens + (u.cache_creation_input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0);
        usage.completionTokens = u.output_tokens;
        if (u.cache_read_input_tokens) usage.cachedPromptTokens = u.cache_read_input_tokens;
      } else if (ev.type === 'content_block_start') {
        if (ev.content_block.type === 'tool_use') toolBlocks.set(ev.index, { id: ev.content_block.id, name: ev.content_block.name, json: '' });
      } else if (ev.type === 'content_block_delta') {
        const d = ev.delta;
        if (d.type === 'text_delta') yield { type: 'text', text: d.text };
        else if (d.type === 'thinking_delta') yield { type: 'reasoning', text: d.thinking };
        else if (d.type === 'input_json_delta') {
          const b = toolBlocks.get(ev.index);
          if (b) b.json += d.partial_json;
        }
      } else if (ev.type === 'content_block_stop') {
        const b = toolBlocks.get(ev.index);
        if (b) yield { type: 'tool_call', call: { id: b.id, name: b.name, arguments: parseToolArguments(b.json) } };
      } else if (ev.type === 'message_delta') {
        if (ev.delta.stop_reason) finish = STOP[ev.delta.stop_reason] ?? 'stop';
        usage.completionTokens = ev.usage.output_tokens;
      }
    }
    if (signal.aborted) {
      yield { type: 'done', finishReason: 'cancelled' };
      return;
    }
    yield { type: 'usage', usage };
    yield { type: 'done', finishReason: finish };
  }

  return {
    info: () => info(),
    stream: (request, signal) =>
      guardedStream((s, sending) => attempt(request, s, sending), signal, {
        context,
        retry: o.retry ?? DEFAULT_RETRY,
        requestTimeoutMs: o.requestTimeoutMs,
        timeouts: streamTimeouts(request, o, false),
        maxTokens: request.maxTokens,
      }),
    // /v1/messages/count_tokens exists, but the budget has no use for it on a 200k window.
    countTokens: async () => undefined,
  };
}
