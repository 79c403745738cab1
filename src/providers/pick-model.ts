// When the user named no model: the one the server already has loaded, else its first listed.
// Ollama: /api/ps then /api/tags; OpenAI-compatible: LM Studio's loaded row, then /v1/models.
import { splitBaseUrl } from './base-url';
import { fetchJson, isDict, type Dict } from './http-json';

const names = (v: unknown, key: 'models' | 'data', field: 'name' | 'id'): Dict[] =>
  isDict(v) && Array.isArray(v[key]) ? v[key].filter((m): m is Dict => isDict(m) && typeof m[field] === 'string') : [];

export async function pickDefaultModel(provider: 'ollama' | 'openai' | 'anthropic', baseUrl: string, apiKey?: string, signal?: AbortSignal): Promise<string | undefined> {
  const { root, v1 } = splitBaseUrl(baseUrl);
  const get = (url: string) => fetchJson(url, { signal, timeoutMs: 3000, headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} }).catch(() => undefined);
  if (provider === 'anthropic') return undefined;
  if (provider === 'ollama') {
    const [ps, tags] = await Promise.all([get(`${root}/api/ps`), get(`${root}/api/tags`)]);
    const loaded = names(ps?.json, 'models', 'name')[0]?.name ?? names(tags?.json, 'models', 'name')[0]?.name;
    return typeof loaded === 'string' ? loaded : undefined;
  }
  const [v0, list] = await Promise.all([get(`${root}/api/v0/models`), get(`${v1}/models`)]);
  const lmLoaded = names(v0?.json, 'data', 'id').find((m) => m.state === 'loaded' && (m.type === undefined || m.type === 'llm' || m.type === 'vlm'))?.id;
  const first = lmLoaded ?? names(list?.json, 'data', 'id')[0]?.id;
  return typeof first === 'string' ? first : undefined;
}
