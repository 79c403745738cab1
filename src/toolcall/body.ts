// Reads what stands inside an explicit call wrapper (<tool_call>…, [TOOL_CALLS]…, <|python_tag|>…):
// JSON call(s), function/parameter tags, `name {json}`, XML name/arguments, Gemma or pythonic calls.
import { callsFromJson } from './call-shape';
import { findFunctionBlocks } from './function-xml';
import { parseGemmaCall } from './gemma-call';
import { readJsonAt } from './json-at';
import { parseLooseJson } from './loose-json';
import { parsePyCall } from './python-call';
import { readXmlElementCall } from './xml-element-call';
import type { RawCall, StrategyContext } from './types';

export interface BodyResult {
  calls: RawCall[];
  repairs: string[];
  unreadable?: string;
  /** Where reading stopped (JSON bodies may end before `limit`). */
  end: number;
}

const FENCE_OPEN = /^\s*```[\w-]*[ \t]*\n?/;
const SEP = /<[｜|]tool[▁_]sep[｜|]>|\[ARGS\]|<\|tool_call_argument_begin\|>/;

export function readBody(text: string, start: number, limit: number, ctx: StrategyContext): BodyResult {
  let p = start;
  const fence = FENCE_OPEN.exec(text.slice(p, Math.min(limit, p + 40)));
  if (fence) p += fence[0].length;
  while (p < limit && /\s/.test(text[p])) p++;
  if (p >= limit) return { calls: [], repairs: [], end: limit };
  const pythonList = text[p] === '[' && /^\[\s*[A-Za-z_][\w.]*\s*\(/.test(text.slice(p, p + 100));
  if (text[p] === '{' || (text[p] === '[' && !pythonList)) return readJsonSequence(text, p, limit, ctx);
  const body = text.slice(p, limit).replace(/\s*```\s*$/, '');
  const r = readOtherBody(body, ctx);
  if (r) return { ...r, end: limit };
  // Prose inside the tag before the JSON ("<tool_call>I will read it. {…}"): read from the JSON.
  const brace = text.slice(p, limit).search(/[{[]\s*\{?\s*["']?(?:name|function|tool)["']?\s*:/);
  if (brace > 0) {
    const j = readJsonSequence(text, p + brace, limit, ctx);
    if (j.calls.length > 0) return { ...j, repairs: [...j.repairs, 'prose inside the call tag'], end: limit };
  }
  return { calls: [], repairs: [], unreadable: 'unrecognised call format', end: limit };
}

/** One or more JSON values in a row (array, concatenated, `;`- or newline-separated). */
export function readJsonSequence(text: string, p: number, limit: number, ctx: StrategyContext): BodyResult {
  const calls: RawCall[] = [];
  const repairs: string[] = [];
  let unreadable: string | undefined;
  while (p < limit) {
    while (p < limit && /[\s,;]/.test(text[p])) p++;
    if (text.startsWith('```', p)) {
      p += 3;
      continue;
    }
    if (text[p] !== '{' && text[p] !== '[') break;
    const r = readJsonAt(text, p, limit);
    if (r.kind === 'value') {
      const found = callsFromJson(r.value, ctx);
      if (found.length === 0) unreadable = 'JSON is not a {"name", "arguments"} call';
      calls.push(...found);
      repairs.push(...r.repairs);
    } else if (r.kind === 'truncated') {
      for (const v of r.complete) calls.push(...callsFromJson(v, ctx));
      unreadable = 'cut off before the call ended';
    } else unreadable = 'invalid JSON';
    p = r.end;
    if (r.kind !== 'value') break;
  }
  return { calls, repairs, unreadable, end: p };
}

function readOtherBody(body: string, ctx: StrategyContext): Omit<BodyResult, 'end'> | undefined {
  const trimmed = body.trim();
  const nj =
    /^(?:function\s*(?=<[｜|]tool))?(?:<[｜|]tool[▁_]sep[｜|]>)?\s*([A-Za-z_][\w.:-]*?)(?::\d+)?\s*(?:\[CALL_ID\]\s*\w+\s*)?(?:<[｜|]tool[▁_]sep[｜|]>|\[ARGS\]|<\|tool_call_argument_begin\|>)?\s*(?:```(?:json)?\s*)?(?=[{[])/.exec(
      trimmed,
    );
  // `name[ARGS]{…}` names its call outright: what follows is its arguments, never another call
  // (a `<function=…>` inside a command string is text).
  if (nj && SEP.test(nj[0])) {
    const r = readJsonAt(trimmed, nj[0].length);
    if (r.kind === 'value') return { calls: [{ name: nj[1], args: r.value, explicit: true }], repairs: r.repairs };
    return { calls: [], repairs: [], unreadable: r.kind === 'truncated' ? 'cut off before the call ended' : 'invalid JSON after the call name' };
  }
  // A Gemma call first: its <escape> strings may hold `<function=…>` text.
  const blocks = trimmed.startsWith('call:') ? [] : findFunctionBlocks(body);
  if (blocks.length > 0) {
    const repairs = blocks.flatMap((b) => b.repairs);
    const calls = blocks.map((b) => (b.jsonBody ? { ...b.call, args: parseLooseJson(b.jsonBody)?.value ?? {} } : b.call));
    return { calls, repairs };
  }
  const glm = readArgKeyValues(trimmed);
  if (glm) return { calls: [glm], repairs: ['arg_key/arg_value pairs'] };
  const named = /^<name>\s*([\w.-]+)\s*<\/name>\s*(?:<(arguments|parameters|args)>([\s\S]*?)(?:<\/\2>|$))?/.exec(trimmed);
  if (named) {
    const inner = (named[3] ?? '').trim();
    const args = inner.startsWith('{') ? parseLooseJson(inner)?.value : readXmlElementCall(`<x>${inner}</x>`, 0, () => true)?.args;
    return { calls: [{ name: named[1], args: args ?? {}, explicit: true }], repairs: ['name/arguments tags'] };
  }
  if (nj && !trimmed.startsWith('call:')) {
    const r = readJsonAt(trimmed, nj[0].length);
    if (r.kind === 'value') return { calls: [{ name: nj[1], args: r.value, explicit: true }], repairs: [...r.repairs, 'name before JSON'] };
    if (r.kind === 'truncated') return { calls: [], repairs: [], unreadable: 'cut off before the call ended' };
  }
  if (trimmed.startsWith('call:')) {
    const g = parseGemmaCall(trimmed, 0);
    if (g) return { calls: [{ name: g.name, args: g.args, explicit: true }], repairs: [] };
  }
  if (trimmed.startsWith('<')) {
    const x = readXmlElementCall(trimmed, 0, (n) => !ctx.tools || ctx.knows(n));
    if (x) return { calls: [{ name: x.name, args: x.args, explicit: true }], repairs: x.repairs };
  }
  const py = readPyCalls(trimmed);
  if (py) return { calls: py, repairs: ['pythonic call'] };
  return undefined;
}

/** `f(a=1)`, `[f(a=1), g(b=2)]`, `f(a=1); g(b=2)`, `print(default_api.f(a=1))`. */
export function readPyCalls(s: string): RawCall[] | undefined {
  let t = s.trim();
  if (t.startsWith('[') && t.endsWith(']')) t = t.slice(1, -1);
  const calls: RawCall[] = [];
  let i = 0;
  while (i < t.length) {
    while (i < t.length && /[\s,;]/.test(t[i])) i++;
    if (i >= t.length) break;
    let wrapped = false;
    if (t.startsWith('print(', i)) {
      i += 6;
      wrapped = true;
    }
    const c = parsePyCall(t, i);
    if (!c) return undefined;
    const only = c.positional.length === 1 && Object.keys(c.kwargs).length === 0 ? c.positional[0] : undefined;
    const args: Record<string, unknown> = only && typeof only === 'object' && !Array.isArray(only) ? { ...(only as Record<string, unknown>) } : { ...c.kwargs };
    if (c.positional.length && args !== only && !(only && typeof only === 'object')) args.__positional = c.positional;
    calls.push({ name: c.name, args, explicit: true });
    i = c.end;
    if (wrapped) {
      while (i < t.length && /\s/.test(t[i])) i++;
      if (t[i] === ')') i++;
    }
  }
  return calls.length ? calls : undefined;
}

/** GLM-4.5/4.6: `NAME\n<arg_key>k</arg_key>\n<arg_value>v</arg_value>…`. */
function readArgKeyValues(body: string): RawCall | undefined {
  const head = /^([A-Za-z_][\w.-]*)\s*(?=<arg_key>|$)/.exec(body);
  if (!head || (!body.includes('<arg_key>') && body.length !== head[0].length)) return undefined;
  const args: Record<string, unknown> = {};
  for (const m of body.matchAll(/<arg_key>\s*([\s\S]*?)\s*<\/arg_key>\s*<arg_value>([\s\S]*?)(?:<\/arg_value>|(?=<arg_key>)|$)/g)) {
    const v = m[2];
    const t = v.trim();
    args[m[1]] = /^[[{]/.test(t) ? (parseLooseJson(t)?.value ?? v) : v;
  }
  return { name: head[1], args, explicit: true };
}
