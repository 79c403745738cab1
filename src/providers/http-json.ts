// Plain fetch with a short timeout for discovery, detection and token counting: returns the
// status and parsed JSON (or text); network failures throw and are classified by the caller.
import { linkedSignal } from '../util/abort';

export interface JsonResponse {
  status: number;
  ok: boolean;
  json: unknown;
  text: string;
}

export interface FetchJsonOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export async function fetchJson(url: string, opts: FetchJsonOptions = {}): Promise<JsonResponse> {
  const { signal, dispose } = linkedSignal([opts.signal], opts.timeoutMs ?? 3000);
  try {
    const res = await fetch(url, {
      method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
      headers: { accept: 'application/json', ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }), ...opts.headers },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal,
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, ok: res.ok, json, text };
  } finally {
    dispose();
  }
}

export type Dict = Record<string, unknown>;
export const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
export const asNumber = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined);
