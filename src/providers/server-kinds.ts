// The ONE record of per-server-kind quirks (see shared/reference/model-servers.md). Code asks
// this table instead of testing URLs: how to request JSON output, whether to ask for parallel
// tool calls, where the window comes from, how to tell the user to start or fix the server.
import type { ServerKind } from './types';

export type StructuredOutputStyle =
  | 'ollama-format' // native `format: <schema>`
  | 'json-schema' // OpenAI-nested response_format {type:'json_schema', json_schema:{name, schema}}
  | 'json-object' // response_format {type:'json_object'} only (DeepSeek)
  | 'anthropic-output-config'; // output_config.format json_schema

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
    modelHint: (m) => `use a current Claude model id instead of ${m}`,
  },
};
