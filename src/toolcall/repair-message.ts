// The short messages sent back to the model when a call was intended but cannot be used. Each
// shows the exact canonical form, <tool_call>{"name": …, "arguments": {…}}</tool_call>.
import type { JsonSchema, ToolSpec } from '../types/tool-spec';

/** The canonical call text for `tool`, with a placeholder for each required argument. */
export function exampleCall(tool: ToolSpec | undefined): string {
  if (!tool) return '<tool_call>{"name": "TOOL_NAME", "arguments": {"ARGUMENT": "VALUE"}}</tool_call>';
  const props = (tool.parameters.properties ?? {}) as Record<string, JsonSchema>;
  const required = Array.isArray(tool.parameters.required) ? (tool.parameters.required as string[]) : [];
  const args: Record<string, unknown> = {};
  for (const r of required) args[r] = placeholder(props[r]);
  return `<tool_call>${JSON.stringify({ name: tool.name, arguments: args })}</tool_call>`;
}

function placeholder(schema: JsonSchema | undefined): unknown {
  switch (schema?.type) {
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return '...';
  }
}

export function unknownToolMessage(name: string, tools: ToolSpec[]): string {
  const names = tools.map((t) => t.name).join(', ');
  return `There is no tool named "${name}". Use one of: ${names}. Call it exactly like this:\n${exampleCall(tools[0])}`;
}

export function badArgumentsMessage(tool: ToolSpec, missing: string[], invalid: string[]): string {
  const parts: string[] = [];
  if (missing.length) parts.push(`is missing required argument${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (invalid.length) parts.push(`has unusable argument${invalid.length > 1 ? 's' : ''} ${invalid.join(', ')}`);
  return `The ${tool.name} call ${parts.join(' and ')}. Call it exactly like this:\n${exampleCall(tool)}`;
}

/** A tool that reads its own arguments (edit_file) said what is wrong with them. */
export function unreadableArgumentsMessage(tool: ToolSpec, problem: string): string {
  return `The ${tool.name} call could not be used: ${problem}\nCall it exactly like this:\n${exampleCall(tool)}`;
}

export function unreadableMessage(detail: string, tool: ToolSpec | undefined): string {
  if (/cut off/.test(detail)) {
    return `Your tool call was cut off before it ended. Send it again, complete; split a large file into smaller writes.\n${exampleCall(tool)}`;
  }
  return `Your tool call could not be read (${detail}). Send exactly one call in this form, with valid JSON:\n${exampleCall(tool)}`;
}
