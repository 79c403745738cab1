// Stage 2 of tool routing: the routed tools described compactly — one line per tool plus the
// text tool-call format — or as short native specs for servers that take `tools`.
import type { JsonSchema, ToolSpec } from '../types/tool-spec';
import type { Tool } from './types';

type Prop = { type?: unknown; items?: JsonSchema; description?: unknown; enum?: unknown };

function propsOf(schema: JsonSchema): [string, Prop][] {
  const props = schema.properties;
  return props && typeof props === 'object' ? Object.entries(props as Record<string, Prop>) : [];
}

function requiredOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
}

/** A type hint only where the name does not make it obvious (arrays, objects, booleans). */
function typeHint(p: Prop): string {
  if (p.type === 'boolean') return ': bool';
  if (typeof p.description === 'string' && /^seconds\b/i.test(p.description)) return ': seconds';
  if (p.type === 'object') return ': {…}';
  if (p.type === 'array') {
    const items = p.items ?? {};
    if (items.type === 'object') {
      const keys = propsOf(items).map(([k]) => (requiredOf(items).includes(k) ? k : `${k}?`));
      return `: [{${keys.join(', ')}}]`;
    }
    return `: [${typeof items.type === 'string' ? items.type : '…'}]`;
  }
  return '';
}

/** `read_file(path, start_line?, end_line?) — Read a text file …` */
export function signatureLine(tool: Tool): string {
  const req = requiredOf(tool.parameters);
  const args = propsOf(tool.parameters).map(([name, p]) => `${name}${req.includes(name) ? '' : '?'}${typeHint(p)}`);
  return `${tool.name}(${args.join(', ')}) — ${tool.description}`;
}

function exampleCall(tools: Tool[]): string {
  const read = tools.find((t) => t.name === 'read_file');
  if (read) return '{"name": "read_file", "arguments": {"path": "src/a.ts"}}';
  const t = tools[0];
  const first = requiredOf(t.parameters)[0] ?? propsOf(t.parameters)[0]?.[0];
  const args = first ? `{"${first}": "…"}` : '{}';
  return `{"name": "${t.name}", "arguments": ${args}}`;
}

/** The tool section of the volatile prompt tail. Deterministic for a given tool list. */
export function describeToolsCompact(tools: Tool[]): string {
  if (tools.length === 0) return '';
  return [
    'Tools you can use now:',
    ...tools.map(signatureLine),
    // When to stop calling tools is said once, in the system prompt.
    `To use a tool, reply with exactly one block: <tool_call>${exampleCall(tools)}</tool_call>`,
  ].join('\n');
}

/** The first clause of a description: up to the first ';', ' (' or ', e.g.'. */
function shortText(d: unknown): string | undefined {
  if (typeof d !== 'string') return undefined;
  return d.split(/;|\s\(|, e\.g\./)[0].trim();
}

function minimalSchema(schema: JsonSchema): JsonSchema {
  if (schema.type !== undefined && schema.type !== 'object') {
    return schema.items ? { type: schema.type, items: minimalSchema(schema.items as JsonSchema) } : { type: schema.type };
  }
  const properties: Record<string, JsonSchema> = {};
  for (const [name, p] of propsOf(schema)) {
    const out: JsonSchema = { type: p.type };
    const d = shortText(p.description);
    if (d) out.description = d;
    if (p.items) out.items = minimalSchema(p.items);
    if (p.enum) out.enum = p.enum;
    properties[name] = out;
  }
  const req = requiredOf(schema);
  return { type: 'object', properties, ...(req.length > 0 ? { required: req } : {}) };
}

/** Native `tools` with short descriptions and minimal schemas. */
export function nativeToolSpecs(tools: Tool[]): ToolSpec[] {
  return tools.map((t) => ({ name: t.name, description: shortText(t.description) ?? t.name, parameters: minimalSchema(t.parameters) }));
}
