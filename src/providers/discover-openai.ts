// Probes an OpenAI-compatible server to learn its kind (llama.cpp /props, LM Studio
// /api/v0/models, vLLM max_model_len, Ollama /api/version), its models and its runtime window.
import { ProviderFailure, classifyError, type ErrorContext } from './errors';
import { asNumber, fetchJson, isDict, type Dict, type JsonResponse } from './http-json';
import type { ServerFacts } from './discovery-types';
import { SERVER_KINDS } from './server-kinds';
import type { ServerKind } from './types';

/** LM Studio loads a not-yet-loaded model on first use with its own default window. */
export const LMSTUDIO_JIT_CONTEXT = 4096;

interface Probes {
  props?: JsonResponse;
  v0?: JsonResponse;
  v1?: JsonResponse;
  version?: JsonResponse;
  v1Error?: unknown;
}

const list = (r: JsonResponse | undefined): Dict[] => (isDict(r?.json) && Array.isArray(r.json.data) ? r.json.data.filter(isDict) : []);

function kindOf(p: Probes): ServerKind {
  if (p.props?.ok && isDict(p.props.json) && isDict(p.props.json.default_generation_settings)) return 'llamacpp';
  if (p.v0?.ok && isDict(p.v0.json) && Array.isArray(p.v0.json.data)) return 'lmstudio';
  const v1 = list(p.v1);
  if (v1.some((m) => m.max_model_len !== undefined)) return 'vllm';
  if (v1.some((m) => m.owned_by === 'llamacpp')) return 'llamacpp';
  if (p.version?.ok && isDict(p.version.json) && typeof p.version.json.version === 'string') return 'ollama';
  return 'openai';
}

export async function discoverOpenAi(
  root: string,
  v1: string,
  model: string,
  kindHint: ServerKind | undefined,
  apiKey: string | undefined,
  signal?: AbortSignal,
  timeoutMs?: number,
): Promise<ServerFacts> {
  const headers: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  const get = (url: string) => fetchJson(url, { headers, signal, timeoutMs }).catch(() => undefined);
  const cloud = kindHint ? SERVER_KINDS[kindHint].needsApiKey : false;
  const want = (k: ServerKind) => !cloud && (!kindHint || kindHint === 'openai' || kindHint === k);
  const p: Probes = {};
  await Promise.all([
    fetchJson(`${v1}/models`, { headers, signal, timeoutMs }).then(
      (r) => (p.v1 = r),
      (e: unknown) => (p.v1Error = e),
    ),
    want('llamacpp') ? get(`${root}/props`).then((r) => (p.props = r)) : undefined,
    want('lmstudio') ? get(`${root}/api/v0/models`).then((r) => (p.v0 = r)) : undefined,
    !cloud && !kindHint ? get(`${root}/api/version`).then((r) => (p.version = r)) : undefined,
  ]);
  const kind = kindHint && kindHint !== 'openai' ? kindHint : kindOf(p);
  const ctx: ErrorContext = { url: v1, kind, model };
  if (p.v1Error !== undefined) {
    const err = classifyError(p.v1Error, ctx);
    if (err.code === 'unreachable' || err.code === 'cancelled') throw new ProviderFailure(err, ctx);
  }
  if (p.v1 && (p.v1.status === 401 || p.v1.status === 403)) throw new ProviderFailure(classifyError({ status: p.v1.status, error: p.v1.text }, ctx), ctx);
  const warnings: string[] = [];
  const v0 = list(p.v0).filter((m) => m.type === undefined || m.type === 'llm' || m.type === 'vlm');
  const v1List = list(p.v1);
  const models = (kind === 'lmstudio' && v0.length ? v0 : v1List).map((m) => String(m.id ?? '')).filter(Boolean);
  let chosen = model;
  if (!chosen) {
    chosen = String(v0.find((m) => m.state === 'loaded')?.id ?? models[0] ?? '');
    if (chosen) warnings.push(`no model configured; using ${chosen}`);
  }
  const facts: ServerFacts = { kind, model: chosen, models: [...new Set(models)], nativeTools: true, warnings };
  if (kind === 'llamacpp') {
    const props = isDict(p.props?.json) ? p.props.json : {};
    const settings = isDict(props.default_generation_settings) ? props.default_generation_settings : {};
    facts.serverWindow = asNumber(settings.n_ctx) ?? asNumber(isDict(settings.params) ? settings.params.n_ctx : undefined);
    if (typeof props.build_info === 'string') facts.serverVersion = props.build_info;
    const caps = isDict(props.chat_template_caps) ? props.chat_template_caps : undefined;
    if (typeof props.chat_template === 'string') facts.chatTemplate = props.chat_template;
    if (typeof props.model_path === 'string') facts.modelPath = props.model_path;
    if (caps && caps.supports_tools === false) facts.nativeTools = false;
    else if (await startedWithoutJinja(root, headers, signal, timeoutMs)) {
      facts.nativeTools = false;
      warnings.push(
        'llama-server runs without --jinja: it refuses requests with tools, so tools are described in text (start it with --jinja for native tool calls)',
      );
    }
  } else if (kind === 'lmstudio') {
    const rows = v0.filter((m) => m.id === chosen);
    if (typeof rows[0]?.arch === 'string') facts.family = rows[0].arch;
    const loaded = rows.find((m) => m.state === 'loaded');
    if (loaded) facts.serverWindow = asNumber(loaded.loaded_context_length) ?? asNumber(loaded.max_context_length);
    else if (rows.length) {
      facts.serverWindow = Math.min(asNumber(rows[0].max_context_length) ?? LMSTUDIO_JIT_CONTEXT, LMSTUDIO_JIT_CONTEXT);
      warnings.push(
        `${chosen} is not loaded in LM Studio; it will load with its default context (assumed ${LMSTUDIO_JIT_CONTEXT}) — load it with a larger context or set SMALLCODE_CONTEXT`,
      );
    }
  } else if (kind === 'vllm') {
    facts.serverWindow = asNumber(v1List.find((m) => m.id === chosen)?.max_model_len) ?? asNumber(v1List[0]?.max_model_len);
  } else if (kind === 'ollama') {
    warnings.push('this is Ollama through /v1, which cannot set num_ctx — use provider ollama with the server root URL');
  }
  const strict = kind === 'lmstudio' || kind === 'vllm';
  if (chosen && facts.models.length && !facts.models.includes(chosen) && kind !== 'llamacpp') {
    const c = { ...ctx, model: chosen, availableModels: facts.models };
    if (strict) throw new ProviderFailure(classifyError({ status: 404, error: `model '${chosen}' not found` }, c), c);
    if (!cloud) warnings.push(`${chosen} is not in the server's model list (${facts.models.slice(0, 5).join(', ')})`);
  }
  return facts;
}

/** A llama-server started with --no-jinja still reports tool support in /props, but refuses any
 * request carrying `tools` (HTTP 500 "tools param requires --jinja flag"). /apply-template parses
 * requests the same way without generating anything: a free probe. */
async function startedWithoutJinja(root: string, headers: Record<string, string>, signal?: AbortSignal, timeoutMs?: number): Promise<boolean> {
  const probe = {
    messages: [{ role: 'user', content: 'ping' }],
    tools: [{ type: 'function', function: { name: 'probe', description: 'capability probe', parameters: { type: 'object', properties: {} } } }],
  };
  const r = await fetchJson(`${root}/apply-template`, { body: probe, headers, signal, timeoutMs }).catch(() => undefined);
  return r !== undefined && !r.ok && /requires --jinja/i.test(r.text);
}
