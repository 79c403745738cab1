// What a tool looks like to the parser, the router and a server that takes native tools. A
// bottom-layer type: tools define it, providers send it, the parser resolves names against it.

/** A JSON schema, kept loose on purpose: tools and constrained output pass it through. */
export type JsonSchema = { [key: string]: unknown };

/** What a tool that reads its own arguments makes of them: its canonical form, or what is wrong. */
export type ReadArguments = { ok: true; args: Record<string, unknown>; repairs: string[] } | { ok: false; problem: string; repairs: string[] };

export interface ToolSpec {
  name: string;
  description: string;
  parameters: JsonSchema;
  /** Set by a tool whose arguments come in more forms than its schema shows (edit_file: every edit
   * dialect and argument name the patch engine knows). The parser hands it the arguments after
   * generic renames (path aliases, positional values) instead of validating them against the schema. */
  readArguments?: (args: Record<string, unknown>) => ReadArguments;
}
