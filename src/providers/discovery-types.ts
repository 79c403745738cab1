// The raw facts a server-specific probe reports, before discovery.ts decides the window.
import type { ServerKind } from './types';

export interface ServerFacts {
  kind: ServerKind;
  /** The model actually in use (auto-picked when none was configured). */
  model: string;
  models: string[];
  serverVersion?: string;
  nativeTools: boolean;
  /** The runtime window the server enforces (llama.cpp n_ctx, LM Studio loaded, vLLM max_model_len). */
  serverWindow?: number;
  /** Ollama: trained length (/api/show), Modelfile num_ctx, loaded num_ctx (/api/ps). */
  trainedWindow?: number;
  pinnedNumCtx?: number;
  loadedWindow?: number;
  /** For matching a model profile: Ollama details.family, LM Studio arch, llama.cpp template/path. */
  family?: string;
  chatTemplate?: string;
  modelPath?: string;
  /** Ollama lists the 'thinking' capability. */
  thinkingCapable?: boolean;
  warnings: string[];
}
