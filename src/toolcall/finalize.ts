// Turns a raw call into a usable one: resolves the name against the offered tools, fits the
// arguments to the schema, and says (as diagnostics and a repair message) what went wrong.
import type { ToolSpec } from '../types/tool-spec';
import { argumentsObject, fitArguments } from './fit-arguments';
import { badArgumentsMessage, unknownToolMessage, unreadableArgumentsMessage } from './repair-message';
import { cleanName, resolveName } from './resolve-name';
import type { Diagnostic, ParsedCall, RawCall } from './types';

export interface Finalized {
  call?: ParsedCall;
  diagnostics: Diagnostic[];
  repair?: string;
}

export function finalizeCall(raw: RawCall, strategy: string, tools: ToolSpec[] | undefined): Finalized {
  const diagnostics: Diagnostic[] = [];
  const pre = argumentsObject(raw.args);
  if (!cleanName(raw.name)) return { diagnostics: [{ strategy, kind: 'ignored', detail: 'call without a name' }] };
  if (!tools) {
    const { __positional, ...args } = pre.args;
    if (__positional !== undefined) diagnostics.push({ strategy, kind: 'repaired', detail: 'dropped positional arguments (no schema)' });
    const name = cleanName(raw.name);
    diagnostics.push({ strategy, kind: 'matched', detail: name });
    for (const r of pre.repairs) diagnostics.push({ strategy, kind: 'repaired', detail: r });
    return { call: withId({ name, arguments: args, strategy }, raw.id), diagnostics };
  }
  const res = resolveName(raw.name, tools, pre.args);
  if (!res) {
    if (!raw.explicit) return { diagnostics: [{ strategy, kind: 'ignored', detail: `${raw.name} is not an offered tool` }] };
    return { diagnostics: [{ strategy, kind: 'unknown_tool', detail: raw.name }], repair: unknownToolMessage(cleanName(raw.name), tools) };
  }
  const spec = tools.find((t) => t.name === res.name) as ToolSpec;
  const fitted = fitArguments(raw.args, spec, raw.name, res.name);
  diagnostics.push({ strategy, kind: 'matched', detail: res.via === 'exact' ? res.name : `${res.name} (from "${raw.name}" by ${res.via})` });
  for (const r of fitted.repairs) diagnostics.push({ strategy, kind: 'repaired', detail: r });
  if (!fitted.ok) {
    const what = fitted.problem ?? [...fitted.missing.map((m) => `missing ${m}`), ...fitted.invalid].join(', ');
    diagnostics.push({ strategy, kind: 'invalid_args', detail: `${res.name}: ${what}` });
    const repair = fitted.problem ? unreadableArgumentsMessage(spec, fitted.problem) : badArgumentsMessage(spec, fitted.missing, fitted.invalid);
    return { diagnostics, repair };
  }
  return { call: withId({ name: res.name, arguments: fitted.args, strategy }, raw.id), diagnostics };
}

function withId(call: ParsedCall, id: string | undefined): ParsedCall {
  return id ? { ...call, id } : call;
}
