// Exact prompt token counts where the server can tokenize: llama.cpp renders the chat template
// (/apply-template) then tokenizes it with BOS; vLLM tokenizes `messages` directly. The tools the
// request offers natively and the profile's template switches are rendered too, so the count is
// the prompt the chat request will really be (a real llama.cpp server: 802 without the tools vs
// 1,324 the server counted).
import { fetchJson, isDict } from './http-json';
import type { ProviderInfo } from './types';
import type { ChatMessage } from '../types/messages';
import type { ToolSpec } from '../types/tool-spec';
import { toOpenAiMessages, toWireTools } from './wire-messages';
import { samplingWire, withSystemSuffix } from './profiles/profile-wire';

export async function countTokensExactly(
  info: ProviderInfo,
  root: string,
  messages: ChatMessage[],
  signal?: AbortSignal,
  tools?: ToolSpec[],
): Promise<number | undefined> {
  try {
    const wire = samplingWire(info.kind, info.profile);
    const template = {
      messages: toOpenAiMessages(withSystemSuffix(messages, wire.systemSuffix)),
      ...(info.nativeTools && tools?.length ? { tools: toWireTools(tools) } : {}),
      ...(isDict(wire.extras.chat_template_kwargs) ? { chat_template_kwargs: wire.extras.chat_template_kwargs } : {}),
    };
    if (info.kind === 'llamacpp') {
      const tpl = await fetchJson(`${root}/apply-template`, { body: template, signal });
      const prompt = isDict(tpl.json) && typeof tpl.json.prompt === 'string' ? tpl.json.prompt : undefined;
      if (!tpl.ok || prompt === undefined) return undefined;
      const tok = await fetchJson(`${root}/tokenize`, { body: { content: prompt, add_special: true, with_pieces: false }, signal });
      return tok.ok && isDict(tok.json) && Array.isArray(tok.json.tokens) ? tok.json.tokens.length : undefined;
    }
    if (info.kind === 'vllm') {
      const res = await fetchJson(`${root}/tokenize`, { body: { model: info.model, ...template, add_generation_prompt: true }, signal });
      return res.ok && isDict(res.json) && typeof res.json.count === 'number' ? res.json.count : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
