// A scripted model server on 127.0.0.1 that speaks the real wire formats (Ollama NDJSON, OpenAI
// SSE in the llama.cpp / LM Studio / vLLM / OpenAI flavours, Anthropic SSE) to the real clients.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { anthropicChat, anthropicOverflow, anthropicRefusal, anthropicRoute } from './scripted-anthropic';
import { estimateCompletionTokens, estimatePromptTokens, sendJson } from './scripted-common';
import { ollamaChat, ollamaRefusal, ollamaRoute, type OllamaState } from './scripted-ollama';
import { openAiChat, openAiOverflow, openAiRefusal, openAiRoute, type OpenAiState } from './scripted-openai';
import type { ChatContext, RecordedRequest, ScriptedReply, ScriptedServer, ScriptedServerOptions } from './scripted-types';

export type { ChatContext, RecordedRequest, ScriptedReply, ScriptedServer, ScriptedServerOptions, ServerKind } from './scripted-types';

const CHAT_PATHS: Record<string, string> = {
  ollama: '/api/chat',
  llamacpp: '/v1/chat/completions',
  lmstudio: '/v1/chat/completions',
  vllm: '/v1/chat/completions',
  openai: '/v1/chat/completions',
  anthropic: '/v1/messages',
};

function isChatPath(path: string): boolean {
  return path === '/api/chat' || path === '/v1/chat/completions' || path === '/chat/completions' || path === '/v1/messages';
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function notFound(kind: string, method: string, path: string, res: http.ServerResponse): void {
  if (kind === 'ollama') sendJson(res, 404, '404 page not found');
  else sendJson(res, 404, { error: { code: 404, message: `File Not Found: ${method} ${path}`, type: 'not_found_error' } });
}

export function startScriptedServer(opts: ScriptedServerOptions): Promise<ScriptedServer> {
  const kind = opts.kind;
  const models = opts.models ?? ['test-model'];
  const contextWindow = opts.contextWindow ?? 32768;
  const nativeTools = opts.nativeTools ?? true;
  const ollama: OllamaState = {
    models,
    contextWindow,
    nativeTools,
    advertiseTools: opts.advertiseTools ?? nativeTools,
    loadedContext: opts.loadedContext,
    family: opts.family ?? 'qwen2',
    thinking: opts.thinking ?? false,
  };
  const openai: OpenAiState = {
    kind,
    models,
    contextWindow,
    nativeTools,
    jinja: opts.jinja ?? true,
    family: opts.family,
    chatTemplate: opts.chatTemplate,
    realLlamaCpp: kind === 'llamacpp' && opts.realLlamaCpp === true,
  };
  const anthropic = { models, contextWindow };
  const requests: RecordedRequest[] = [];
  let consumed = 0;
  let aborted = 0;

  const nextReply = (rec: RecordedRequest): ScriptedReply => {
    const index = consumed++;
    if (typeof opts.replies === 'function') return opts.replies(rec, index);
    return opts.replies[index] ?? { text: 'Done.' };
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0];
    const body = parseBody(await readBody(req));
    const rec: RecordedRequest = { method, path, headers: { ...req.headers }, body };
    requests.push(rec);
    res.on('close', () => {
      if (!res.writableFinished) aborted++;
    });
    const chatPath = CHAT_PATHS[kind];
    const isChat = method === 'POST' && (path === chatPath || (kind !== 'ollama' && kind !== 'anthropic' && path === '/chat/completions'));
    if (!isChat) {
      const handled =
        kind === 'ollama'
          ? ollamaRoute(method, path, body, ollama, res)
          : kind === 'anthropic'
            ? anthropicRoute(method, path, body, anthropic, res)
            : openAiRoute(method, path, body, openai, res);
      if (!handled) notFound(kind, method, path, res);
      return;
    }
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const refused =
      kind === 'ollama' ? ollamaRefusal(b, ollama, res) : kind === 'anthropic' ? anthropicRefusal(b, anthropic, res) : openAiRefusal(b, openai, res);
    if (refused) return;
    const reply = nextReply(rec);
    if (reply.httpError) return sendJson(res, reply.httpError.status, reply.httpError.body);
    const promptMessages =
      kind === 'anthropic' && b.system !== undefined ? [{ role: 'system', content: b.system }, ...((b.messages as unknown[]) ?? [])] : b.messages;
    const ctx: ChatContext = {
      kind,
      reply,
      body: b,
      model: typeof b.model === 'string' ? b.model : models[0],
      promptTokens: reply.promptTokens ?? estimatePromptTokens(promptMessages, b.tools),
      completionTokens: reply.completionTokens ?? estimateCompletionTokens(reply),
      contextWindow,
    };
    if (kind === 'ollama') return ollamaChat(ctx, ollama, res);
    if (kind === 'anthropic') return anthropicOverflow(ctx, res) ? undefined : anthropicChat(ctx, res);
    return openAiOverflow(ctx, res) ? undefined : openAiChat(ctx, res, openai.realLlamaCpp);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(err) });
      else res.destroy();
    });
  });
  return new Promise((resolve) => {
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        requests,
        chatRequests: () => requests.filter((r) => r.method === 'POST' && isChatPath(r.path)),
        get abortedRequests() {
          return aborted;
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
