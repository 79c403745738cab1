// Coerces one argument value to the JSON-schema type it should have: "3" → 3 for an integer,
// "true" → true, a JSON string → array/object, a bullet list → string array, 7 → "7".
import type { JsonSchema } from '../types/tool-spec';
import { parseLooseJson } from './loose-json';

export type Coerced = { ok: true; value: unknown; note?: string } | { ok: false; expected: string };

export function coerceValue(value: unknown, schema: JsonSchema | undefined): Coerced {
  if (!schema || typeof schema !== 'object') return { ok: true, value };
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
  let result: Coerced = { ok: true, value };
  if (types.length > 0 && !types.some((t) => matches(value, t))) {
    result = { ok: false, expected: types.join(' or ') };
    for (const t of types) {
      const c = convert(value, t, schema);
      if (c !== undefined) {
        result = { ok: true, value: c, note: `${describe(value)} → ${t}` };
        break;
      }
    }
  }
  if (result.ok && Array.isArray(schema.enum)) return fitEnum(result.value, schema.enum as unknown[]);
  if (result.ok && Array.isArray(result.value) && isObjSchema(schema.items)) return coerceItems(result.value, schema.items, result.note);
  return result;
}

const isObjSchema = (s: unknown): s is JsonSchema => typeof s === 'object' && s !== null && !Array.isArray(s);

/** Each element against the item schema; one element that cannot be fitted fails the array. */
function coerceItems(values: unknown[], items: JsonSchema, note: string | undefined): Coerced {
  const out: unknown[] = [];
  let changed = false;
  for (const v of values) {
    const c = items.type === 'object' ? fitObject(v, items) : coerceValue(v, items);
    if (!c.ok) return c;
    changed ||= c.value !== v;
    out.push(c.value);
  }
  return { ok: true, value: out, note: changed ? [note, 'array items'].filter(Boolean).join(', ') : note };
}

/** Checklist-style items, as other agents' todo tools write them: "text" or {step|content|task,
 * status|completed} → {text, done}. Generic: the first required string property takes a bare
 * string or an aliased key; boolean properties take a status word. */
function fitObject(v: unknown, schema: JsonSchema): Coerced {
  const props = (isObjSchema(schema.properties) ? schema.properties : {}) as Record<string, JsonSchema>;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const textKey = required.find((k) => props[k]?.type === 'string') ?? Object.keys(props).find((k) => props[k]?.type === 'string');
  let obj: Record<string, unknown>;
  const box = typeof v === 'string' ? /^\[([ xX])\]\s*([\s\S]*)$/.exec(v.trim()) : null;
  if (box && textKey) obj = { [textKey]: box[2], status: box[1] !== ' ' };
  else if (typeof v === 'string' && textKey) obj = { [textKey]: v };
  else if (typeof v === 'object' && v !== null && !Array.isArray(v)) obj = { ...(v as Record<string, unknown>) };
  else return { ok: false, expected: 'object' };
  if (textKey && obj[textKey] === undefined) {
    const alias = ['text', 'step', 'content', 'task', 'title', 'description', 'name', 'item', 'todo'].find((k) => typeof obj[k] === 'string');
    if (alias) obj[textKey] = obj[alias];
  }
  const out: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(props)) {
    let val = obj[k];
    if (p.type === 'boolean' && typeof val !== 'boolean') val = statusToBool(val ?? obj.status ?? obj.state ?? obj.completed ?? obj.checked);
    if (val === undefined) continue;
    const c = coerceValue(val, p);
    if (!c.ok) return c;
    out[k] = c.value;
  }
  const missing = required.filter((k) => out[k] === undefined);
  return missing.length ? { ok: false, expected: `objects with ${required.join(', ')}` } : { ok: true, value: out };
}

function statusToBool(s: unknown): boolean {
  if (typeof s === 'boolean') return s;
  return /^(?:done|completed?|finished|true|yes|x|checked|1)$/i.test(String(s ?? '').trim());
}

function matches(v: unknown, t: string): boolean {
  switch (t) {
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'null':
      return v === null;
    default:
      return true;
  }
}

function convert(v: unknown, t: string, schema: JsonSchema): unknown {
  if (t === 'integer' || t === 'number') {
    const s = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
    if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return undefined;
    const n = Number(s);
    if (t === 'integer' && !Number.isInteger(n)) return undefined;
    return n;
  }
  if (t === 'boolean') {
    const s = String(v).trim().toLowerCase();
    if (['true', 'yes', '1', 'on'].includes(s)) return true;
    if (['false', 'no', '0', 'off'].includes(s)) return false;
    return undefined;
  }
  if (t === 'string') {
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (typeof v === 'object' && v !== null) return JSON.stringify(v, null, 2);
    return undefined;
  }
  if (t === 'array') {
    if (typeof v === 'string') {
      const parsed = v.trim().startsWith('[') ? parseLooseJson(v) : undefined;
      if (parsed && Array.isArray(parsed.value)) return parsed.value;
      const items = schema.items as JsonSchema | undefined;
      if (items && items.type !== undefined && items.type !== 'string' && items.type !== 'object') return undefined;
      const lines = v
        .split(/\r?\n/)
        .map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
        .filter(Boolean);
      return lines.length > 0 ? lines : undefined;
    }
    return v === undefined || v === null ? undefined : [v];
  }
  if (t === 'object' && typeof v === 'string') {
    const parsed = parseLooseJson(v);
    return parsed && typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value) ? parsed.value : undefined;
  }
  return undefined;
}

function fitEnum(v: unknown, options: unknown[]): Coerced {
  if (options.includes(v)) return { ok: true, value: v };
  const s = String(v).toLowerCase();
  const hit = options.find((o) => String(o).toLowerCase() === s);
  return hit !== undefined
    ? { ok: true, value: hit, note: 'enum case' }
    : { ok: false, expected: `one of ${options.map((o) => JSON.stringify(o)).join(', ')}` };
}

function describe(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}
