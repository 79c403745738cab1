// What an Ollama server says about a model: version, models, trained window (/api/show
// model_info), a Modelfile-pinned num_ctx, the loaded num_ctx (/api/ps), the tools capability.
import { ProviderFailure, classifyError, type ErrorContext } from './errors';
import { asNumber, fetchJson, isDict } from './http-json';
import type { ServerFacts } from './discovery-types';

/** Without a user override we ask for at most this much: bigger windows cost VRAM and reloads. */
export const OLLAMA_DEFAULT_NUM_CTX = 32768;

const sameModel = (a: string, b: string) => a === b || a.replace(/:latest$/, '') === b.replace(/:latest$/, '');

export async function discoverOllama(root: string, model: string, signal?: AbortSignal, timeoutMs?: number): Promise<ServerFacts> {
  const ctx: ErrorContext = { url: root, kind: 'ollama', model };
  const get = (path: string, body?: unknown) => fetchJson(`${root}${path}`, { body, signal, timeoutMs });
  let version: Awaited<ReturnType<typeof get>>;
  try {
    version = await get('/api/version');
  } catch (err) {
    throw new ProviderFailure(classifyError(err, ctx), ctx);
  }
  const warnings: string[] = [];
  const [tags, ps] = await Promise.all([get('/api/tags').catch(() => undefined), get('/api/ps').catch(() => undefined)]);
  const models =
    isDict(tags?.json) && Array.isArray(tags.json.models)
      ? tags.json.models.map((m) => (isDict(m) ? String(m.name ?? m.model ?? '') : '')).filter(Boolean)
      : [];
  const loaded = isDict(ps?.json) && Array.isArray(ps.json.models) ? ps.json.models.filter(isDict) : [];
  let chosen = model;
  if (!chosen) {
    chosen = String(loaded[0]?.name ?? models[0] ?? '');
    if (chosen) warnings.push(`no model configured; using ${chosen}`);
  }
  const show = await get('/api/show', { model: chosen });
  if (show.status === 404 || !chosen) {
    const c = { ...ctx, model: chosen, availableModels: models };
    throw new ProviderFailure(classifyError({ status: 404, error: `model '${chosen}' not found` }, c), c);
  }
  const info = isDict(show.json) ? show.json : {};
  const modelInfo = isDict(info.model_info) ? info.model_info : {};
  const arch = typeof modelInfo['general.architecture'] === 'string' ? modelInfo['general.architecture'] : '';
  const trained = asNumber(modelInfo[`${arch}.context_length`]) ?? asNumber(Object.entries(modelInfo).find(([k]) => k.endsWith('.context_length'))?.[1]);
  const pinned = typeof info.parameters === 'string' ? asNumber(Number(info.parameters.match(/(?:^|\n)\s*num_ctx\s+(\d+)/)?.[1])) : undefined;
  const caps = Array.isArray(info.capabilities) ? info.capabilities : undefined;
  const nativeTools = caps ? caps.includes('tools') : typeof info.template === 'string' && info.template.includes('.Tools');
  const loadedCtx = asNumber(loaded.find((m) => sameModel(String(m.name ?? m.model ?? ''), chosen))?.context_length);
  const serverVersion = isDict(version.json) && typeof version.json.version === 'string' ? version.json.version : undefined;
  if (!nativeTools) warnings.push(`${chosen} has no 'tools' capability: tools will be described in text`);
  const details = isDict(info.details) ? info.details : {};
  const family = typeof details.family === 'string' && details.family ? details.family : arch || undefined;
  return {
    kind: 'ollama',
    model: chosen,
    models,
    serverVersion,
    nativeTools,
    trainedWindow: trained,
    pinnedNumCtx: pinned,
    loadedWindow: loadedCtx,
    family,
    thinkingCapable: caps ? caps.includes('thinking') : undefined,
    warnings,
  };
}

/** num_ctx to send on every request: override > Modelfile > loaded (if bigger) > min(trained, 32k). */
export function chooseNumCtx(f: ServerFacts, override: number | undefined, warnings: string[]): number | undefined {
  const trained = f.trainedWindow;
  if (override) {
    if (trained && override > trained) {
      warnings.push(`SMALLCODE_CONTEXT ${override} exceeds ${f.model}'s trained window ${trained}; using ${trained}`);
      return trained;
    }
    return override;
  }
  if (f.pinnedNumCtx) return f.pinnedNumCtx;
  const target = trained ? Math.min(trained, OLLAMA_DEFAULT_NUM_CTX) : undefined;
  if (f.loadedWindow && (!target || f.loadedWindow > target)) return trained ? Math.min(f.loadedWindow, trained) : f.loadedWindow;
  if (trained && trained > OLLAMA_DEFAULT_NUM_CTX)
    warnings.push(`using ${OLLAMA_DEFAULT_NUM_CTX} of ${f.model}'s ${trained}-token window; set SMALLCODE_CONTEXT to change`);
  return target;
}
