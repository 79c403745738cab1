// Finds a model server already running on this machine: Ollama (:11434), LM Studio (:1234),
// llama.cpp (:8080) and vLLM (:8000), probed concurrently with short timeouts.
import { fetchJson, isDict, type JsonResponse } from './http-json';
import type { ServerKind } from './types';

export interface DetectedServer {
  provider: 'ollama' | 'openai';
  baseUrl: string;
  kind: ServerKind;
}

export interface DetectOptions {
  host?: string;
  /** Override ports (tests use random ones); a kind set to 0 is not probed. */
  ports?: Partial<Record<'ollama' | 'lmstudio' | 'llamacpp' | 'vllm', number>>;
  timeoutMs?: number;
}

export const DEFAULT_PORTS = { ollama: 11434, lmstudio: 1234, llamacpp: 8080, vllm: 8000 };

type Probe = { kind: 'ollama' | 'lmstudio' | 'llamacpp' | 'vllm'; paths: string[]; accept: (path: string, r: JsonResponse) => boolean };

/** In priority order: when several answer, the first wins. */
const PROBES: Probe[] = [
  { kind: 'ollama', paths: ['/api/version', '/api/tags'], accept: (p, r) => r.ok && isDict(r.json) && (p === '/api/version' ? typeof r.json.version === 'string' : Array.isArray(r.json.models)) },
  // LM Studio answers unknown routes with 200 + {"error": …}, so insist on the data array.
  { kind: 'lmstudio', paths: ['/api/v0/models'], accept: (_p, r) => r.ok && isDict(r.json) && Array.isArray(r.json.data) },
  { kind: 'llamacpp', paths: ['/health', '/v1/models'], accept: (p, r) => r.ok && isDict(r.json) && (p === '/health' ? r.json.status === 'ok' : Array.isArray(r.json.data)) },
  { kind: 'vllm', paths: ['/v1/models'], accept: (_p, r) => r.ok && isDict(r.json) && Array.isArray(r.json.data) && r.json.data.some((m) => isDict(m) && m.max_model_len !== undefined) },
];

async function probe(base: string, p: Probe, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
  for (const path of p.paths) {
    try {
      if (p.accept(path, await fetchJson(`${base}${path}`, { timeoutMs, signal }))) return true;
    } catch {
      /* nothing there, or too slow */
    }
  }
  return false;
}

export async function detectServer(signal?: AbortSignal, opts: DetectOptions = {}): Promise<DetectedServer | { tried: string[] }> {
  const host = opts.host ?? '127.0.0.1';
  const ports = { ...DEFAULT_PORTS, ...opts.ports };
  const active = PROBES.filter((p) => ports[p.kind] > 0);
  const bases = active.map((p) => `http://${host}:${ports[p.kind]}`);
  const found = await Promise.all(active.map((p, i) => probe(bases[i], p, opts.timeoutMs ?? 400, signal)));
  const i = found.indexOf(true);
  if (i < 0) return { tried: bases };
  const kind = active[i].kind;
  return kind === 'ollama' ? { provider: 'ollama', baseUrl: bases[i], kind } : { provider: 'openai', baseUrl: `${bases[i]}/v1`, kind };
}
