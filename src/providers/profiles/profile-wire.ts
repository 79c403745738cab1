// A resolved profile in each server kind's own form: the sampling fields it accepts (Ollama
// `options`, OpenAI-compatible body fields, llama.cpp/vLLM extras), how it steers thinking, and a
// soft tag for the system prompt where nothing else works. Pure, and a function of the profile
// alone, so every request of a session carries the same fields and the prompt prefix never moves.
import { SERVER_KINDS } from '../server-kinds';
import type { ServerKind } from '../types';
import type { ChatMessage } from '../../types/messages';
import type { ToolMode, ToolModeSetting } from '../../types/tool-mode';
import type { ResolvedProfile, Sampling, ThinkingSetting } from './profile-types';

export interface SamplingWire {
  /** Sampling entries: Ollama `options`, or top-level OpenAI-compatible / Anthropic body fields. */
  fields: Record<string, unknown>;
  /** Other top-level body fields: Ollama `think`, `chat_template_kwargs`, `reasoning_effort`. */
  extras: Record<string, unknown>;
  /** Appended to the system prompt (Qwen3's /no_think where no switch exists). */
  systemSuffix?: string;
}

const FIELD: Record<keyof Sampling, string> = {
  temperature: 'temperature',
  topP: 'top_p',
  topK: 'top_k',
  minP: 'min_p',
  repeatPenalty: 'repeat_penalty',
  presencePenalty: 'presence_penalty',
};

const effortOf = (t: ThinkingSetting | undefined): 'low' | 'medium' | 'high' | undefined =>
  t === 'low' || t === 'medium' || t === 'high' ? t : t === 'off' ? 'low' : undefined;

export function samplingWire(kind: ServerKind, p: ResolvedProfile | undefined): SamplingWire {
  const out: SamplingWire = { fields: {}, extras: {} };
  if (!p) return out;
  const s = SERVER_KINDS[kind].sampling;
  const v = p.values;
  const accepted: Record<keyof Sampling, string | undefined> = {
    ...FIELD,
    topK: s.topK ? FIELD.topK : undefined,
    minP: s.minP ? FIELD.minP : undefined,
    repeatPenalty: s.repeatPenalty,
    presencePenalty: s.presencePenalty ? FIELD.presencePenalty : undefined,
  };
  for (const key of Object.keys(FIELD) as (keyof Sampling)[]) {
    const field = accepted[key];
    const value = v[key]?.value;
    if (field && value !== undefined) out.fields[field] = value;
  }
  if (v.stop?.value.length) out.fields[s.stopField] = v.stop.value;
  const thinking = v.thinking?.value;
  const control = p.thinking;
  if (control.kind === 'switch' && thinking) {
    const on = thinking !== 'off';
    if (s.thinkingSwitch === 'ollama-think') {
      if (p.thinkingCapable) out.extras.think = on;
    } else if (s.thinkingSwitch === 'template-kwargs') out.extras.chat_template_kwargs = { enable_thinking: on };
    else if (!on && control.noThinkTag) out.systemSuffix = control.noThinkTag;
  } else if (control.kind === 'effort') {
    const effort = effortOf(thinking);
    if (effort) {
      if (s.effort === 'ollama-think') {
        if (p.thinkingCapable) out.extras.think = effort;
      } else if (s.effort === 'template-kwargs') out.extras.chat_template_kwargs = { reasoning_effort: effort };
      else if (s.effort === 'reasoning-effort') out.extras.reasoning_effort = effort;
    }
  }
  return out;
}

/** The system prompt with the profile's soft tag, when the kind needs one. */
export function withSystemSuffix(messages: ChatMessage[], suffix: string | undefined): ChatMessage[] {
  if (!suffix) return messages;
  const i = messages.findIndex((m) => m.role === 'system');
  if (i < 0) return [{ role: 'system', content: suffix }, ...messages];
  const out = messages.slice();
  out[i] = { ...out[i], content: `${out[i].content}\n\n${suffix}` };
  return out;
}

/** The tool protocol a session uses: the user's SMALLCODE_TOOLS, or under `auto` the profile's
 * preference — native only where the server takes native tools. */
export function toolModeFor(setting: ToolModeSetting, info: { nativeTools: boolean; profile?: ResolvedProfile }): ToolMode {
  if (setting !== 'auto') return setting;
  return info.nativeTools && info.profile?.values.tools?.value === 'native' ? 'native' : 'text';
}
