// Anthropic Messages dialect for the scripted server: /v1/messages SSE with named events
// (message_start, content blocks with text/thinking/input_json deltas, ping, message_delta).
import type { ServerResponse } from 'node:http';
import { argumentsText, chunkText, estimatePromptTokens, faultAfterPiece, holdBeforeHeaders, PacedWriter, sendJson } from './scripted-common';
import type { ChatContext } from './scripted-types';

export interface AnthropicState {
  models: string[];
  contextWindow: number;
}

const errorBody = (type: string, message: string) => ({ type: 'error', error: { type, message } });

export function anthropicRoute(method: string, path: string, body: unknown, s: AnthropicState, res: ServerResponse): boolean {
  if (method === 'GET' && path === '/v1/models') {
    sendJson(res, 200, {
      data: s.models.map((id) => ({ type: 'model', id, display_name: id, created_at: '2025-01-01T00:00:00Z' })),
      has_more: false,
      first_id: s.models[0],
      last_id: s.models[s.models.length - 1],
    });
    return true;
  }
  if (method === 'POST' && path === '/v1/messages/count_tokens') {
    const b = (body ?? {}) as Record<string, unknown>;
    sendJson(res, 200, { input_tokens: estimatePromptTokens(b.messages, b.tools) });
    return true;
  }
  return false;
}

export function anthropicRefusal(body: Record<string, unknown>, s: AnthropicState, res: ServerResponse): boolean {
  const model = typeof body.model === 'string' ? body.model : '';
  if (!s.models.includes(model)) {
    sendJson(res, 404, errorBody('not_found_error', `model: ${model}`));
    return true;
  }
  return false;
}

export function anthropicOverflow(ctx: ChatContext, res: ServerResponse): boolean {
  if (ctx.promptTokens <= ctx.contextWindow) return false;
  sendJson(res, 400, errorBody('invalid_request_error', `prompt is too long: ${ctx.promptTokens} tokens > ${ctx.contextWindow} maximum`));
  return true;
}

/** Streams (or returns whole) one /v1/messages answer. */
export async function anthropicChat(ctx: ChatContext, res: ServerResponse): Promise<void> {
  const { reply, model } = ctx;
  const id = `msg_${Math.random().toString(36).slice(2, 14)}`;
  const calls = (reply.toolCalls ?? []).map((c) => ({
    id: `toolu_${Math.random().toString(36).slice(2, 14)}`,
    name: c.name,
    args: argumentsText(c.arguments),
  }));
  const stopReason = reply.finish === 'length' ? 'max_tokens' : calls.length ? 'tool_use' : 'end_turn';
  const usageIn = { input_tokens: ctx.promptTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
  if (ctx.body.stream !== true) {
    const content: unknown[] = [];
    if (reply.reasoning) content.push({ type: 'thinking', thinking: reply.reasoning, signature: 'sig' });
    if (reply.text) content.push({ type: 'text', text: reply.text });
    for (const c of calls) content.push({ type: 'tool_use', id: c.id, name: c.name, input: parseOr(c.args) });
    sendJson(res, 200, {
      id,
      type: 'message',
      role: 'assistant',
      model,
      content,
      stop_reason: stopReason,
      stop_sequence: null,
      usage: { ...usageIn, output_tokens: ctx.completionTokens },
    });
    return;
  }
  if (await holdBeforeHeaders(reply, res)) return;
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const w = new PacedWriter(res, reply.chunkDelayMs ?? 0);
  const ev = (data: { type: string } & Record<string, unknown>) => `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
  const pieces: string[] = [];
  const head = ev({
    type: 'message_start',
    message: { id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { ...usageIn, output_tokens: 1 } },
  });
  let index = 0;
  const block = (start: Record<string, unknown>, deltas: Record<string, unknown>[]) => {
    pieces.push(ev({ type: 'content_block_start', index, content_block: start }));
    for (const delta of deltas) pieces.push(ev({ type: 'content_block_delta', index, delta }));
    pieces.push(ev({ type: 'content_block_stop', index }));
    index++;
  };
  if (reply.reasoning)
    block({ type: 'thinking', thinking: '', signature: '' }, [
      ...chunkText(reply.reasoning).map((t) => ({ type: 'thinking_delta', thinking: t })),
      { type: 'signature_delta', signature: 'sig' },
    ]);
  if (reply.text)
    block(
      { type: 'text', text: '' },
      chunkText(reply.text).map((t) => ({ type: 'text_delta', text: t })),
    );
  for (const c of calls)
    block({ type: 'tool_use', id: c.id, name: c.name, input: {} }, [
      { type: 'input_json_delta', partial_json: '' },
      ...chunkText(c.args).map((p) => ({ type: 'input_json_delta', partial_json: p })),
    ]);
  if (pieces.length > 1) pieces.splice(1, 0, ev({ type: 'ping' }));
  pieces.push(
    ev({ type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { ...usageIn, output_tokens: ctx.completionTokens } }),
  );
  pieces.push(ev({ type: 'message_stop' }));
  // The "first chunk" is message_start plus everything up to the first delta.
  const firstDelta = pieces.findIndex((p) => p.startsWith('event: content_block_delta'));
  const lead = firstDelta >= 0 ? firstDelta + 1 : 1;
  const all = [head + pieces.slice(0, lead).join(''), ...pieces.slice(lead)];
  for (let i = 0; i < all.length; i++) {
    if (!(await w.write(all[i]))) return;
    if (i === 0 && reply.hang) return w.hang();
    if (i === 0 && reply.midStreamError !== undefined) {
      await w.write(ev(errorBody('overloaded_error', reply.midStreamError)));
      return w.end();
    }
    if (await faultAfterPiece(i, reply, w, 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_de\n\n')) return;
  }
  w.end();
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { raw: text };
  }
}
