// Ollama through its native /api/chat (never /v1, which cannot set num_ctx): every request
// carries options.num_ctx and truncate:false; tools go native only with the `tools` capability.
import { DEFAULT_RETRY, type RetryPolicy } from './retry';
import { cutError, type ErrorContext } from './errors';
import { guardedStream } from './stream-guard';
import { streamTimeouts, type TimeoutSettings } from './stream-timeouts';
import { modelFetch } from './model-fetch';

import { samplingWire, withSystemSuffix } from './profiles/profile-wire';
import type { OverrideRule } from './profiles/profile-types';
import { roughPromptTokens, toOllamaMessages, toOllamaTools } from './wire-messages';
import type { ChatRequest, FinishReason, Provider, ProviderInfo, StreamChunk } from './types';
import { splitBaseUrl } from './base-url';
import { discover } from './discovery';
import { cachedInfo } from './cached-info';

export interface OllamaProviderOptions extends TimeoutSettings {
  baseUrl: string;
  model: string;
  contextOverride?: number;
  profileRules?: readonly OverrideRule[];
  requestTimeoutMs?: number;
  retry?: RetryPolicy;
  /** How long Ollama keeps the model loaded after a request. */
  keepAlive?: string;
}

/** Ollama silently drops the head of an over-long prompt and reports the kept size: a prompt we
 * believed filled most of the window coming back at about half the window means it truncated. */
export function looksTruncated(promptEvalCount: number, estimate: number, numCtx: number): boolean {
  return estimate > numCtx * 0.75 && promptEvalCount <= numCtx * 0.55 && promptEvalCount < estimate * 0.7;
}

export function createOllamaProvider(o: OllamaProviderOptions): Provider {
  const { root } = splitBaseUrl(o.baseUrl);
  const info = cachedInfo((signal) =>
    discover({ provider: 'ollama', baseUrl: root, model: o.model, contextOverride: o.contextOverride, profileRules: o.profileRules, signal }),
  );
  let known: ProviderInfo | undefined;
  const context = (): ErrorContext => ({ url: root, kind: 'ollama', model: known?.model ?? o.model, availableModels: known?.models });

  async function* attempt(request: ChatRequest, signal: AbortSignal, sending: () => void): AsyncGenerator<StreamChunk> {
    known = await info(signal);
    const numCtx = known.numCtx ?? known.contextWindow;
    const tools = known.nativeTools ? toOllamaTools(request.tools) : undefined;
    // The profile's sampling and thinking switch: the same on every request of the session.
    const wire = samplingWire('ollama', known.profile);
    const body = {
      model: known.model,
      messages: toOllamaMessages(withSystemSuffix(request.messages, wire.systemSuffix)),
      stream: true as const,
      keep_alive: o.keepAlive ?? '30m',
      truncate: false,
      ...wire.extras,
      options: {
        num_ctx: numCtx,
        ...wire.fields,
        ...(request.maxTokens ? { num_predict: request.maxTokens } : {}),
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      },
      ...(tools ? { tools } : {}),
      ...(request.format ? { format: request.format } : {}),
    };
    const [{ Ollama }, base] = await Promise.all([import('ollama'), modelFetch()]);
    // Our fetch carries the caller's signal, so aborting closes the HTTP request at any point
    // (before headers or mid-body); the client's own it.abort() is then redundant.
    const client = new Ollama({
      host: root,
      fetch: (input, init) => base(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal }),
    });
    sending();
    const it = await client.chat(body);
    let calls = 0;
    let finish: FinishReason = 'stop';
    let finished = false;
    for await (const part of it) {
      const msg = part.message;
      if (msg?.thinking) yield { type: 'reasoning', text: msg.thinking };
      if (msg?.content) yield { type: 'text', text: msg.content };
      for (const tc of msg?.tool_calls ?? []) {
        const raw = tc as { id?: unknown; function: { name: string; arguments: unknown } };
        const args =
          typeof raw.function.arguments === 'string' ? parseArgs(raw.function.arguments) : ((raw.function.arguments as Record<string, unknown>) ?? {});
        calls++;
        yield { type: 'tool_call', call: { id: typeof raw.id === 'string' && raw.id ? raw.id : `call_${calls}`, name: raw.function.name, arguments: args } };
      }
      if (part.done) {
        const seconds = part.eval_duration / 1e9;
        const truncatedPrompt = looksTruncated(part.prompt_eval_count ?? 0, roughPromptTokens(request.messages, tools ? request.tools : undefined), numCtx);
        yield {
          type: 'usage',
          usage: {
            promptTokens: part.prompt_eval_count ?? 0,
            completionTokens: part.eval_count ?? 0,
            ...(seconds > 0 ? { tokensPerSecond: part.eval_count / seconds } : {}),
            ...(truncatedPrompt ? { truncatedPrompt } : {}),
          },
        };
        finish = part.done_reason === 'length' ? 'length' : calls ? 'tool_calls' : 'stop';
        finished = true;
      }
    }
    if (signal.aborted) yield { type: 'done', finishReason: 'cancelled' };
    // Ollama always ends with a done:true line; a stream that stops before it was cut.
    else if (!finished) yield { type: 'error', error: cutError(context()) };
    else yield { type: 'done', finishReason: finish };
  }

  return {
    info: () => info(),
    stream: (request, signal) =>
      guardedStream((s, sending) => attempt(request, s, sending), signal, {
        context,
        retry: o.retry ?? DEFAULT_RETRY,
        requestTimeoutMs: o.requestTimeoutMs,
        timeouts: streamTimeouts(request, o, true),
        maxTokens: request.maxTokens,
      }),
    // Ollama has no tokenizer endpoint: the budget calibrates from prompt_eval_count instead.
    countTokens: async () => undefined,
  };
}

function parseArgs(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { __raw: text };
  } catch {
    return { __raw: text };
  }
}
