// The one small interface every model server hides behind, plus the message shapes the agent
// speaks. Server quirks stay inside src/providers/; nothing above sees a wire format.
import type { ChatMessage, ToolCallRef } from '../types/messages';
import type { JsonSchema, ToolSpec } from '../types/tool-spec';
import type { ResolvedProfile } from './profiles/profile-types';

export interface ChatRequest {
  messages: ChatMessage[];
  /** Offered natively only when the server supports tools; otherwise described in text. */
  tools?: ToolSpec[];
  /** Cap on generated tokens (the budget's answer reserve). */
  maxTokens?: number;
  /** Wins over the model profile's temperature for this request only (sampling never changes the
   * prompt, so the server's prompt cache is unaffected). */
  temperature?: number;
  /** Constrained decoding: the reply must be JSON matching this schema (where supported). */
  format?: JsonSchema;
}

/** Why a reply ended. `length` = the output cap (maxTokens) cut it: the text, and a native call's
 * arguments, may be incomplete. Reported when the server says so, and also when the reply used
 * the whole cap although the server did not say why. */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'cancelled' | 'error';

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  /** Generation speed as the server measured it, else as we timed it. */
  tokensPerSecond?: number;
  /** Prompt tokens the server reused from its prompt cache instead of reading them again, where
   * it says so (llama.cpp `timings.cache_n`, OpenAI `cached_tokens`, Anthropic cache reads). */
  cachedPromptTokens?: number;
  /** Ollama only: the server evaluated far fewer prompt tokens than we sent (about half the
   * window) — it silently dropped part of the prompt. The budget should shrink the prompt. */
  truncatedPrompt?: boolean;
}

export type ProviderErrorCode =
  | 'unreachable' // nothing listening / DNS / refused
  | 'model_not_found'
  | 'prompt_too_long'
  | 'no_tool_support' // server refused native tools: fall back to text tools
  | 'auth'
  | 'bad_request'
  | 'transient' // 5xx, reset, a stream cut or stalled mid-reply: already retried with backoff
  | 'timeout' // nothing arrived within the first-byte timeout (not retried: it would wait again)
  | 'empty_reply' // a 200 with no text and no tool call: retried, then this
  | 'cancelled'
  | 'protocol'; // unreadable stream

export interface ProviderError {
  code: ProviderErrorCode;
  /** One line, naming the URL and the fix. */
  message: string;
  url: string;
  /** Set on prompt_too_long when the server said how long the prompt was. */
  promptTokens?: number;
  contextWindow?: number;
  /** Set on model_not_found: what the server does have. */
  availableModels?: string[];
}

export type StreamChunk =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'tool_call'; call: ToolCallRef }
  | { type: 'usage'; usage: Usage }
  | { type: 'done'; finishReason: FinishReason }
  | { type: 'error'; error: ProviderError }
  /** The request is being made again after `error`. `discarded`: text, reasoning or calls of the
   * failed attempt already reached the consumer and must be thrown away. */
  | { type: 'retry'; attempt: number; tries: number; error: ProviderError; discarded: boolean };

export type ServerKind = 'ollama' | 'lmstudio' | 'llamacpp' | 'vllm' | 'openai' | 'anthropic' | 'deepseek';

export interface ProviderInfo {
  provider: 'ollama' | 'openai' | 'anthropic';
  kind: ServerKind;
  baseUrl: string;
  model: string;
  contextWindow: number;
  /** Where contextWindow came from; 'default' means we guessed 8192 and warned. */
  contextSource: 'server' | 'config' | 'default';
  nativeTools: boolean;
  structuredOutput: boolean;
  /** Exact token counting available (llama.cpp, vLLM /tokenize). */
  canTokenize: boolean;
  serverVersion?: string;
  models?: string[];
  /** Ollama only: the num_ctx every request carries. */
  numCtx?: number;
  /** The model profile every request of this session is sent with. */
  profile?: ResolvedProfile;
  warnings: string[];
}

export interface Provider {
  /** Discovers (once, then cached) what the server and model can do. */
  info(): Promise<ProviderInfo>;
  /** Streams one completion. Never throws once iteration has begun: failures arrive as an
   * `error` chunk. Aborting `signal` closes the HTTP request. */
  stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<StreamChunk>;
  /** Exact prompt token count where the server can tokenize (the tools offered natively
   * included); undefined otherwise. Required, so a wrapper cannot silently drop it. */
  countTokens(messages: ChatMessage[], signal?: AbortSignal, tools?: ToolSpec[]): Promise<number | undefined>;
}
