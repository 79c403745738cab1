// Turns any failure from a client library, fetch or a stream into one ProviderError: a closed
// code plus ONE line naming the URL and the fix. Pure: an ordered list of named rules.
import { isAbortError } from '../util/abort';
import { SERVER_KINDS } from './server-kinds';
import type { ProviderError, ServerKind } from './types';

export interface ErrorContext {
  url: string;
  kind: ServerKind;
  model: string;
  /** What the server has, to list on model_not_found. */
  availableModels?: string[];
}

/** Thrown by info() when discovery cannot go on (nothing listening, no such model). */
export class ProviderFailure extends Error {
  constructor(
    readonly error: ProviderError,
    readonly context: ErrorContext,
  ) {
    super(error.message);
    this.name = 'ProviderFailure';
  }
}

/** The facts we can pull out of any error shape (openai/anthropic APIError, ollama ResponseError, fetch). */
export interface ErrorFacts {
  status?: number;
  /** Every message-like string found, outermost first, nested JSON strings unpacked. */
  text: string;
  networkCode?: string;
  aborted: boolean;
  /** A JavaScript bug or unparsable bytes (SyntaxError/TypeError) rather than a server message. */
  ownFault: boolean;
}

const NETWORK_DOWN = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const NETWORK_FLAKY = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function collectStrings(value: unknown, out: string[], depth = 0): void {
  if (depth > 5 || value === undefined || value === null) return;
  if (typeof value === 'string') {
    out.push(value);
    const t = value.trim();
    if (t.startsWith('{')) {
      try {
        collectStrings(JSON.parse(t), out, depth + 1);
      } catch {
        /* not JSON */
      }
    }
    return;
  }
  if (typeof value !== 'object') return;
  const o = value as Record<string, unknown>;
  for (const key of ['message', 'error', 'type', 'code', 'detail']) collectStrings(o[key], out, depth + 1);
  for (const key of ['n_prompt_tokens', 'n_ctx']) if (typeof o[key] === 'number') out.push(`${key}=${o[key]}`);
}

export function errorFacts(err: unknown): ErrorFacts {
  const strings: string[] = [];
  let status: number | undefined;
  let networkCode: string | undefined;
  let cur: unknown = err;
  for (let depth = 0; cur && depth < 6; depth++) {
    if (typeof cur !== 'object') {
      collectStrings(cur, strings);
      break;
    }
    const e = cur as { status?: unknown; status_code?: unknown; code?: unknown; error?: unknown; message?: unknown; cause?: unknown };
    if (status === undefined && typeof e.status === 'number') status = e.status;
    if (status === undefined && typeof e.status_code === 'number') status = e.status_code;
    if (!networkCode && typeof e.code === 'string' && (NETWORK_DOWN.has(e.code) || NETWORK_FLAKY.has(e.code))) networkCode = e.code;
    collectStrings(e.error, strings);
    collectStrings(e.message, strings);
    cur = e.cause;
  }
  const ownFault = (err instanceof SyntaxError || err instanceof TypeError) && !networkCode;
  return { status, text: strings.join(' | '), networkCode, aborted: isAbortError(err), ownFault };
}

const oneLine = (s: string, max = 220) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** First server message worth showing (skip our own wrappers' generic text). */
function serverMessage(f: ErrorFacts): string {
  const parts = f.text.split(' | ').filter((p) => p && !p.trim().startsWith('{') && !/^n_(prompt_tokens|ctx)=/.test(p));
  const best = parts.find((p) => p.length > 12) ?? parts[0] ?? 'no details';
  return oneLine(best.replace(/^\d{3} /, ''));
}

/** Prompt/context sizes from the many overflow dialects, where present. */
export function overflowNumbers(text: string): { promptTokens?: number; contextWindow?: number } | undefined {
  const rules: [RegExp, (m: RegExpMatchArray) => { promptTokens?: number; contextWindow?: number }][] = [
    [/request \((\d+) tokens\) exceeds the available context size \((\d+) tokens\)/, (m) => ({ promptTokens: +m[1], contextWindow: +m[2] })],
    [/n_prompt_tokens=(\d+).*n_ctx=(\d+)/, (m) => ({ promptTokens: +m[1], contextWindow: +m[2] })],
    [/n_keep: ?(\d+) ?>= ?n_ctx: ?(\d+)/, (m) => ({ promptTokens: +m[1], contextWindow: +m[2] })],
    [/keep the first (\d+) tokens.*context length of only (\d+)/, (m) => ({ promptTokens: +m[1], contextWindow: +m[2] })],
    [/maximum context length is (\d+) tokens.*?prompt contains at least (\d+)/, (m) => ({ promptTokens: +m[2], contextWindow: +m[1] })],
    [
      /maximum context length is (\d+) tokens.*?(?:resulted in|requested) (\d+) tokens(?: \((\d+) in the messages)?/,
      (m) => ({ promptTokens: +(m[3] ?? m[2]), contextWindow: +m[1] }),
    ],
    [/maximum context length is (\d+) tokens/, (m) => ({ contextWindow: +m[1] })],
    [/prompt is too long: (\d+) tokens > (\d+)/, (m) => ({ promptTokens: +m[1], contextWindow: +m[2] })],
    [/decoder prompt \(length (\d+)\) is longer than the maximum model length of (\d+)/, (m) => ({ promptTokens: +m[1], contextWindow: +m[2] })],
    [
      /exceed_context_size_error|context_length_exceeded|prompt is longer than the context length|Context size has been exceeded|model_context_window_exceeded/i,
      () => ({}),
    ],
  ];
  for (const [re, pick] of rules) {
    const m = text.match(re);
    if (m) return pick(m);
  }
  return undefined;
}

type Rule = (f: ErrorFacts, c: ErrorContext) => ProviderError | undefined;

const make = (code: ProviderError['code'], message: string, c: ErrorContext, extra: Partial<ProviderError> = {}): ProviderError => ({
  code,
  message,
  url: c.url,
  ...extra,
});

/** Ordered: the first rule that answers wins. */
export const ERROR_RULES: { name: string; rule: Rule }[] = [
  { name: 'cancelled', rule: (f, c) => (f.aborted ? make('cancelled', `request to ${c.url} cancelled`, c) : undefined) },
  {
    // Node's fetch refuses some ports outright (e.g. 9, 25, 6000): nothing was even tried.
    name: 'blocked-port',
    rule: (f, c) =>
      /\bbad port\b/i.test(f.text)
        ? make('unreachable', `${c.url} uses a port Node's fetch refuses to connect to — run the server on another port`, c)
        : undefined,
  },
  {
    name: 'unreachable',
    rule: (f, c) =>
      (f.networkCode && NETWORK_DOWN.has(f.networkCode)) || (f.status === undefined && /ECONNREFUSED|fetch failed$|ENOTFOUND/.test(f.text) && !f.networkCode)
        ? make('unreachable', `no model server at ${c.url} — start one: ${SERVER_KINDS[c.kind].startHint}`, c)
        : undefined,
  },
  {
    name: 'prompt-too-long',
    rule: (f, c) => {
      const n = overflowNumbers(f.text);
      if (!n || (f.status !== undefined && f.status >= 500 && !/exceed|context/i.test(f.text))) return undefined;
      const sizes =
        n.promptTokens && n.contextWindow
          ? `${n.promptTokens} tokens > window ${n.contextWindow}`
          : n.contextWindow
            ? `window is ${n.contextWindow} tokens`
            : 'it exceeds the window';
      return make(
        'prompt_too_long',
        `prompt too long for ${c.model} at ${c.url} (${sizes}) — compact the conversation or load the model with a larger context`,
        c,
        n,
      );
    },
  },
  {
    name: 'no-tool-support',
    rule: (f, c) =>
      /does not support tools|tool choice requires --enable-auto-tool-choice|tools param requires --jinja|does not support (function|tool) call/i.test(f.text)
        ? make('no_tool_support', `${c.model} at ${c.url} refuses native tools — falling back to text tool calls`, c)
        : undefined,
  },
  {
    name: 'auth',
    rule: (f, c) =>
      f.status === 401 || f.status === 403 || /authentication_error|invalid api key|incorrect api key|permission_error/i.test(f.text)
        ? make('auth', `${c.url} rejected the API key (${f.status ?? 'auth'}) — check the key for ${SERVER_KINDS[c.kind].label}`, c)
        : undefined,
  },
  {
    name: 'model-not-found',
    rule: (f, c) => {
      const said = /model ['"`]?[^'"`\s]*['"`]? not found|model_not_found|does not exist/i.test(f.text);
      const is404 = f.status === 404 && /model/i.test(f.text);
      if (!is404 && !(said && f.status !== undefined && f.status < 500)) return undefined;
      const have = c.availableModels?.length ? ` — available: ${c.availableModels.slice(0, 8).join(', ')}${c.availableModels.length > 8 ? ', …' : ''}` : '';
      return make('model_not_found', `model '${c.model}' not found at ${c.url}${have}; ${SERVER_KINDS[c.kind].modelHint(c.model)}`, c, {
        availableModels: c.availableModels,
      });
    },
  },
  {
    // The connection dropped while the reply streamed (a crashed or restarted server, a proxy).
    name: 'cut',
    rule: (f, c) =>
      f.status === undefined && (f.networkCode === 'UND_ERR_SOCKET' || f.networkCode === 'ECONNRESET' || /other side closed|\bterminated\b/i.test(f.text))
        ? make('transient', `${c.url} closed the connection in the middle of the reply — retry, or check the server log`, c)
        : undefined,
  },
  {
    name: 'transient',
    rule: (f, c) =>
      (f.networkCode && NETWORK_FLAKY.has(f.networkCode)) ||
      f.status === 429 ||
      (f.status !== undefined && f.status >= 500) ||
      /socket hang up|ECONNRESET|other side closed|\bterminated\b|timed out|timeout/i.test(f.text)
        ? make('transient', `${c.url} failed (${f.status ?? f.networkCode ?? 'connection'}): ${serverMessage(f)} — retry, or check the server log`, c)
        : undefined,
  },
  {
    name: 'wrong-endpoint',
    rule: (f, c) =>
      f.status === 404
        ? make('bad_request', `${c.url} has no such endpoint (404) — check the base URL (expected ${SERVER_KINDS[c.kind].label})`, c)
        : undefined,
  },
  {
    name: 'bad-request',
    rule: (f, c) =>
      f.status !== undefined && f.status >= 400 ? make('bad_request', `${c.url} refused the request (${f.status}): ${serverMessage(f)}`, c) : undefined,
  },
  {
    // An error the server sent inside the stream (Ollama `{"error":…}` line, SSE error event).
    name: 'server-reported',
    rule: (f, c) =>
      f.status === undefined && !f.networkCode && !f.ownFault && f.text
        ? make('transient', `${c.url} reported an error: ${serverMessage(f)} — retry, or check the server log`, c)
        : undefined,
  },
];

export function classifyError(err: unknown, ctx: ErrorContext): ProviderError {
  if (err instanceof ProviderFailure) return err.error;
  const facts = errorFacts(err);
  for (const { rule } of ERROR_RULES) {
    const hit = rule(facts, ctx);
    if (hit) return hit;
  }
  // A library's parse error carries the raw chunk and a stack: say what happened in our words.
  const what = facts.ownFault && /JSON|Unexpected (token|end)|parse/i.test(facts.text) ? 'a streamed chunk was not valid JSON' : serverMessage(facts);
  return make(
    'protocol',
    `unreadable answer from ${ctx.url}: ${what} — check that the base URL points at a ${SERVER_KINDS[ctx.kind].label} server, or update the server`,
    ctx,
  );
}

/** A cut stream, a reset, a 5xx or 429, a stall mid-reply, an empty reply: worth asking again. */
export function isRetryable(error: ProviderError): boolean {
  return error.code === 'transient' || error.code === 'empty_reply';
}

/** The stream ended cleanly but before the server's own final message (Ollama's done:true). */
export function cutError(c: ErrorContext): ProviderError {
  return { code: 'transient', url: c.url, message: `${c.url} ended the reply before it was finished — retry, or check the server log` };
}
