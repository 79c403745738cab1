// Exact prompt token counts where the server can tokenize: llama.cpp renders the chat template
// (/apply-template) then tokenizes it with BOS; vLLM tokenizes `messages` directly.
import { fetchJson, isDict } from './http-json';
import type { ProviderInfo } from './types';
import type { ChatMessage } from '../types/messages';
import { toOpenAiMessages } from './wire-messages';

export async function countTokensExactly(info: ProviderInfo, root: string, messages: ChatMessage[], signal?: AbortSignal): Promise<number | undefined> {
  try {
    const wire = toOpenAiMessages(messages);
    if (info.kind === 'llamacpp') {
      const tpl = await fetchJson(`${root}/apply-template`, { body: { messages: wire }, signal });
      const prompt = isDict(tpl.json) && typeof tpl.json.prompt === 'string' ? tpl.json.prompt : undefined;
      if (!tpl.ok || prompt === undefined) return undefined;
      const tok = await fetchJson(`${root}/tokenize`, { body: { content: prompt, add_special: true, with_pieces: false }, signal });
      return tok.ok && isDict(tok.json) && Array.isArray(tok.json.tokens) ? tok.json.tokens.length : undefined;
    }
    if (info.kind === 'vllm') {
      const res = await fetchJson(`${root}/tokenize`, { body: { model: info.model, messages: wire, add_generation_prompt: true }, signal });
      return res.ok && isDict(res.json) && typeof res.json.count === 'number' ? res.json.count : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
