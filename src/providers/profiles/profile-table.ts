// The built-in model profiles: one row per family, with the sampling its authors recommend and
// where that figure comes from. Order matters: the first row whose rule matches wins, so the
// specific families (Qwen3-Coder, a Qwen3 2507 variant, an R1 distill of Qwen3) come first.
import type { ModelProfile } from './profile-types';

const QWEN3_NON_THINKING = { temperature: 0.7, topP: 0.8, topK: 20, minP: 0 };
const QWEN3_THINKING = { temperature: 0.6, topP: 0.95, topK: 20, minP: 0 };

export const MODEL_PROFILES: readonly ModelProfile[] = [
  {
    id: 'qwen3-coder',
    name: 'Qwen3-Coder',
    names: [/qwen3[-_.]?coder/],
    templates: [['<function=', '<parameter=']],
    values: { temperature: 0.7, topP: 0.8, topK: 20, repeatPenalty: 1.05, tools: 'native' },
    // Non-thinking only; trained on its own XML call format, which the servers' parsers read.
    thinking: { kind: 'none' },
    source: 'https://huggingface.co/Qwen/Qwen3-Coder-30B-A3B-Instruct (Best Practices)',
    endOfTurn: '<|im_end|>',
  },
  {
    id: 'qwen3.5',
    name: 'Qwen3.5 / Qwen3.6',
    names: [/qwen3\.[5-9]/],
    families: ['qwen35', 'qwen35moe'],
    values: { ...QWEN3_NON_THINKING, presencePenalty: 1.5, tools: 'text', thinking: 'off' },
    thinkingValues: { temperature: 0.6, topP: 0.95, topK: 20, minP: 0, presencePenalty: 0 },
    // Thinks by default; the template's enable_thinking switch turns it off (no /no_think tag).
    thinking: { kind: 'switch' },
    source: 'https://huggingface.co/Qwen/Qwen3.5-9B (Best Practices: instruct / thinking-for-coding sets)',
    endOfTurn: '<|im_end|>',
  },
  {
    id: 'deepseek-r1',
    name: 'DeepSeek-R1 (and its distills)',
    names: [/deepseek[-_]?r1/],
    values: { temperature: 0.6, topP: 0.95, tools: 'text' },
    thinking: { kind: 'always' },
    source: 'https://huggingface.co/deepseek-ai/DeepSeek-R1 (Usage Recommendations: temperature 0.5–0.7, 0.6 recommended)',
  },
  {
    id: 'qwen3-thinking',
    name: 'Qwen3 Thinking-2507',
    names: [/qwen3.*thinking/],
    values: { ...QWEN3_THINKING, tools: 'text' },
    thinking: { kind: 'always' },
    source: 'https://huggingface.co/Qwen/Qwen3-30B-A3B-Thinking-2507 (Best Practices)',
    endOfTurn: '<|im_end|>',
  },
  {
    id: 'qwen3-instruct',
    name: 'Qwen3 Instruct-2507',
    names: [/qwen3.*instruct[-_]?2507/],
    values: { ...QWEN3_NON_THINKING, tools: 'text' },
    thinking: { kind: 'none' },
    source: 'https://huggingface.co/Qwen/Qwen3-30B-A3B-Instruct-2507 (Best Practices)',
    endOfTurn: '<|im_end|>',
  },
  {
    id: 'qwen3',
    name: 'Qwen3',
    names: [/qwen3/],
    templates: [['enable_thinking', '<|im_start|>']],
    families: ['qwen3', 'qwen3moe'],
    // Thinking swallows planned tool calls or returns empty replies (Ollama #10976, QwenLM/Qwen3
    // #1817): off by default, with the card's non-thinking set.
    values: { ...QWEN3_NON_THINKING, tools: 'text', thinking: 'off' },
    thinkingValues: QWEN3_THINKING,
    thinking: { kind: 'switch', noThinkTag: '/no_think' },
    source: 'https://huggingface.co/Qwen/Qwen3-8B (Best Practices; /think and /no_think soft switch)',
    endOfTurn: '<|im_end|>',
  },
  {
    id: 'qwen2.5-coder',
    name: 'Qwen2.5-Coder',
    names: [/qwen2\.?5[-_.]?coder/],
    values: { temperature: 0.7, topP: 0.8, topK: 20, repeatPenalty: 1.1, tools: 'text' },
    thinking: { kind: 'none' },
    source: 'https://huggingface.co/Qwen/Qwen2.5-Coder-7B-Instruct/blob/main/generation_config.json',
    endOfTurn: '<|im_end|>',
  },
  {
    id: 'qwen2.5',
    name: 'Qwen2.5',
    names: [/qwen2\.?5/],
    families: ['qwen2'],
    values: { temperature: 0.7, topP: 0.8, topK: 20, repeatPenalty: 1.05, tools: 'text' },
    thinking: { kind: 'none' },
    source: 'https://huggingface.co/Qwen/Qwen2.5-7B-Instruct/blob/main/generation_config.json',
    endOfTurn: '<|im_end|>',
  },
  {
    id: 'gpt-oss',
    name: 'gpt-oss (Harmony)',
    names: [/gpt[-_]?oss/],
    templates: [['<|channel|>']],
    families: ['gptoss', 'gpt-oss'],
    // Harmony's channels clash with a text tool protocol; native calls are what it was trained on.
    // It always reasons: effort low keeps the analysis channel short on local hardware.
    values: { temperature: 1, topP: 1, tools: 'native', thinking: 'low' },
    thinking: { kind: 'effort' },
    source: 'https://github.com/openai/gpt-oss#recommended-sampling-parameters ("temperature=1.0 and top_p=1.0")',
    endOfTurn: '<|return|>',
  },
  {
    id: 'devstral',
    name: 'Devstral',
    names: [/devstral/],
    values: { temperature: 0.15, tools: 'text' },
    thinking: { kind: 'none' },
    source:
      'https://huggingface.co/mistralai/Mistral-Small-3.1-24B-Instruct-2503 (Devstral is fine-tuned from it: "a relatively low temperature, such as temperature=0.15")',
    endOfTurn: '</s>',
  },
  {
    id: 'mistral-small',
    name: 'Mistral Small 3.x',
    names: [/mistral[-_]?small/],
    templates: [['[SYSTEM_PROMPT]', '[TOOL_CALLS]']],
    families: ['mistral3'],
    values: { temperature: 0.15, tools: 'text' },
    thinking: { kind: 'none' },
    source: 'https://huggingface.co/mistralai/Mistral-Small-3.2-24B-Instruct-2506 ("a relatively low temperature, such as temperature=0.15")',
    endOfTurn: '</s>',
  },
  {
    id: 'gemma4',
    name: 'Gemma 4',
    names: [/gemma[-_]?4/],
    families: ['gemma4'],
    values: { temperature: 1, topP: 0.95, topK: 64, tools: 'text' },
    thinking: { kind: 'none' },
    source: 'https://ai.google.dev/gemma/docs/core/model_card_4 (one sampling configuration for all use cases)',
    endOfTurn: '<end_of_turn>',
  },
  {
    id: 'gemma3',
    name: 'Gemma 3',
    names: [/gemma[-_]?3/],
    templates: [['<start_of_turn>']],
    families: ['gemma3'],
    // No tool tokens in its template: the text protocol.
    values: { temperature: 1, topP: 0.95, topK: 64, minP: 0, tools: 'text' },
    thinking: { kind: 'none' },
    source:
      'https://huggingface.co/google/gemma-3-12b-it/blob/main/generation_config.json (top_k 64, top_p 0.95) and discussion #25 (temperature 1.0, min_p 0)',
    endOfTurn: '<end_of_turn>',
  },
  {
    id: 'llama3',
    name: 'Llama 3.x',
    names: [/llama[-_]?3/],
    templates: [['<|start_header_id|>']],
    values: { temperature: 0.6, topP: 0.9, tools: 'text' },
    thinking: { kind: 'none' },
    source: 'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/blob/main/generation_config.json',
    endOfTurn: '<|eot_id|>',
  },
  {
    id: 'deepseek-coder',
    name: 'DeepSeek-Coder',
    names: [/deepseek[-_]?coder/],
    templates: [['### Instruction:', '### Response:']],
    // The card's example decodes greedily (do_sample=False).
    values: { temperature: 0, tools: 'text' },
    thinking: { kind: 'none' },
    source: 'https://huggingface.co/deepseek-ai/deepseek-coder-6.7b-instruct (example: do_sample=False)',
    endOfTurn: '<|EOT|>',
  },
  {
    id: 'granite',
    name: 'Granite',
    names: [/granite/],
    templates: [['<|start_of_role|>']],
    families: ['granite', 'granitemoe', 'granitehybrid'],
    // No sampling advice on the card; its example decodes greedily (plain model.generate).
    values: { temperature: 0, tools: 'text' },
    thinking: { kind: 'none' },
    source: 'https://huggingface.co/ibm-granite/granite-4.0-h-small (example: greedy model.generate)',
    endOfTurn: '<|end_of_text|>',
  },
  {
    id: 'phi-reasoning',
    name: 'Phi-4-reasoning',
    names: [/phi[-_]?4.*reasoning/],
    values: { temperature: 0.8, topK: 50, topP: 0.95, tools: 'text' },
    thinking: { kind: 'always' },
    source: 'https://huggingface.co/microsoft/Phi-4-reasoning (Usage: temperature=0.8, top_k=50, top_p=0.95)',
    endOfTurn: '<|im_end|>',
  },
  {
    id: 'phi',
    name: 'Phi-4 / Phi-4-mini',
    names: [/phi[-_]?[34]/],
    templates: [['<|im_sep|>']],
    families: ['phi3'],
    // The card's example: temperature 0.0, do_sample False.
    values: { temperature: 0, tools: 'text' },
    thinking: { kind: 'none' },
    source: 'https://huggingface.co/microsoft/Phi-4-mini-instruct (example: "temperature": 0.0, "do_sample": False)',
    endOfTurn: '<|end|>',
  },
];

/** Any other model: greedy sampling. A llama.cpp maintainer measured tool-call success on weak
 * models going from 50 % to 100 % with greedy parameters alone; the repetition guard catches the
 * loops greedy decoding can fall into. */
export const GENERIC_PROFILE: ModelProfile = {
  id: 'generic',
  name: 'unknown model (generic)',
  names: [],
  values: { temperature: 0, tools: 'text' },
  thinking: { kind: 'none' },
  source: 'https://github.com/ggml-org/llama.cpp/pull/9639 (greedy sampling: 50 % → 100 % tool-call success)',
};

export function profileById(id: string): ModelProfile | undefined {
  return id === GENERIC_PROFILE.id ? GENERIC_PROFILE : MODEL_PROFILES.find((p) => p.id === id);
}
