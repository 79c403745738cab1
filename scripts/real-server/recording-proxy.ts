// A recording HTTP proxy between SmallCode and llama-server: the test's boundary. It keeps every
// exchange (the body SmallCode sent, the body forwarded, the raw response), may rewrite chat
// requests (to steer a random model through the server's own grammar) and may cut a response
// mid-stream by closing the connection, as a dropped network or a crashed server would.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Json = Record<string, unknown>;

export interface Exchange {
  method: string;
  path: string;
  /** What the client sent (parsed JSON, or undefined when empty / not JSON). */
  sent?: Json;
  /** What went to the server (differs from `sent` only when a rewrite applied). */
  forwarded?: Json;
  status: number;
  /** The response body as far as the client received it. */
  response: string;
  /** The proxy closed the connection before the response ended. */
  cut: boolean;
  /** The server that answered (origin). */
  upstream?: string;
}

export interface ProxyOptions {
  upstream: string;
  /** Rewrites a POST /v1/chat/completions body; `index` counts chat requests from 0. */
  rewriteChat?: (body: Json, index: number) => Json;
  /** For chat request `index`: another server to send it to (e.g. one whose model is broken). */
  routeChat?: (index: number) => string | undefined;
  /** For chat request `index`: close the connection after this many SSE events, or undefined. */
  cutAfterEvents?: (index: number) => number | undefined;
}

export interface RecordingProxy {
  url: string;
  exchanges: Exchange[];
  chats(): Exchange[];
  close(): Promise<void>;
}

const isChat = (method: string, path: string) => method === 'POST' && (path === '/v1/chat/completions' || path === '/chat/completions');

function readAll(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

function parse(buf: Buffer): Json | undefined {
  try {
    const v: unknown = JSON.parse(buf.toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** The `data:` payloads of an SSE text, parsed (non-JSON payloads such as [DONE] skipped). */
export function sseEvents(text: string): Json[] {
  const out: Json[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    const data = block
      .split(/\r?\n/)
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).trim())
      .join('\n');
    if (!data || data === '[DONE]') continue;
    const v = parse(Buffer.from(data));
    if (v) out.push(v);
  }
  return out;
}

export function startRecordingProxy(o: ProxyOptions): Promise<RecordingProxy> {
  const exchanges: Exchange[] = [];
  const target = new URL(o.upstream);
  let chatIndex = 0;
  const server = http.createServer((req, res) => {
    void (async () => {
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      const raw = await readAll(req);
      const sent = parse(raw);
      const chat = isChat(method, path.split('?')[0]);
      const index = chat ? chatIndex++ : -1;
      const forwarded = chat && sent && o.rewriteChat ? o.rewriteChat(structuredClone(sent), index) : sent;
      const body = forwarded && forwarded !== sent ? Buffer.from(JSON.stringify(forwarded)) : raw;
      const ex: Exchange = { method, path, sent, forwarded, status: 0, response: '', cut: false };
      exchanges.push(ex);
      const cutAt = chat ? o.cutAfterEvents?.(index) : undefined;
      const routed = chat ? o.routeChat?.(index) : undefined;
      const to = routed ? new URL(routed) : target;
      ex.upstream = to.origin;
      const headers = { ...req.headers, host: to.host, 'content-length': String(body.length) };
      // A fresh connection per request: a pooled keep-alive socket the server has just closed
      // would fail as "socket hang up", a fault of the proxy, not of either side.
      const up = http.request({ host: to.hostname, port: to.port, method, path, headers, agent: false }, (upRes) => {
        ex.status = upRes.statusCode ?? 0;
        res.writeHead(ex.status, upRes.headers);
        let events = 0;
        upRes.on('data', (c: Buffer) => {
          if (ex.cut) return;
          let text = c.toString('utf8');
          if (cutAt !== undefined) {
            // Forward whole events up to the cut, then drop the connection.
            let i = 0;
            while (events < cutAt && (i = text.indexOf('\n\n', i)) >= 0) {
              events++;
              i += 2;
              if (events === cutAt) {
                text = text.slice(0, i);
                ex.cut = true;
              }
            }
          }
          ex.response += text;
          res.write(text);
          if (ex.cut) {
            up.destroy();
            res.socket?.destroy();
          }
        });
        upRes.on('end', () => res.end());
        upRes.on('error', () => res.destroy());
      });
      up.on('error', (e) => {
        if (ex.cut) return;
        ex.response += `\n[proxy: upstream error ${e.message}]`;
        if (!res.headersSent) {
          ex.status = 502;
          res.writeHead(502, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { message: `proxy: ${e.message}` } }));
        } else res.destroy();
      });
      // The client went away (e.g. SmallCode cancelled): let the server see it too.
      res.on('close', () => {
        if (!res.writableFinished) up.destroy();
      });
      up.end(body);
    })().catch(() => res.destroy());
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        exchanges,
        chats: () => exchanges.filter((e) => isChat(e.method, e.path.split('?')[0])),
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
