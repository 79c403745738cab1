// Recognises the JSON shapes a tool call takes in text: {name, arguments|parameters|…}, the OpenAI
// envelope, {tool_calls:[…]}, ReAct {action, action_input}, {"read_file": {…}} and flattened args.
import type { RawCall, StrategyContext } from './types';

const NAME_KEYS = ['name', 'tool_name', 'toolName', 'tool', 'function_name', 'functionName', 'action', 'recipient_name', 'function', 'command_name'];
const ARG_KEYS = ['arguments', 'parameters', 'args', 'input', 'params', 'tool_input', 'action_input', 'argument', 'tool_args', 'kwargs'];
const META_KEYS = new Set(['id', 'type', 'call_id', 'tool_call_id', 'index']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How deep call lists and envelopes may nest: real replies use two or three levels; data nested
 * thousands deep must not exhaust the stack. */
const MAX_DEPTH = 8;

/** The calls a parsed JSON value stands for, or [] when it is not call-shaped. */
export function callsFromJson(value: unknown, ctx: StrategyContext, depth = 0): RawCall[] {
  if (depth > MAX_DEPTH) return [];
  if (Array.isArray(value)) {
    const calls = value.map((v) => callsFromJson(v, ctx, depth + 1));
    // An array is a call list only when every element is a call: [1, {"name": …}] is data, and
    // [{"name": "read_file", "arguments": "path"}, …] lists tools with their parameter names.
    const flat = calls.every((c) => c.length > 0) ? calls.flat() : [];
    const listing = flat.length > 1 && flat.every((c) => typeof c.args === 'string' && !/^\s*[{["]/.test(c.args));
    return listing ? [] : flat;
  }
  if (!isObj(value)) return [];
  for (const k of ['tool_calls', 'toolcalls', 'toolCalls', 'function_calls', 'calls']) {
    if (Array.isArray(value[k])) return callsFromJson(value[k], ctx, depth + 1);
  }
  for (const k of ['function_call', 'tool_call', 'tool_use', 'call']) {
    if (isObj(value[k])) return callsFromJson(value[k], ctx, depth + 1);
  }
  if (isObj(value.function) && typeof value.function.name === 'string') {
    if (looksLikeSchema(argsOf(value.function))) return [];
    return [{ name: value.function.name, args: argsOf(value.function) ?? {}, id: idOf(value), explicit: true }];
  }
  for (const nk of NAME_KEYS) {
    const written = value[nk];
    if (typeof written !== 'string') continue;
    const name = written.replace(/<\|[\s\S]*$/, ''); // leaked special tokens after the name
    const plain = /^[A-Za-z_][\w.:-]{0,80}(\(\))?$/.test(name);
    // "Read File" is a call only when it names an offered tool ("Final Answer" is not one).
    if (!plain && !(/^[A-Za-z][\w -]{0,40}$/.test(name) && ctx.tools && ctx.knows(name))) continue;
    const args = argsOf(value);
    if (looksLikeSchema(args)) return []; // a tool definition echoed back, not a call
    if (args !== undefined) return [{ name, args, id: idOf(value), explicit: true }];
    const rest = Object.keys(value).filter((k) => k !== nk && !META_KEYS.has(k));
    // {"name": "list_files"} alone, or {"name": "read_file", "path": "a"} (flattened arguments):
    // only for a name the offered tools know, never a guess ({"name": "John", "age": 30} is data).
    if (ctx.tools && ctx.knowsStrongly(name) && (nk === 'name' || nk === 'tool' || nk === 'function')) {
      const flat: Obj = {};
      for (const k of rest) flat[k] = value[k];
      if (!('description' in value)) return [{ name, args: flat, id: idOf(value), explicit: false }];
    }
    return [];
  }
  // {"read_file": {"path": "a"}}: a single key naming an offered tool.
  const keys = Object.keys(value);
  if (ctx.tools && keys.length === 1 && isObj(value[keys[0]]) && ctx.knowsStrongly(keys[0])) {
    return [{ name: keys[0], args: value[keys[0]], explicit: false }];
  }
  return [];
}

/** `{"type": "object", "properties": {…}}`: the schema of a tool, as in a list of capabilities. */
function looksLikeSchema(args: unknown): boolean {
  if (!isObj(args)) return false;
  if (args.type === 'object' && isObj(args.properties)) return true;
  // {"path": {"type": "string", "description": …}}: the properties of a schema, not values
  const values = Object.values(args);
  return values.length > 0 && values.every((v) => isObj(v) && typeof v.type === 'string' && SCHEMA_TYPES.has(v.type));
}

const SCHEMA_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'array', 'object', 'null']);

function argsOf(o: Obj): unknown {
  for (const k of ARG_KEYS) if (k in o && (isObj(o[k]) || typeof o[k] === 'string' || o[k] === null)) return o[k] ?? {};
  return undefined;
}

function idOf(o: Obj): string | undefined {
  return typeof o.id === 'string' ? o.id : typeof o.call_id === 'string' ? o.call_id : undefined;
}
