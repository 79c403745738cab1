// The parser's one entry point: native calls first, then each text dialect in order over the
// text not yet claimed; every call resolved and validated; the rest is prose and diagnostics.
import type { ToolCallRef } from '../types/messages';
import type { ToolSpec } from '../types/tool-spec';
import { createContext } from './context';
import { finalizeCall } from './finalize';
import { insideSpan } from './json-strings';
import { leftoverText } from './leftover';
import { parseLooseJson } from './loose-json';
import { blank, blankReasoning } from './reasoning';
import { unreadableMessage } from './repair-message';
import { STRATEGIES } from './strategies';
import type { Diagnostic, ParseOptions, ParseResult, ParsedCall, RawCall } from './types';
import { valueSpans } from './value-spans';

const INTENT = /"(?:name|function)"\s*:\s*"[\w.-]+"\s*,\s*"(?:arguments|parameters)"\s*:|<tool_call>|<function=|\[TOOL_CALLS\]|<\|python_tag\|>/;

export function parseToolCalls(text: string, native: ToolCallRef[] | undefined, opts: ParseOptions = {}): ParseResult {
  const tools = opts.tools;
  const diagnostics: Diagnostic[] = [];
  const repairs: string[] = [];
  const calls: ParsedCall[] = [];
  let intended = false;
  const accept = (raw: RawCall, strategy: string) => {
    const f = finalizeCall(raw, strategy, tools);
    diagnostics.push(...f.diagnostics);
    if (f.repair) {
      repairs.push(f.repair);
      intended = true;
    }
    if (f.call) calls.push(f.call);
  };
  for (const n of native ?? []) accept(nativeToRaw(n, diagnostics), 'native');

  const src = typeof text === 'string' ? text : '';
  const pre = blankReasoning(src);
  if (pre.hallucinatedResults)
    diagnostics.push({ strategy: 'reasoning', kind: 'ignored', detail: `${pre.hallucinatedResults} hallucinated tool result(s) removed` });
  const cut: [number, number][] = [...pre.regions];
  let work = pre.text;
  const ctx = createContext(tools);
  const values = valueSpans(work, ctx);
  ctx.inValue = (pos) => insideSpan(values, pos);
  const textCalls: { at: number; raw: RawCall; strategy: string }[] = [];
  for (const s of STRATEGIES) {
    // A region that starts inside another call's argument value is that value's text.
    const found = s.find(work, ctx).filter((f) => !ctx.inValue(f.start));
    if (found.length === 0) continue;
    for (const f of found) {
      for (const r of f.repairs) diagnostics.push({ strategy: s.name, kind: 'repaired', detail: r });
      if (f.ignored) {
        diagnostics.push({ strategy: s.name, kind: 'ignored', detail: f.ignored });
        continue;
      }
      cut.push([f.start, f.end]);
      f.calls.forEach((raw, i) => {
        textCalls.push({ at: f.start + i / 1000, raw, strategy: s.name });
      });
      if (f.unreadable) {
        intended = true;
        diagnostics.push({ strategy: s.name, kind: 'invalid_args', detail: `unreadable call: ${f.unreadable}` });
        repairs.push(unreadableMessage(f.unreadable, guessTool(work.slice(f.start, f.end), tools)));
      }
    }
    work = blank(
      work,
      found.map((f) => [f.start, f.end]),
    );
  }
  const nativeKeys = new Set(calls.map(key));
  for (const t of textCalls.sort((a, b) => a.at - b.at)) {
    const before = calls.length;
    accept(t.raw, t.strategy);
    if (calls.length > before && nativeKeys.has(key(calls[calls.length - 1]))) {
      calls.pop(); // the server's native call, echoed in the content
      diagnostics.push({ strategy: t.strategy, kind: 'ignored', detail: 'duplicate of a native call' });
    }
  }
  if (calls.length === 0 && !intended && INTENT.test(work)) {
    intended = true;
    repairs.push(unreadableMessage('unrecognised call format', tools?.[0]));
  }
  const result: ParseResult = { calls, text: leftoverText(src, cut), diagnostics, intendedButUnreadable: intended };
  if (repairs.length) result.repair = [...new Set(repairs)].slice(0, 2).join('\n\n');
  return result;
}

function key(c: ParsedCall): string {
  return c.name + '\u0000' + JSON.stringify(c.arguments);
}

/** Native arguments arrive as an object, or as `{__raw: "<broken json>"}` when the server could not parse them. */
function nativeToRaw(n: ToolCallRef, diagnostics: Diagnostic[]): RawCall {
  const raw = n.arguments?.__raw;
  if (typeof raw === 'string') {
    const parsed = parseLooseJson(raw);
    diagnostics.push({ strategy: 'native', kind: 'repaired', detail: parsed ? 'repaired native arguments' : 'unreadable native arguments' });
    return { name: n.name, args: parsed?.value ?? raw, id: n.id, explicit: true };
  }
  return { name: n.name, args: n.arguments ?? {}, id: n.id, explicit: true };
}

function guessTool(region: string, tools: ToolSpec[] | undefined): ToolSpec | undefined {
  if (!tools) return undefined;
  return tools.find((t) => region.includes(t.name)) ?? tools[0];
}
