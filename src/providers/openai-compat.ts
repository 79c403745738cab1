// OpenAI-compatible servers (llama.cpp, LM Studio, vLLM, DeepSeek, OpenAI) through our small
// streaming client and our own tolerant accumulator; quirks from server-kinds.ts.
import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import { splitBaseUrl } from './base-url';
import { cachedInfo } from './cached-info';
import { countTokensExactly } from './count-tokens';
import { discover } from './discovery';
import type { ErrorContext } from './errors';
import { DEFAULT_RETRY } from './retry';
import { SERVER_KINDS } from './server-kinds';
import { StreamAccumulator } from './stream-accumulator';
import { guardedStream } from './stream-guard';
import type { ChatRequest, Provider, ProviderInfo, ServerKind, StreamChunk } from './types';
import type { JsonSchema } from '../types/tool-spec';
import { roughPromptTokens, toOpenAiMessages, toWireTools } from './wire-messages';
import type { RequestPolicy, ServerTarget } from './server-target';
import { streamTimeouts } from './stream-timeouts';
import { modelFetch } from './model-fetch';
import { createOpenAiClient } from './openai-client';
import { samplingWire, withSystemSuffix } from './profiles/profile-wire';

export type OpenAiCompatOptions = ServerTarget & RequestPolicy;

/** The response_format a kind honours for "reply with JSON matching this schema". */
export function responseFormat(kind: ServerKind, schema: JsonSchema): ChatCompletionCreateParamsStreaming['response_format'] {
  const style = SERVER_KINDS[kind].structuredOutput;
  if (style === 'json-object') return { type: 'json_object' };
  return { type: 'json_schema', json_schema: { name: 'response', schema } };
}

/** The request body for one streamed chat completion: the profile's sampling in the fields this
 * kind accepts (server-kinds.ts), identical on every request of a session. */
export function buildChatBody(info: ProviderInfo, request: ChatRequest): ChatCompletionCreateParamsStreaming {
  const quirks = SERVER_KINDS[info.kind];
  const tools = info.nativeTools ? toWireTools(request.tools) : undefined;
  const wire = samplingWire(info.kind, info.profile);
  return {
    model: info.model,
    messages: toOpenAiMessages(withSystemSuffix(request.messages, wire.systemSuffix)),
    stream: true,
    stream_options: { include_usage: true },
    ...wire.fields,
    ...wire.extras,
    ...(request.maxTokens ? { max_tokens: request.maxTokens } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(tools ? { tools } : {}),
    ...(tools && quirks.sendParallelToolCalls ? { parallel_tool_calls: true } : {}),
    ...(request.format ? { response_format: responseFormat(info.kind, request.format) } : {}),
  };
}

export function createOpenAiCompatProvider(o: OpenAiCompatOptions): Provider {
  const urls = splitBaseUrl(o.baseUrl);
  const info = cachedInfo((signal) =>
    discover({
      provider: 'openai',
      baseUrl: o.baseUrl,
      model: o.model,
      apiKey: o.apiKey,
      contextOverride: o.contextOverride,
      kindHint: o.kindHint,
      profileRules: o.profileRules,
      signal,
    }),
  );
  let known: ProviderInfo | undefined;
  const context = (): ErrorContext => ({
    url: urls.v1,
    kind: known?.kind ?? o.kindHint ?? 'openai',
    model: known?.model ?? o.model,
    availableModels: known?.models,
  });

  // One client per provider: created on first use (undici loads lazily), reused for keep-alive.
  // No timeout of its own: our first-byte and idle timeouts (stream-guard.ts) apply.
  const makeClient = () => modelFetch().then((fetch) => createOpenAiClient({ baseUrl: urls.v1, apiKey: o.apiKey || 'sk-no-key-required', fetch }));
  let clientPromise: ReturnType<typeof makeClient> | undefined;
  const getClient = () => (clientPromise ??= makeClient());

  async function* attempt(request: ChatRequest, signal: AbortSignal, sending: () => void): AsyncGenerator<StreamChunk> {
    known = await info(signal);
    const client = await getClient();
    const body = buildChatBody(known, request);
    sending();
    const stream = await client.streamChat(body, signal);
    const acc = new StreamAccumulator(known.kind === 'lmstudio' ? 'lms' : 'call');
    let produced = false;
    for await (const chunk of stream) {
      for (const out of acc.push(chunk)) {
        produced = true;
        yield out;
      }
    }
    if (signal.aborted) {
      yield { type: 'done', finishReason: 'cancelled' };
      return;
    }
    const tail = acc.finishChunks();
    // LM Studio answers some over-long prompts with 200 and nothing; a short prompt's empty reply
    // is just empty (the guard makes it an empty_reply error).
    const nearlyFull = roughPromptTokens(request.messages, request.tools) >= known.contextWindow * 0.5;
    if (!produced && !tail.some((c) => c.type === 'tool_call') && SERVER_KINDS[known.kind].emptyStreamMeansOverflow && nearlyFull) {
      const w = known.contextWindow;
      yield {
        type: 'error',
        error: {
          code: 'prompt_too_long',
          contextWindow: w,
          url: urls.v1,
          message: `${SERVER_KINDS[known.kind].label} at ${urls.v1} returned an empty answer — usually the prompt exceeds the loaded context (${w} tokens); compact the conversation or load the model with a larger context`,
        },
      };
      return;
    }
    yield* tail;
  }

  return {
    info: () => info(),
    stream: (request, signal) =>
      guardedStream((s, sending) => attempt(request, s, sending), signal, {
        context,
        retry: o.retry ?? DEFAULT_RETRY,
        requestTimeoutMs: o.requestTimeoutMs,
        timeouts: streamTimeouts(request, o, SERVER_KINDS[known?.kind ?? o.kindHint ?? 'openai'].buffersToolCalls),
        maxTokens: request.maxTokens,
      }),
    countTokens: async (messages, signal, tools) => {
      const i = await info(signal).catch(() => undefined);
      return i?.canTokenize ? countTokensExactly(i, urls.root, messages, signal, tools) : undefined;
    },
  };
}
