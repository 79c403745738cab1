// Discovery: asks the server what it is and what the model can do, then settles the context
// window (SMALLCODE_CONTEXT override > server > vendor constant > 8192 with a warning).
import { chooseNumCtx, discoverOllama } from './discover-ollama';
import { discoverOpenAi } from './discover-openai';
import { splitBaseUrl } from './base-url';
import type { ServerFacts } from './discovery-types';
import { SERVER_KINDS } from './server-kinds';
import type { ProviderInfo } from './types';
import type { ServerTarget } from './server-target';
import { resolveProfile } from './profiles/resolve-profile';

/** Local server kinds whose unknown models get the generic profile (greedy sampling). */
const LOCAL_KINDS: ReadonlySet<string> = new Set(['ollama', 'llamacpp', 'lmstudio', 'vllm']);

export const FALLBACK_CONTEXT = 8192;

export interface DiscoveryOptions extends ServerTarget {
  provider: 'ollama' | 'openai' | 'anthropic';
  signal?: AbortSignal;
  timeoutMs?: number;
}

export async function discover(o: DiscoveryOptions): Promise<ProviderInfo> {
  const urls = splitBaseUrl(o.baseUrl);
  if (o.provider === 'anthropic') {
    const facts: ServerFacts = { kind: 'anthropic', model: o.model, models: [o.model], nativeTools: true, warnings: [] };
    return settle(o, urls.root, facts);
  }
  if (o.provider === 'ollama') {
    const facts = await discoverOllama(urls.root, o.model, o.signal, o.timeoutMs);
    return settle(o, urls.root, facts);
  }
  const facts = await discoverOpenAi(urls.root, urls.v1, o.model, o.kindHint, o.apiKey, o.signal, o.timeoutMs);
  return settle(o, urls.v1, facts);
}

/** Pure: the window decision and the info record. */
export function settle(o: Pick<DiscoveryOptions, 'provider' | 'contextOverride' | 'profileRules'>, baseUrl: string, f: ServerFacts): ProviderInfo {
  const warnings = [...f.warnings];
  const quirks = SERVER_KINDS[f.kind];
  const override = o.contextOverride && o.contextOverride > 0 ? Math.floor(o.contextOverride) : undefined;
  let contextWindow: number;
  let contextSource: ProviderInfo['contextSource'];
  let numCtx: number | undefined;
  if (o.provider === 'ollama') {
    numCtx = chooseNumCtx(f, override, warnings) ?? FALLBACK_CONTEXT;
    contextWindow = numCtx;
    contextSource = override ? 'config' : f.trainedWindow || f.pinnedNumCtx || f.loadedWindow ? 'server' : 'default';
  } else if (override) {
    contextWindow = override;
    contextSource = 'config';
    if (f.serverWindow && override > f.serverWindow)
      warnings.push(`SMALLCODE_CONTEXT ${override} exceeds the server's window ${f.serverWindow}; prompts may be refused`);
  } else if (f.serverWindow) {
    contextWindow = f.serverWindow;
    contextSource = 'server';
  } else if (quirks.knownContextWindow) {
    contextWindow = quirks.knownContextWindow;
    contextSource = 'config';
  } else {
    contextWindow = FALLBACK_CONTEXT;
    contextSource = 'default';
  }
  if (contextSource === 'default') warnings.push(`could not learn the context window from ${baseUrl}; assuming ${FALLBACK_CONTEXT} — set SMALLCODE_CONTEXT`);
  return {
    provider: o.provider,
    kind: f.kind,
    baseUrl,
    model: f.model,
    contextWindow,
    contextSource,
    nativeTools: f.nativeTools,
    structuredOutput: true,
    canTokenize: quirks.canTokenize,
    serverVersion: f.serverVersion,
    models: f.models,
    numCtx,
    profile: resolveProfile(
      { model: f.model, family: f.family, chatTemplate: f.chatTemplate, modelPath: f.modelPath, thinkingCapable: f.thinkingCapable },
      o.profileRules,
      { fallback: LOCAL_KINDS.has(f.kind) },
    ),
    warnings,
  };
}
