// From a Config to a ready Provider: explicit settings first, otherwise auto-detection of a
// local server (Ollama :11434, LM Studio :1234, llama.cpp :8080, vLLM :8000) — only the ports of
// the provider the user named, when one was named. Failures are one line.
import type { Config } from '../config/config';
import type { Provider } from '../providers/types';
import type { ProviderOptions } from '../providers/create-provider';

export type ProviderSetup =
  | { ok: true; provider: Provider; providerName: 'ollama' | 'openai'; baseUrl: string; model: string }
  | { ok: false; message: string; tried: string[] };

export const START_HINT =
  'start one: `ollama serve` (then `ollama pull qwen2.5-coder:7b`), LM Studio → Developer → Start server, or `llama-server -m model.gguf --port 8080`; or pass --base-url';

function guessProvider(baseUrl: string): 'ollama' | 'openai' {
  try {
    return new URL(baseUrl).port === '11434' ? 'ollama' : 'openai';
  } catch {
    return 'openai';
  }
}

/** What every provider built from this config shares (also /model's providers). */
export function providerSettings(config: Config): Omit<ProviderOptions, 'provider' | 'baseUrl' | 'model'> {
  return {
    apiKey: config.apiKey,
    contextOverride: config.contextOverride,
    profileRules: config.profileRules,
    firstByteTimeoutMs: config.firstByteTimeoutMs,
    idleTimeoutMs: config.idleTimeoutMs,
  };
}

export async function setupProvider(config: Config): Promise<ProviderSetup> {
  const providers = require('../providers/index') as typeof import('../providers/index');
  let providerName = config.provider;
  let baseUrl = config.baseUrl;
  if (!baseUrl && providerName === 'ollama') {
    // Named, not detected: Ollama lives on one port; a dead one fails on first use, naming it.
    baseUrl = `http://127.0.0.1:${providers.DEFAULT_PORTS.ollama}`;
  } else if (!baseUrl) {
    // `--provider openai` probes only the OpenAI-compatible servers' ports.
    const found = await providers.detectServer(undefined, providerName === 'openai' ? { ports: { ollama: 0 } } : {});
    if ('tried' in found) {
      return { ok: false, tried: found.tried, message: `no model server found (tried ${found.tried.join(', ')}) — ${START_HINT}` };
    }
    baseUrl = found.baseUrl;
    providerName = providerName ?? found.provider;
  }
  if (!providerName) {
    // A URL without a provider: ask the server what it is; fall back to the port convention.
    const identified = await providers.identifyServer(baseUrl);
    if (identified) {
      providerName = identified.provider;
      baseUrl = identified.baseUrl;
    } else providerName = guessProvider(baseUrl);
  }
  // No model configured: discovery uses the server's loaded (or first) model and says so; a
  // dead URL then fails as "nothing listening" on first use, with the URL and the fix.
  const provider = providers.createProvider({ provider: providerName, baseUrl, model: config.model ?? '', ...providerSettings(config) });
  return { ok: true, provider, providerName, baseUrl, model: config.model ?? 'auto' };
}
