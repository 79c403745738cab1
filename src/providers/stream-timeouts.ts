// How long a stream may stay silent. A model server sends nothing while it reads the prompt (and
// loads the model on first use), so the first-byte timeout grows with the prompt; once tokens
// flow, a long gap means a stalled server. Both replace undici's own 300 s header/body timeouts
// (which, retried three times, left a silent server hanging for 912 s without a word).
import type { ChatRequest } from './types';
import { roughPromptTokens } from './wire-messages';

export interface StreamTimeouts {
  firstByteMs: number;
  idleMs: number;
}

/** Loading a model from disk on the first request (Ollama, LM Studio JIT load) before any prefill. */
export const FIRST_BYTE_BASE_MS = 120_000;
/** The slowest prefill we wait for: 25 tokens/s. The llama.cpp README's own timings example reads
 * a prompt at ≈32 tokens/s (model-servers.md §2.2); a full 32k prompt then gets 120 + 1,311 s. */
export const PREFILL_MS_PER_TOKEN = 40;
/** A gap between two chunks of a flowing reply. */
export const IDLE_MS = 120_000;
/** Ollama holds a native tool call back until it is complete: the gap can be a whole reply, which
 * we allow at 5 tokens/s (a slow CPU) of the output cap. */
export const BUFFERED_MS_PER_TOKEN = 200;

export interface TimeoutSettings {
  firstByteTimeoutMs?: number;
  idleTimeoutMs?: number;
}

export function streamTimeouts(request: ChatRequest, settings: TimeoutSettings, buffersToolCalls: boolean): StreamTimeouts {
  const firstByteMs = settings.firstByteTimeoutMs ?? FIRST_BYTE_BASE_MS + PREFILL_MS_PER_TOKEN * roughPromptTokens(request.messages, request.tools);
  const buffered = buffersToolCalls && (request.tools?.length ?? 0) > 0;
  const idleMs = settings.idleTimeoutMs ?? (buffered ? IDLE_MS + BUFFERED_MS_PER_TOKEN * (request.maxTokens ?? 4096) : IDLE_MS);
  return { firstByteMs, idleMs };
}
