// The scripted model server's public shapes: what a test scripts (replies) and what it can
// inspect afterwards (recorded requests). Re-exported by scripted-server.ts.

export interface ScriptedReply {
  /** Streamed in several chunks (split into ~3-8 character pieces). */
  text?: string;
  /** Thinking text (Ollama `thinking`, llama.cpp `reasoning_content`, Anthropic thinking). */
  reasoning?: string;
  /** Native tool calls. A string `arguments` is sent verbatim (lets tests send broken JSON). */
  toolCalls?: { name: string; arguments: Record<string, unknown> | string }[];
  /** The ids the server gives those calls (null: no id at all, as older Ollama servers send);
   * default: a random id per call. */
  toolIds?: (string | null)[];
  finish?: 'stop' | 'length';
  /** Reported usage; default: ceil(JSON.stringify(messages+tools).length / 4). */
  promptTokens?: number;
  completionTokens?: number;
  /** llama.cpp only: prompt tokens reported as reused from the prompt cache (`timings.cache_n`). */
  cachedPromptTokens?: number;
  /** Delay between chunks (default 0). */
  chunkDelayMs?: number;
  /** Send the first chunk, then never finish (cancel tests). */
  hang?: boolean;
  /** Answer with this status/body instead (a string body is sent as plain text). */
  httpError?: { status: number; body: unknown };
  /** Emit the dialect's mid-stream error after the first chunk. */
  midStreamError?: string;
  /** llama.cpp: stream the whole reply, then `data: {"error":{"code":500,…}}` instead of the
   * finish chunk, usage and [DONE] — what a real llama-server does when the generated text
   * does not parse (e.g. invalid UTF-8); see test/real-server/server-facts.real.test.ts. */
  errorAfterGeneration?: string;
  /** OpenAI-style SSE sloppiness real servers show: `: ping` comment lines, no finish chunk,
   * no `data: [DONE]`, usage on the finish chunk instead of a separate one. */
  sseQuirks?: { ping?: boolean; noFinishChunk?: boolean; noDone?: boolean; usageOnFinish?: boolean };
  // Faults a real server shows (issue 9). An empty 200 needs no flag: script `{ text: '' }`.
  /** Destroy the connection after writing this many stream pieces (a server crash mid-reply). */
  cutAfterChunks?: number;
  /** Finish the HTTP response cleanly after this many pieces, without the dialect's final message
   * (Ollama's done line, the SSE finish chunk and [DONE]): a proxy that dropped the tail. */
  endAfterChunks?: number;
  /** Accept the request and never answer: no headers, no body (a server that sends nothing). */
  silent?: boolean;
  /** Wait this long before the headers and the first piece (a slow prompt prefill). */
  firstByteDelayMs?: number;
  /** After this many pieces, send nothing more but keep the connection open (a stalled generation). */
  stallAfterChunks?: number;
  /** After the first piece, send one chunk that is not JSON, then end the stream. */
  malformedChunk?: boolean;
}

export type ServerKind = 'ollama' | 'llamacpp' | 'lmstudio' | 'vllm' | 'openai' | 'anthropic';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the body was JSON, the raw text otherwise, undefined when empty. */
  body: unknown;
}

export interface ScriptedServerOptions {
  kind: ServerKind;
  /** Listen on this port (default: any free one) — a server "started later" at a known address. */
  port?: number;
  /** Default ['test-model']. */
  models?: string[];
  /** Reported by that kind's discovery endpoints; default 32768. */
  contextWindow?: number;
  /** Default true; false → ollama 400 "does not support tools", vllm the auto-tool-choice 400. */
  nativeTools?: boolean;
  /** Ollama /api/ps before any chat: undefined → loaded at contextWindow; null → nothing loaded. */
  loadedContext?: number | null;
  /** Ollama /api/show lists the 'tools' capability (default: nativeTools) — false+true lets a
   * test reach the chat-time "does not support tools" 400. */
  advertiseTools?: boolean;
  /** llama.cpp only: the shapes a real llama-server has (test/real-server/): /props with
   * `chat_template_caps`, 4 slots and a `b1-<commit>` build; tool-call ids of 32 alphanumerics
   * (no `call_`); argument fragments of 1-3 characters carrying grammar whitespace. */
  realLlamaCpp?: boolean;
  /** llama.cpp only, default true. false acts like `llama-server --no-jinja`: /props still claims
   * tool support, but any request carrying `tools` (chat or /apply-template) is an HTTP 500. */
  jinja?: boolean;
  /** What the server says the model is: Ollama details.family / general.architecture and LM Studio
   * `arch` (default 'qwen2'); llama.cpp /props chat_template (default a neutral template). */
  family?: string;
  chatTemplate?: string;
  /** Ollama: /api/show lists the 'thinking' capability (default false). */
  thinking?: boolean;
  /** Array: consumed in order per chat request; when exhausted the reply is { text: 'Done.' }. */
  replies: ScriptedReply[] | ((req: RecordedRequest, index: number) => ScriptedReply);
}

export interface ScriptedServer {
  /** http://127.0.0.1:PORT (no trailing slash, no /v1). */
  url: string;
  port: number;
  /** Every request, in order. */
  requests: RecordedRequest[];
  /** Only the chat/messages completions. */
  chatRequests(): RecordedRequest[];
  /** Responses whose client went away before the server finished them (cancel tests). */
  readonly abortedRequests: number;
  close(): Promise<void>;
}

/** What a dialect writer needs to answer one chat request. */
export interface ChatContext {
  kind: ServerKind;
  reply: ScriptedReply;
  body: Record<string, unknown>;
  model: string;
  promptTokens: number;
  completionTokens: number;
  contextWindow: number;
}
