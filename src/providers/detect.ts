// Finds a model server already running on this machine. Each well-known port (Ollama :11434,
// LM Studio :1234, llama.cpp :8080, vLLM :8000) is probed concurrently with short timeouts, and
// whatever answers is identified by what it says, not by its port.
import { fetchJson, isDict, type JsonResponse } from './http-json';
import type { ServerKind } from './types';
import { splitBaseUrl } from './base-url';

export interface DetectedServer {
  provider: 'ollama' | 'openai';
  baseUrl: string;
  kind: ServerKind;
}

type LocalKind = 'ollama' | 'lmstudio' | 'llamacpp' | 'vllm';

export interface DetectOptions {
  host?: string;
  /** Override ports (tests use random ones); a port set to 0 is not probed. */
  ports?: Partial<Record<LocalKind, number>>;
  timeoutMs?: number;
}

/** Per probe. Refused ports fail at once; this only bounds a port that accepts and then hangs,
 * and must leave room for the first fetch of a process (loading its HTTP stack) on a busy machine. */
const DETECT_TIMEOUT_MS = 1500;

export const DEFAULT_PORTS: Record<LocalKind, number> = { ollama: 11434, lmstudio: 1234, llamacpp: 8080, vllm: 8000 };

const data = (r: JsonResponse | undefined): unknown[] | undefined => (r?.ok && isDict(r.json) && Array.isArray(r.json.data) ? r.json.data : undefined);

/** Ordered identification rules over one port's probe answers. LM Studio answers unknown routes
 * with 200 + {"error": …}, so every rule insists on the real shape of its endpoint. */
const IDENTIFY: { kind: ServerKind; test: (a: Record<string, JsonResponse | undefined>) => boolean }[] = [
  { kind: 'ollama', test: (a) => isDict(a['/api/version']?.json) && typeof a['/api/version']?.json.version === 'string' && a['/api/version']?.ok === true },
  { kind: 'lmstudio', test: (a) => data(a['/api/v0/models']) !== undefined },
  {
    kind: 'llamacpp',
    test: (a) =>
      (a['/health']?.ok === true && isDict(a['/health']?.json) && a['/health']?.json.status === 'ok') ||
      (data(a['/v1/models']) ?? []).some((m) => isDict(m) && m.owned_by === 'llamacpp'),
  },
  { kind: 'vllm', test: (a) => (data(a['/v1/models']) ?? []).some((m) => isDict(m) && m.max_model_len !== undefined) },
  { kind: 'openai', test: (a) => data(a['/v1/models']) !== undefined },
];

async function identify(base: string, timeoutMs: number, signal?: AbortSignal): Promise<ServerKind | undefined> {
  const paths = ['/api/version', '/api/v0/models', '/health', '/v1/models'];
  const answers = await Promise.all(paths.map((p) => fetchJson(`${base}${p}`, { timeoutMs, signal }).catch(() => undefined)));
  if (answers.every((a) => a === undefined)) return undefined;
  const byPath = Object.fromEntries(paths.map((p, i) => [p, answers[i]]));
  return IDENTIFY.find((rule) => rule.test(byPath))?.kind;
}

export async function detectServer(signal?: AbortSignal, opts: DetectOptions = {}): Promise<DetectedServer | { tried: string[] }> {
  const host = opts.host ?? '127.0.0.1';
  const ports = { ...DEFAULT_PORTS, ...opts.ports };
  const order: LocalKind[] = ['ollama', 'lmstudio', 'llamacpp', 'vllm'];
  const bases = order.filter((k) => ports[k] > 0).map((k) => `http://${host}:${ports[k]}`);
  const kinds = await Promise.all(bases.map((b) => identify(b, opts.timeoutMs ?? DETECT_TIMEOUT_MS, signal)));
  const i = kinds.findIndex((k) => k !== undefined);
  const kind = kinds[i];
  if (i < 0 || !kind) return { tried: bases };
  return kind === 'ollama' ? { provider: 'ollama', baseUrl: bases[i], kind } : { provider: 'openai', baseUrl: `${bases[i]}/v1`, kind };
}

/** Identifies the server at a user-given URL (with or without /v1) when no provider was named,
 * so an Ollama server on a non-default port still gets the native API and its num_ctx. */
export async function identifyServer(baseUrl: string, signal?: AbortSignal, timeoutMs = 1500): Promise<DetectedServer | undefined> {
  const { root, v1 } = splitBaseUrl(baseUrl);
  const kind = await identify(root, timeoutMs, signal);
  if (!kind) return undefined;
  return kind === 'ollama' ? { provider: 'ollama', baseUrl: root, kind } : { provider: 'openai', baseUrl: v1, kind };
}
