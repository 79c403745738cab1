// Search/replace tool arguments written as text: JSON objects (`old_str`/`new_str` and every other
// name in edit-arg-names.ts, or an `edits` list) and XML-style parameters.
import { jsonrepair } from 'jsonrepair';
import type { EditBlock, ParsedEdit } from '../types';
import { LIST_KEYS, PATH_KEYS, REPLACE_KEYS, SEARCH_KEYS, type Obj, isObj } from '../edit-arg-names';

/** A pair as written in text: a missing replacement deletes (the edit text stands on its own). */
function blockOf(o: Obj): EditBlock | undefined {
  const sk = SEARCH_KEYS.find((k) => typeof o[k] === 'string');
  if (sk === undefined) return undefined;
  const rk = REPLACE_KEYS.find((k) => typeof o[k] === 'string');
  const all = o.replace_all === true || o.replaceAll === true;
  return {
    kind: 'replace',
    search: o[sk] as string,
    replace: rk ? (o[rk] as string) : '',
    substring: true,
    ...(all ? { replaceAll: true } : {}),
  };
}

function pathOf(o: Obj): string | undefined {
  for (const k of PATH_KEYS) if (typeof o[k] === 'string' && o[k] !== '') return o[k] as string;
  return undefined;
}

/** Arguments nested the way tool calls carry them: `function`, `arguments` (maybe a JSON string), `input`, `parameters`. */
function argumentsOf(value: Obj): Obj {
  if (isObj(value.function)) return argumentsOf(value.function);
  for (const key of ['arguments', 'input', 'parameters', 'args']) {
    const v = value[key];
    if (isObj(v)) return v;
    if (typeof v === 'string') {
      const parsed = parseJson(v);
      if (isObj(parsed)) return parsed;
    }
  }
  return value;
}

function fromObject(value: unknown): ParsedEdit | undefined {
  if (!isObj(value)) return undefined;
  const inner = argumentsOf(value);
  const lk = LIST_KEYS.find((k) => Array.isArray(inner[k]));
  const list = lk ? (inner[lk] as unknown[]).filter(isObj) : [inner];
  const blocks = list.map(blockOf).filter((b): b is EditBlock => b !== undefined);
  if (blocks.length === 0) return undefined;
  return { path: pathOf(inner), dialect: 'tool_args', blocks };
}

function parseJson(text: string): unknown {
  const t = text
    .trim()
    .replace(/^```\w*\s*\n/, '')
    .replace(/\n```\s*$/, '');
  const start = t.indexOf('{');
  const end = t.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  const body = t.slice(start, end + 1);
  try {
    return JSON.parse(body);
  } catch {
    try {
      return JSON.parse(jsonrepair(body));
    } catch {
      return undefined;
    }
  }
}

function fromXml(text: string): ParsedEdit | undefined {
  const param = (name: string): string | undefined => {
    const m = new RegExp(`<parameter=${name}>\\n?([\\s\\S]*?)\\n?</parameter>|<${name}>\\n?([\\s\\S]*?)\\n?</${name}>`).exec(text);
    return m ? (m[1] ?? m[2]) : undefined;
  };
  const search = XML_SEARCH_KEYS.map(param).find((v) => v !== undefined);
  if (search === undefined) return undefined;
  const path = PATH_KEYS.map(param).find((p) => p !== undefined);
  const replace = REPLACE_KEYS.map(param).find((v) => v !== undefined) ?? '';
  return { path: path?.trim(), dialect: 'tool_args_xml', blocks: [{ kind: 'replace', search, replace, substring: true }] };
}

/** Names distinctive enough to mark text as an edit's arguments (`"old"` or `<find>` alone are not). */
const DISTINCT_KEYS = SEARCH_KEYS.filter((k) => /[_A-Z]|^search$/.test(k));
const XML_SEARCH_KEYS = DISTINCT_KEYS;

export function looksLikeToolArgs(text: string): boolean {
  return [...DISTINCT_KEYS, 'old'].some((a) => new RegExp(`["'<=]${a}\\\\?["'>]`).test(text));
}

export function parseToolArgs(text: string): ParsedEdit[] | undefined {
  const json = parseJson(text);
  const list = Array.isArray(json) ? json : [json];
  const edits = list.map(fromObject).filter((e): e is ParsedEdit => e !== undefined);
  if (edits.length > 0) return edits;
  const xml = fromXml(text);
  return xml ? [xml] : undefined;
}
