// Ollama's native dialect for the scripted server: /api/chat NDJSON (whole tool calls with
// object arguments, ns metrics on the final line), /api/tags, /api/show, /api/ps, /api/version.
import type { ServerResponse } from 'node:http';
import { argumentsText, chunkText, faultAfterPiece, holdBeforeHeaders, PacedWriter, sendJson } from './scripted-common';
import type { ChatContext } from './scripted-types';

const DIGEST = 'a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72';

export interface OllamaState {
  models: string[];
  contextWindow: number;
  nativeTools: boolean;
  advertiseTools: boolean;
  loadedContext: number | null | undefined;
  /** details.family and general.architecture. */
  family: string;
  /** /api/show lists the 'thinking' capability. */
  thinking: boolean;
  /** The num_ctx of the last /api/chat request, as /api/ps reports it. */
  lastNumCtx?: number;
  lastModel?: string;
}

function details(family: string) {
  return { parent_model: '', format: 'gguf', family, families: [family], parameter_size: '7.6B', quantization_level: 'Q4_K_M' };
}

/** Answers an Ollama discovery route; false when the path is not one. */
export function ollamaRoute(method: string, path: string, body: unknown, state: OllamaState, res: ServerResponse): boolean {
  if (method === 'GET' && path === '/') {
    sendJson(res, 200, 'Ollama is running');
  } else if (method === 'GET' && path === '/api/version') {
    sendJson(res, 200, { version: '0.12.6' });
  } else if (method === 'GET' && path === '/api/tags') {
    sendJson(res, 200, {
      models: state.models.map((m) => ({
        name: m,
        model: m,
        modified_at: '2025-05-04T17:37:44.706015396-07:00',
        size: 4683087332,
        digest: DIGEST,
        details: details(state.family),
      })),
    });
  } else if (method === 'POST' && path === '/api/show') {
    const name = modelName((body as { model?: string; name?: string } | undefined) ?? {});
    if (!state.models.includes(name)) {
      sendJson(res, 404, { error: `model '${name}' not found` });
      return true;
    }
    sendJson(res, 200, {
      modelfile: `FROM ${name}`,
      parameters: 'stop "<|im_end|>"',
      template: '{{ .Prompt }}',
      details: details(state.family),
      model_info: { 'general.architecture': state.family, 'general.parameter_count': 7615616512, [`${state.family}.context_length`]: state.contextWindow },
      capabilities: ['completion', ...(state.advertiseTools ? ['tools'] : []), ...(state.thinking ? ['thinking'] : [])],
      modified_at: '2025-05-04T17:37:44.706015396-07:00',
    });
  } else if (method === 'GET' && path === '/api/ps') {
    const loaded = state.lastModel ?? state.models[0];
    const ctx = state.lastNumCtx ?? (state.loadedContext === undefined ? state.contextWindow : state.loadedContext);
    sendJson(res, 200, {
      models:
        ctx === null
          ? []
          : [
              {
                name: loaded,
                model: loaded,
                size: 5137025024,
                digest: DIGEST,
                details: details(state.family),
                expires_at: '2099-01-01T00:00:00Z',
                size_vram: 5137025024,
                context_length: ctx,
              },
            ],
    });
  } else if (method === 'GET' && path === '/v1/models') {
    sendJson(res, 200, { object: 'list', data: state.models.map((m) => ({ id: m, object: 'model', created: 1730000000, owned_by: 'library' })) });
  } else {
    return false;
  }
  return true;
}

export function modelName(body: { model?: unknown; name?: unknown }): string {
  const m = typeof body.model === 'string' ? body.model : typeof body.name === 'string' ? body.name : '';
  return m;
}

/** Pre-reply refusals of /api/chat (unknown model, tools without the capability). */
export function ollamaRefusal(body: Record<string, unknown>, state: OllamaState, res: ServerResponse): boolean {
  const name = modelName(body);
  if (!state.models.includes(name)) {
    sendJson(res, 404, { error: `model '${name}' not found` });
    return true;
  }
  const tools = body.tools;
  if (!state.nativeTools && Array.isArray(tools) && tools.length > 0) {
    sendJson(res, 400, { error: `registry.ollama.ai/library/${name} does not support tools` });
    return true;
  }
  return false;
}

function line(model: string, extra: Record<string, unknown>): string {
  return JSON.stringify({ model, created_at: new Date().toISOString(), ...extra }) + '\n';
}

/** Streams (or returns whole) one /api/chat answer. Over-long prompts: silent truncation to
 * ≈ num_ctx/2 by default, or the nested llama-server 400 when the request said truncate:false. */
export async function ollamaChat(ctx: ChatContext, state: OllamaState, res: ServerResponse): Promise<void> {
  const { reply, body, model } = ctx;
  const options = (body.options ?? {}) as { num_ctx?: unknown };
  const numCtx = typeof options.num_ctx === 'number' ? options.num_ctx : state.contextWindow;
  state.lastNumCtx = typeof options.num_ctx === 'number' ? options.num_ctx : state.lastNumCtx;
  state.lastModel = model;
  let promptEval = ctx.promptTokens;
  if (promptEval > numCtx) {
    if (body.truncate === false) {
      const inner = {
        error: {
          code: 400,
          message: `request (${promptEval} tokens) exceeds the available context size (${numCtx} tokens), try increasing it`,
          type: 'exceed_context_size_error',
        },
      };
      sendJson(res, 400, { error: JSON.stringify(inner) });
      return;
    }
    promptEval = numCtx - Math.floor((numCtx - 4) / 2);
  }
  const metrics = {
    total_duration: 1_000_000 + ctx.completionTokens * 10_000_000,
    load_duration: 1_000_000,
    prompt_eval_count: promptEval,
    prompt_eval_duration: promptEval * 100_000,
    eval_count: ctx.completionTokens,
    eval_duration: ctx.completionTokens * 10_000_000,
  };
  const toolCalls = (reply.toolCalls ?? []).map((c, i) => {
    const id = reply.toolIds ? reply.toolIds[i] : `call_${Math.random().toString(36).slice(2, 10)}`;
    return {
      ...(id === null || id === undefined ? {} : { id }),
      function: { index: i, name: c.name, arguments: typeof c.arguments === 'string' ? safeObject(c.arguments) : c.arguments },
    };
  });
  const doneReason = reply.finish ?? 'stop';
  if (body.stream === false) {
    const message: Record<string, unknown> = { role: 'assistant', content: reply.text ?? '' };
    if (reply.reasoning) message.thinking = reply.reasoning;
    if (toolCalls.length) message.tool_calls = toolCalls;
    sendJson(res, 200, JSON.parse(line(model, { message, done: true, done_reason: doneReason, ...metrics })));
    return;
  }
  if (await holdBeforeHeaders(reply, res)) return;
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  const w = new PacedWriter(res, reply.chunkDelayMs ?? 0);
  const pieces: string[] = [
    ...chunkText(reply.reasoning ?? '').map((t) => line(model, { message: { role: 'assistant', content: '', thinking: t }, done: false })),
    ...chunkText(reply.text ?? '').map((t) => line(model, { message: { role: 'assistant', content: t }, done: false })),
  ];
  if (toolCalls.length) pieces.push(line(model, { message: { role: 'assistant', content: '', tool_calls: toolCalls }, done: false }));
  if (pieces.length === 0) pieces.push(line(model, { message: { role: 'assistant', content: '' }, done: false }));
  for (let i = 0; i < pieces.length; i++) {
    if (!(await w.write(pieces[i]))) return;
    if (i === 0 && reply.hang) return w.hang();
    if (i === 0 && reply.midStreamError !== undefined) {
      await w.write(JSON.stringify({ error: reply.midStreamError }) + '\n');
      return w.end();
    }
    if (await faultAfterPiece(i, reply, w, `{"model":"${model}","message":{"role":"assistant","content":\n`)) return;
  }
  await w.write(line(model, { message: { role: 'assistant', content: '' }, done: true, done_reason: doneReason, ...metrics }));
  w.end();
}

/** Ollama sends object arguments; a scripted string that is not JSON goes through as { raw }. */
function safeObject(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  return { raw: argumentsText(text) };
}
