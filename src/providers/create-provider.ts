// The one factory the rest of the app calls: provider name + URL + model → a Provider. Cloud
// vendors (Anthropic, DeepSeek, OpenAI) get their defaults from createCloudProvider.
import { ANTHROPIC_BASE_URL, createAnthropicProvider } from './anthropic';
import { createOllamaProvider } from './ollama';
import { createOpenAiCompatProvider } from './openai-compat';
import type { RequestPolicy, ServerTarget } from './server-target';
import type { Provider } from './types';

export interface ProviderOptions extends ServerTarget, RequestPolicy {
  provider: 'ollama' | 'openai' | 'anthropic';
}

export function createProvider(opts: ProviderOptions): Provider {
  if (opts.provider === 'ollama') return createOllamaProvider(opts);
  if (opts.provider === 'anthropic') return createAnthropicProvider({ ...opts, baseUrl: opts.baseUrl || ANTHROPIC_BASE_URL });
  return createOpenAiCompatProvider(opts);
}

export interface CloudProviderOptions extends RequestPolicy {
  vendor: 'anthropic' | 'deepseek' | 'openai';
  apiKey: string;
  model: string;
  baseUrl?: string;
  contextOverride?: number;
}

export const CLOUD_BASE_URLS: Record<CloudProviderOptions['vendor'], string> = {
  anthropic: ANTHROPIC_BASE_URL,
  deepseek: 'https://api.deepseek.com',
  openai: 'https://api.openai.com/v1',
};

/** OpenAI's own models have at least this window; the server does not report it. */
const OPENAI_CLOUD_CONTEXT = 128000;

/** An escalation target in the cloud. DeepSeek is plain OpenAI-compatible at its own URL. */
export function createCloudProvider(o: CloudProviderOptions): Provider {
  const baseUrl = o.baseUrl ?? CLOUD_BASE_URLS[o.vendor];
  if (o.vendor === 'anthropic') return createAnthropicProvider({ ...o, baseUrl });
  return createOpenAiCompatProvider({
    ...o,
    baseUrl,
    kindHint: o.vendor,
    contextOverride: o.contextOverride ?? (o.vendor === 'openai' ? OPENAI_CLOUD_CONTEXT : undefined),
  });
}
