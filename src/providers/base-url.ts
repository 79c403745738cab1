// Normalizes a user-supplied server URL: with or without a trailing `/v1` (or `/api`) and
// slash, it yields the server root (for /props, /api/*) and the OpenAI-style `/v1` base.

export interface BaseUrls {
  /** e.g. http://127.0.0.1:8080 — for server-root endpoints (/props, /api/v0/models, /api/*). */
  root: string;
  /** e.g. http://127.0.0.1:8080/v1 — for OpenAI-compatible clients. */
  v1: string;
}

export function splitBaseUrl(input: string): BaseUrls {
  let url = input.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) url = `http://${url}`;
  url = url.replace(/\/+$/, '');
  url = url.replace(/\/(v1|api\/v0|api)$/i, '');
  url = url.replace(/\/+$/, '');
  return { root: url, v1: `${url}/v1` };
}
