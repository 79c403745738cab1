// The JSON schema whose instances are exactly one valid call of the offered tools, for a
// constrained-decoding retry (Ollama `format`, llama.cpp / LM Studio / vLLM json_schema).
import type { JsonSchema, ToolSpec } from '../types/tool-spec';

export function callSchema(tools: ToolSpec[]): JsonSchema {
  const variants = tools.map((t) => ({
    type: 'object',
    properties: {
      name: { type: 'string', const: t.name },
      arguments: { type: 'object', ...t.parameters },
    },
    required: ['name', 'arguments'],
    additionalProperties: false,
  }));
  return variants.length === 1 ? variants[0] : { oneOf: variants };
}
