// What a tool looks like to the parser, the router and a server that takes native tools. A
// bottom-layer type: tools define it, providers send it, the parser resolves names against it.

/** A JSON schema, kept loose on purpose: tools and constrained output pass it through. */
export type JsonSchema = { [key: string]: unknown };

export interface ToolSpec {
  name: string;
  description: string;
  parameters: JsonSchema;
}
