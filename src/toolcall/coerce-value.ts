// Coerces one argument value to the JSON-schema type it should have: "3" → 3 for an integer,
// "true" → true, a JSON string → array/object, a bullet list → string array, 7 → "7".
import type { JsonSchema } from '../providers/types';
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
  return result;
}

function matches(v: unknown, t: string): boolean {
  switch (t) {
    case 'string': return typeof v === 'string';
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'boolean': return typeof v === 'boolean';
    case 'array': return Array.isArray(v);
    case 'object': return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'null': return v === null;
    default: return true;
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
      if (items && items.type !== undefined && items.type !== 'string') return undefined;
      const lines = v.split(/\r?\n/).map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim()).filter(Boolean);
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
  return hit !== undefined ? { ok: true, value: hit, note: 'enum case' } : { ok: false, expected: `one of ${options.map((o) => JSON.stringify(o)).join(', ')}` };
}

function describe(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}
