// The ONE record of per-server-kind quirks (see shared/reference/model-servers.md). Code asks
// this table instead of testing URLs: how to request JSON output, whether to ask for parallel
// tool calls, where the window comes from, how to tell the user to start or fix the server.
import type { ServerKind } from './types';

export type StructuredOutputStyle =
  | 'ollama-format' // native `format: <schema>`
  | 'json-schema' // OpenAI-nested response_format {type:'json_schema', json_schema:{name, schema}}
  | 'json-object' // response_format {type:'json_object'} only (DeepSeek)
  | 'anthropic-output-config'; // output_config.format json_schema

/** Which sampling fields a kind accepts on a chat request, and how it steers thinking. Fields a
 * kind does not document are never sent: OpenAI's own API answers 400 to unknown ones. */
export interface SamplingSupport {
  topK: boolean;
  minP: boolean;
  /** The kind's name for the repetition penalty, when it has one. */
  repeatPenalty?: 'repeat_penalty' | 'repetition_penalty';
  presencePenalty: boolean;
  stopField: 'stop' | 'stop_sequences';
  /** Turning a hybrid model's thinking on/off: Ollama `think`, the template's `enable_thinking`
   * kwarg, or nothing (then only a soft tag such as Qwen3's /no_think in the system prompt). */
  thinkingSwitch: 'ollama-think' | 'template-kwargs' | 'none';
  /** Setting an always-reasoning model's effort (gpt-oss). */
  effort: 'ollama-think' | 'template-kwargs' | 'reasoning-effort' | 'none';
}

const OPENAI_STANDARD: SamplingSupport = {
  topK: false,
  minP: false,
  presencePenalty: true,
  stopField: 'stop',
  thinkingSwitch: 'none',
  effort: 'none',
};

export interface KindQuirks {
  /** Which adapter speaks to it. */
  provider: 'ollama' | 'openai' | 'anthropic';
  label: string;
  /** Default local port, when the kind is a local server. */
  defaultPort?: number;
  structuredOutput: StructuredOutputStyle;
  /** llama.cpp only allows more than one call per turn when asked (`parallel_tool_calls`). */
  sendParallelToolCalls: boolean;
  /** LM Studio sometimes answers an over-long prompt with 200 and an empty stream. */
  emptyStreamMeansOverflow: boolean;
  /** Exact token counting over HTTP (llama.cpp /apply-template + /tokenize, vLLM /tokenize). */
  canTokenize: boolean;
  /** Sampling fields and thinking controls the kind accepts (model profiles). */
  sampling: SamplingSupport;
  /** Holds a native tool call back until it is complete: no chunk arrives while it is generated,
   * so the idle timeout must cover a whole reply (Ollama's tool parsers). */
  buffersToolCalls: boolean;
  /** Window when neither the server nor the user tells us (cloud vendors publish theirs). */
  knownContextWindow?: number;
  /** Cloud vendors need a key; local servers take any. */
  needsApiKey: boolean;
  /** How to start this server, for the "nothing listening" line. */
  startHint: string;
  /** How to get a missing model onto this server. */
  modelHint: (model: string) => string;
}

const LOCAL_START = '`ollama serve` / LM Studio → Developer → Start server / `llama-server -m model.gguf --port 8080`';

export const SERVER_KINDS: Record<ServerKind, KindQuirks> = {
  ollama: {
    provider: 'ollama',
    label: 'Ollama',
    defaultPort: 11434,
    structuredOutput: 'ollama-format',
    sendParallelToolCalls: false,
    emptyStreamMeansOverflow: false,
    canTokenize: false,
    needsApiKey: false,
    startHint: LOCAL_START,
    sampling: {
      topK: true,
      minP: true,
      repeatPenalty: 'repeat_penalty',
      presencePenalty: true,
      stopField: 'stop',
      thinkingSwitch: 'ollama-think',
      effort: 'ollama-think',
    },
    buffersToolCalls: true,
    modelHint: (m) => `run \`ollama pull ${m}\``,
  },
  lmstudio: {
    provider: 'openai',
    label: 'LM Studio',
    defaultPort: 1234,
    // json_object is a 400 on LM Studio: only ever json_schema.
    structuredOutput: 'json-schema',
    sendParallelToolCalls: false,
    emptyStreamMeansOverflow: true,
    canTokenize: false,
    needsApiKey: false,
    startHint: LOCAL_START,
    // Its chat-completions docs list top_k and repeat_penalty, not min_p or template kwargs.
    sampling: { ...OPENAI_STANDARD, topK: true, repeatPenalty: 'repeat_penalty', effort: 'reasoning-effort' },
    buffersToolCalls: false,
    modelHint: (m) => `download/load ${m} in LM Studio (or \`lms load ${m}\`)`,
  },
  llamacpp: {
    provider: 'openai',
    label: 'llama.cpp',
    defaultPort: 8080,
    // Only the nested json_schema.schema form is honoured; the flat form is silently ignored.
    structuredOutput: 'json-schema',
    sendParallelToolCalls: true,
    emptyStreamMeansOverflow: false,
    canTokenize: true,
    needsApiKey: false,
    startHint: LOCAL_START,
    sampling: {
      ...OPENAI_STANDARD,
      topK: true,
      minP: true,
      repeatPenalty: 'repeat_penalty',
      thinkingSwitch: 'template-kwargs',
      effort: 'template-kwargs',
    },
    buffersToolCalls: false,
    modelHint: (m) => `start llama-server with the model you want (-m ${m}.gguf)`,
  },
  vllm: {
    provider: 'openai',
    label: 'vLLM',
    defaultPort: 8000,
    // guided_json is silently ignored since v0.12: response_format only.
    structuredOutput: 'json-schema',
    sendParallelToolCalls: false,
    emptyStreamMeansOverflow: false,
    canTokenize: true,
    needsApiKey: false,
    startHint: '`vllm serve MODEL --enable-auto-tool-choice --tool-call-parser hermes`',
    sampling: {
      ...OPENAI_STANDARD,
      topK: true,
      minP: true,
      repeatPenalty: 'repetition_penalty',
      thinkingSwitch: 'template-kwargs',
      effort: 'reasoning-effort',
    },
    buffersToolCalls: false,
    modelHint: (m) => `start vLLM with \`vllm serve ${m}\``,
  },
  openai: {
    provider: 'openai',
    label: 'OpenAI-compatible server',
    structuredOutput: 'json-schema',
    sendParallelToolCalls: false,
    emptyStreamMeansOverflow: false,
    canTokenize: false,
    needsApiKey: false,
    startHint: LOCAL_START,
    sampling: OPENAI_STANDARD,
    buffersToolCalls: false,
    modelHint: (m) => `pick a model the server lists instead of ${m}`,
  },
  deepseek: {
    provider: 'openai',
    label: 'DeepSeek',
    structuredOutput: 'json-object',
    sendParallelToolCalls: false,
    emptyStreamMeansOverflow: false,
    canTokenize: false,
    knownContextWindow: 131072,
    needsApiKey: true,
    startHint: 'check your network and the DeepSeek base URL (https://api.deepseek.com)',
    sampling: OPENAI_STANDARD,
    buffersToolCalls: false,
    modelHint: (m) => `use deepseek-v4-flash or deepseek-v4-pro instead of ${m}`,
  },
  anthropic: {
    provider: 'anthropic',
    label: 'Anthropic',
    structuredOutput: 'anthropic-output-config',
    sendParallelToolCalls: false,
    emptyStreamMeansOverflow: false,
    canTokenize: false,
    knownContextWindow: 200000,
    needsApiKey: true,
    startHint: 'check your network and the Anthropic base URL (https://api.anthropic.com)',
    sampling: { ...OPENAI_STANDARD, topK: true, presencePenalty: false, stopField: 'stop_sequences' },
    buffersToolCalls: false,
    modelHint: (m) => `use a current Claude model id instead of ${m}`,
  },
};
