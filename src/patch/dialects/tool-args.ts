// Search/replace tool arguments written as text: JSON objects (`old_str`/`new_str`,
// `old_string`/`new_string`, `search`/`replace`, …, or an `edits` list) and XML-style parameters.
import { jsonrepair } from 'jsonrepair';
import type { EditBlock, ParsedEdit } from '../types';

const PAIRS: [string, string][] = [
  ['old_str', 'new_str'],
  ['old_string', 'new_string'],
  ['oldString', 'newString'],
  ['old_text', 'new_text'],
  ['oldText', 'newText'],
  ['search', 'replace'],
  ['old', 'new'],
];
const PATH_KEYS = ['path', 'file_path', 'filePath', 'file', 'filename', 'target_file'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function blockOf(o: Obj): EditBlock | undefined {
  for (const [a, b] of PAIRS) {
    if (typeof o[a] === 'string' && (typeof o[b] === 'string' || o[b] === undefined || o[b] === null)) {
      const all = o.replace_all === true || o.replaceAll === true;
      return {
        kind: 'replace',
        search: o[a] as string,
        replace: typeof o[b] === 'string' ? (o[b] as string) : '',
        substring: true,
        ...(all ? { replaceAll: true } : {}),
      };
    }
  }
  return undefined;
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
  const list = Array.isArray(inner.edits) ? inner.edits.filter(isObj) : [inner];
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
  for (const [a, b] of PAIRS.slice(0, 6)) {
    const search = param(a);
    if (search === undefined) continue;
    const path = PATH_KEYS.map(param).find((p) => p !== undefined);
    return { path: path?.trim(), dialect: 'tool_args_xml', blocks: [{ kind: 'replace', search, replace: param(b) ?? '', substring: true }] };
  }
  return undefined;
}

export function looksLikeToolArgs(text: string): boolean {
  return PAIRS.some(([a]) => new RegExp(`["'<=]${a}\\\\?["'>]`).test(text));
}

export function parseToolArgs(text: string): ParsedEdit[] | undefined {
  const json = parseJson(text);
  const list = Array.isArray(json) ? json : [json];
  const edits = list.map(fromObject).filter((e): e is ParsedEdit => e !== undefined);
  if (edits.length > 0) return edits;
  const xml = fromXml(text);
  return xml ? [xml] : undefined;
}
