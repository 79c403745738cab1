// OpenAI-compatible dialects for the scripted server: /v1/chat/completions SSE (role chunk,
// content deltas, fragmented tool calls, finish + usage chunks) and each kind's extra routes.
import type { ServerResponse } from 'node:http';
import { argumentsText, chunkText, estimatePromptTokens, faultAfterPiece, holdBeforeHeaders, PacedWriter, sendJson } from './scripted-common';
import type { ChatContext, ServerKind } from './scripted-types';

export interface OpenAiState {
  kind: ServerKind;
  models: string[];
  contextWindow: number;
  nativeTools: boolean;
  /** llama.cpp: false = started with --no-jinja (any `tools` → HTTP 500). */
  jinja: boolean;
  /** LM Studio `arch`; llama.cpp /props chat_template. */
  family?: string;
  chatTemplate?: string;
  /** See ScriptedServerOptions.realLlamaCpp. */
  realLlamaCpp?: boolean;
}

/** What a real llama-server's /props adds (chat_template_caps says tools even under --no-jinja). */
export const REAL_PROPS = {
  total_slots: 4,
  build_info: 'b1-80fb11a',
  chat_template_caps: {
    supports_object_arguments: true,
    supports_parallel_tool_calls: true,
    supports_preserve_reasoning: false,
    supports_reasoning_effort: false,
    supports_string_content: true,
    supports_system_role: true,
    supports_tool_calls: true,
    supports_tools: true,
    supports_typed_content: false,
  },
};

/** Argument fragments as a real llama-server streams them: `{` first (with the id and name),
 * then 1-3 characters at a time, with the whitespace its tool-call grammar allows before keys
 * and values. Concatenated they parse to the same arguments. */
export function realArgumentFragments(args: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(args);
  } catch {
    return chunkText(args);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return chunkText(args);
  const pairs = Object.entries(parsed as Record<string, unknown>).map(
    ([k, v], i) => `${i === 0 ? '\n    \t' : ' '}${JSON.stringify(k)}:\n       \t${JSON.stringify(v)}`,
  );
  const body = `${pairs.join(',')}}`;
  const out = ['{'];
  for (let i = 0, n = 0; i < body.length; n++) {
    const ws = /^\s+/.exec(body.slice(i))?.[0] ?? '';
    const len = ws.length + 1 + (n % 3);
    out.push(body.slice(i, i + len));
    i += len;
  }
  return out;
}

const NO_JINJA = { error: { code: 500, message: 'tools param requires --jinja flag', type: 'server_error' } };
const hasTools = (body: Record<string, unknown>) => Array.isArray(body.tools) && body.tools.length > 0;

const approxTokens = (text: string) => Math.ceil(text.length / 4);

/** ChatML as Qwen's template renders it: tools, when given, go into the system turn. */
function renderChatMl(messages: unknown, tools: unknown): string {
  const list = Array.isArray(messages) ? (messages as { role?: string; content?: unknown }[]) : [];
  const toolBlock =
    Array.isArray(tools) && tools.length ? `<|im_start|>system\n# Tools\n<tools>\n${tools.map((t) => JSON.stringify(t)).join('\n')}\n</tools><|im_end|>\n` : '';
  return (
    toolBlock +
    list.map((m) => `<|im_start|>${m.role}\n${typeof m.content === 'string' ? m.content : JSON.stringify(m.content ?? '')}<|im_end|>\n`).join('') +
    '<|im_start|>assistant\n'
  );
}

/** Answers a kind's discovery/tokenizer route; false when the path is not one. */
export function openAiRoute(method: string, path: string, body: unknown, s: OpenAiState, res: ServerResponse): boolean {
  const b = (body ?? {}) as Record<string, unknown>;
  if (method === 'GET' && path === '/v1/models') {
    const data = s.models.map((id) => {
      const base = {
        id,
        object: 'model',
        created: 1730000000,
        owned_by: s.kind === 'llamacpp' ? 'llamacpp' : s.kind === 'vllm' ? 'vllm' : 'organization-owner',
      };
      if (s.kind === 'llamacpp')
        return { ...base, meta: { n_ctx_train: Math.max(s.contextWindow, 131072), n_vocab: 151936, n_params: 7615616512, size: 4683087332 } };
      if (s.kind === 'vllm') return { ...base, root: id, parent: null, max_model_len: s.contextWindow };
      return base;
    });
    sendJson(res, 200, { object: 'list', data });
    return true;
  }
  if (s.kind === 'llamacpp') {
    if (method === 'GET' && (path === '/health' || path === '/v1/health')) sendJson(res, 200, { status: 'ok' });
    else if (method === 'GET' && path === '/props')
      sendJson(res, 200, {
        default_generation_settings: { n_ctx: s.contextWindow, params: { n_predict: -1, temperature: 0.8 } },
        total_slots: 1,
        model_path: `/models/${s.models[0]}.gguf`,
        chat_template: s.chatTemplate ?? '{% for message in messages %}…{% endfor %}',
        // A real server reports these even when started with --no-jinja.
        chat_template_caps: { supports_tools: true, supports_tool_calls: true, supports_parallel_tool_calls: true, supports_system_role: true },
        modalities: { vision: false, audio: false },
        build_info: 'b6000-scripted',
        ...(s.realLlamaCpp ? REAL_PROPS : {}),
      });
    else if (method === 'POST' && path === '/apply-template') {
      if (!s.jinja && hasTools(b)) sendJson(res, 500, NO_JINJA);
      else sendJson(res, 200, { prompt: renderChatMl(b.messages, b.tools) });
    } else if (method === 'POST' && path === '/tokenize') {
      const content = typeof b.content === 'string' ? b.content : '';
      const n = approxTokens(content) + (b.add_special === true ? 1 : 0);
      sendJson(res, 200, { tokens: Array.from({ length: n }, (_, i) => 100 + i) });
    } else return false;
    return true;
  }
  if (s.kind === 'vllm') {
    if (method === 'GET' && path === '/health') sendJson(res, 200, '');
    else if (method === 'POST' && path === '/tokenize') {
      const count = b.messages !== undefined ? estimatePromptTokens(b.messages, b.tools) : approxTokens(typeof b.prompt === 'string' ? b.prompt : '');
      sendJson(res, 200, { count, max_model_len: s.contextWindow, tokens: Array.from({ length: count }, (_, i) => 100 + i) });
    } else return false;
    return true;
  }
  if (s.kind === 'lmstudio') {
    if (method === 'GET' && path === '/api/v0/models') {
      sendJson(res, 200, {
        object: 'list',
        data: s.models.map((id) => ({
          id,
          object: 'model',
          type: 'llm',
          publisher: 'lmstudio-community',
          arch: s.family ?? 'qwen2',
          compatibility_type: 'gguf',
          quantization: 'Q4_K_M',
          state: 'loaded',
          max_context_length: Math.max(s.contextWindow, 131072),
          loaded_context_length: s.contextWindow,
          capabilities: ['tool_use'],
        })),
      });
      return true;
    }
    // LM Studio answers unknown routes with 200 and an error body.
    sendJson(res, 200, { error: `Unexpected endpoint or method. (${method} ${path})` });
    return true;
  }
  return false;
}

/** Pre-reply refusals: unknown model, tools the server cannot take. */
export function openAiRefusal(body: Record<string, unknown>, s: OpenAiState, res: ServerResponse): boolean {
  const model = typeof body.model === 'string' ? body.model : '';
  const tools = hasTools(body);
  if (s.kind === 'llamacpp' && !s.jinja && tools) {
    sendJson(res, 500, NO_JINJA);
    return true;
  }
  if (s.kind !== 'llamacpp' && !s.models.includes(model)) {
    if (s.kind === 'vllm') sendJson(res, 404, { error: { message: `The model \`${model}\` does not exist.`, type: 'NotFoundError', param: null, code: 404 } });
    else if (s.kind === 'lmstudio')
      sendJson(res, 404, {
        error: { message: `Model "${model}" not found. Please specify a valid model.`, type: 'invalid_request_error', param: 'model', code: 'model_not_found' },
      });
    else
      sendJson(res, 404, {
        error: {
          message: `The model \`${model}\` does not exist or you do not have access to it.`,
          type: 'invalid_request_error',
          param: null,
          code: 'model_not_found',
        },
      });
    return true;
  }
  if (s.kind === 'vllm' && !s.nativeTools && tools && body.tool_choice !== 'none') {
    sendJson(res, 400, {
      error: {
        message: '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set',
        type: 'BadRequestError',
        param: null,
        code: 400,
      },
    });
    return true;
  }
  return false;
}

/** The kind's real 400 for an over-long prompt, or false when it fits. */
export function openAiOverflow(ctx: ChatContext, res: ServerResponse): boolean {
  const maxTokens = typeof ctx.body.max_tokens === 'number' ? ctx.body.max_tokens : 0;
  const n = ctx.promptTokens;
  const win = ctx.contextWindow;
  if (ctx.kind === 'vllm') {
    if (n + maxTokens <= win) return false;
    sendJson(res, 400, {
      error: {
        message: `This model's maximum context length is ${win} tokens. However, you requested ${maxTokens} output tokens and your prompt contains at least ${n} input tokens, for a total of at least ${n + maxTokens} tokens. Please reduce the length of the input prompt or the number of requested output tokens.`,
        type: 'BadRequestError',
        param: null,
        code: 400,
      },
    });
    return true;
  }
  if (n <= win) return false;
  if (ctx.kind === 'llamacpp')
    sendJson(res, 400, {
      error: {
        code: 400,
        message: `request (${n} tokens) exceeds the available context size (${win} tokens), try increasing it`,
        type: 'exceed_context_size_error',
        n_prompt_tokens: n,
        n_ctx: win,
      },
    });
  else if (ctx.kind === 'lmstudio')
    sendJson(res, 400, {
      error: `The number of tokens to keep from the initial prompt is greater than the context length (n_keep: ${n}>= n_ctx: ${win}). Try to load the model with a larger context length, or provide a shorter input.`,
    });
  else
    sendJson(res, 400, {
      error: {
        message: `This model's maximum context length is ${win} tokens. However, your messages resulted in ${n} tokens. Please reduce the length of the messages.`,
        type: 'invalid_request_error',
        param: 'messages',
        code: 'context_length_exceeded',
      },
    });
  return true;
}

function toolId(kind: ServerKind, i: number, real = false): string {
  const rnd = Math.random().toString(36).slice(2, 12);
  if (real) return Array.from({ length: 32 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 62)]).join('');
  if (kind === 'lmstudio') return String(300000000 + Math.floor(Math.random() * 600000000) + i);
  if (kind === 'vllm') return `chatcmpl-tool-${rnd}`;
  return `call_${rnd}`;
}

/** Streams (or returns whole) one /v1/chat/completions answer in the kind's dialect. */
export async function openAiChat(ctx: ChatContext, res: ServerResponse, real = false): Promise<void> {
  const { reply, kind, model } = ctx;
  const id = `chatcmpl-${Math.random().toString(36).slice(2, 14)}`;
  const created = Math.floor(Date.now() / 1000);
  const reasoningKey = 'reasoning_content';
  const calls = (reply.toolCalls ?? []).map((c, i) => ({ id: reply.toolIds?.[i] ?? toolId(kind, i, real), name: c.name, args: argumentsText(c.arguments) }));
  const finish = reply.finish === 'length' ? 'length' : calls.length ? 'tool_calls' : (reply.finish ?? 'stop');
  const usage = { prompt_tokens: ctx.promptTokens, completion_tokens: ctx.completionTokens, total_tokens: ctx.promptTokens + ctx.completionTokens };
  const cacheN = Math.min(ctx.reply.cachedPromptTokens ?? 0, ctx.promptTokens);
  const timings = {
    cache_n: cacheN,
    prompt_n: ctx.promptTokens - cacheN,
    prompt_ms: ctx.promptTokens * 0.1,
    predicted_n: ctx.completionTokens,
    predicted_ms: ctx.completionTokens * 10,
    predicted_per_second: 100,
  };
  if (ctx.body.stream !== true) {
    const message: Record<string, unknown> = { role: 'assistant', content: reply.text ?? (calls.length ? null : '') };
    if (reply.reasoning) message[reasoningKey] = reply.reasoning;
    if (calls.length) message.tool_calls = calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.args } }));
    const out: Record<string, unknown> = {
      id,
      object: 'chat.completion',
      created,
      model,
      choices: [{ index: 0, message, finish_reason: finish, logprobs: null }],
      usage,
    };
    if (kind === 'llamacpp') out.timings = timings;
    sendJson(res, 200, out);
    return;
  }
  if (await holdBeforeHeaders(reply, res)) return;
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const w = new PacedWriter(res, reply.chunkDelayMs ?? 0);
  const frame = (delta: Record<string, unknown>, finishReason: string | null = null, extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: `fp_${kind}`, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }], ...extra })}\n\n`;
  const pieces: string[] = [];
  const firstText = chunkText(reply.text ?? '');
  pieces.push(frame({ role: 'assistant', content: firstText.length ? firstText.shift() : null }));
  for (const t of chunkText(reply.reasoning ?? '')) pieces.push(frame({ [reasoningKey]: t }));
  for (const t of firstText) pieces.push(frame({ content: t }));
  calls.forEach((c, index) => {
    if (real) {
      const [first, ...rest] = realArgumentFragments(c.args);
      pieces.push(frame({ tool_calls: [{ index, id: c.id, type: 'function', function: { name: c.name, arguments: first } }] }));
      for (const frag of rest) pieces.push(frame({ tool_calls: [{ index, function: { arguments: frag } }] }));
      return;
    }
    pieces.push(frame({ tool_calls: [{ index, id: c.id, type: 'function', function: { name: c.name, arguments: '' } }] }));
    for (const frag of chunkText(c.args)) pieces.push(frame({ tool_calls: [{ index, function: { arguments: frag } }] }));
  });
  if (reply.errorAfterGeneration !== undefined) {
    // llama.cpp: the generation ran to the end, then its output failed to parse.
    pieces.push(`data: ${JSON.stringify({ error: { code: 500, message: reply.errorAfterGeneration, type: 'server_error' } })}\n\n`);
    for (const piece of pieces) if (!(await w.write(piece))) return;
    return w.end();
  }
  const q = reply.sseQuirks ?? {};
  const includeUsage = (ctx.body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
  const finishExtra = { ...(kind === 'llamacpp' && !includeUsage ? { timings } : {}), ...(q.usageOnFinish ? { usage } : {}) };
  if (!q.noFinishChunk) pieces.push(frame({}, finish, finishExtra));
  if (includeUsage && !q.usageOnFinish) {
    const last: Record<string, unknown> = { id, object: 'chat.completion.chunk', created, model, choices: [], usage };
    if (kind === 'llamacpp') last.timings = timings;
    pieces.push(`data: ${JSON.stringify(last)}\n\n`);
  }
  if (!q.noDone) pieces.push('data: [DONE]\n\n');
  if (q.ping) for (let i = pieces.length - 1; i > 0; i -= 2) pieces.splice(i, 0, ': ping\n\n');
  for (let i = 0; i < pieces.length; i++) {
    if (!(await w.write(pieces[i]))) return;
    if (i === 0 && reply.hang) return w.hang();
    if (i === 0 && reply.midStreamError !== undefined) {
      await w.write(`data: ${JSON.stringify({ error: { message: reply.midStreamError, type: 'server_error', code: 500 } })}\n\n`);
      return w.end();
    }
    if (await faultAfterPiece(i, reply, w, `data: {"id":"${id}","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"un\n\n`)) return;
  }
  w.end();
}
