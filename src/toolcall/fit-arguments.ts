// Fits the arguments a model wrote to one tool's JSON schema: decodes double-encoded JSON, renames
// aliased argument names, coerces types and checks required ones. A tool that reads its own
// arguments (edit_file: the patch engine) gets them after the generic renames instead.
import type { JsonSchema, ToolSpec } from '../types/tool-spec';
import { ARG_ALIASES, normName } from './aliases';
import { coerceValue } from './coerce-value';
import { parseLooseJson } from './loose-json';

export type Fitted =
  | { ok: true; args: Record<string, unknown>; repairs: string[] }
  | { ok: false; args: Record<string, unknown>; missing: string[]; invalid: string[]; repairs: string[]; problem?: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Turns whatever stood in the arguments slot into an object (no schema needed). */
export function argumentsObject(raw: unknown, schema?: JsonSchema): { args: Obj; repairs: string[] } {
  const repairs: string[] = [];
  let v = raw;
  for (let i = 0; i < 3 && typeof v === 'string'; i++) {
    const t = v.trim();
    if (!t.startsWith('{') && !t.startsWith('[') && !(t.startsWith('"') && t.endsWith('"'))) break;
    const parsed = parseLooseJson(t);
    if (!parsed) break;
    v = parsed.value;
    repairs.push('double-encoded arguments');
  }
  if (isObj(v)) return { args: { ...v }, repairs };
  if (v === undefined || v === null || v === '') return { args: {}, repairs };
  // A bare value for a tool with exactly one required parameter: `run_command("ls")`.
  const required = schema && Array.isArray(schema.required) ? (schema.required as string[]) : [];
  if (required.length === 1) return { args: { [required[0]]: v }, repairs: [...repairs, `bare value → ${required[0]}`] };
  return { args: { value: v }, repairs };
}

/** `sourceName` is the name the model used (an editor alias changes how arguments map). */
export function fitArguments(raw: unknown, spec: Pick<ToolSpec, 'parameters' | 'readArguments'> | undefined, sourceName: string, target: string): Fitted {
  const schema = spec?.parameters;
  const { args, repairs } = argumentsObject(raw, schema);
  const props = schema && isObj(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : undefined;
  if (!props) return { ok: true, args, repairs };
  placePositional(args, props, repairs);
  adaptEditorArgs(args, sourceName, target, props, repairs);
  renameAliases(args, props, repairs);
  if (spec?.readArguments) {
    const own = spec.readArguments(args);
    if (!own.ok) return { ok: false, args, missing: [], invalid: [], problem: own.problem, repairs: [...repairs, ...own.repairs] };
    return { ok: true, args: own.args, repairs: [...repairs, ...own.repairs] };
  }
  const out: Obj = {};
  const invalid: string[] = [];
  for (const [k, v] of Object.entries(args)) {
    if (!(k in props)) {
      // Validated calls carry only what the schema defines; the note tells the logs what went.
      repairs.push(`dropped unknown argument ${k}`);
      continue;
    }
    const c = coerceValue(v, props[k]);
    if (c.ok) {
      out[k] = c.value;
      if (c.note) repairs.push(`${k}: ${c.note}`);
    } else if (v === null || v === '') {
      repairs.push(`dropped empty ${k}`);
    } else invalid.push(`${k} (expected ${c.expected})`);
  }
  const required = Array.isArray(schema?.required) ? (schema.required as string[]) : [];
  const missing = required.filter((r) => out[r] === undefined || out[r] === null);
  // An optional argument we cannot read is dropped rather than failing the whole call.
  const fatal = invalid.filter((i) => required.includes(i.split(' ')[0]));
  for (const i of invalid) if (!fatal.includes(i)) repairs.push(`dropped unreadable ${i}`);
  if (missing.length > 0 || fatal.length > 0) return { ok: false, args: out, missing, invalid: fatal, repairs };
  return { ok: true, args: out, repairs };
}

/** `read_file("a.ts", 3)`: positional values fill the schema's properties in declared order. */
function placePositional(args: Obj, props: Record<string, JsonSchema>, repairs: string[]): void {
  const pos = args.__positional;
  delete args.__positional;
  if (!Array.isArray(pos)) return;
  const free = Object.keys(props).filter((p) => args[p] === undefined);
  pos.forEach((v, i) => {
    if (i < free.length) args[free[i]] = v;
  });
  repairs.push('positional arguments');
}

function renameAliases(args: Obj, props: Record<string, JsonSchema>, repairs: string[]): void {
  const byNorm = new Map(Object.keys(props).map((p) => [normName(p), p]));
  for (const key of Object.keys(args)) {
    if (key in props) continue;
    const targets = [byNorm.get(normName(key)), ...(ARG_ALIASES[key] ?? ARG_ALIASES[key.toLowerCase()] ?? [])];
    const target = targets.find((t): t is string => t !== undefined && t in props && args[t] === undefined);
    if (!target) continue;
    args[target] = args[key];
    delete args[key];
    repairs.push(`argument ${key} → ${target}`);
  }
}

/** str_replace_editor's `command`/`view_range`, Codex's argv → our parameters. */
function adaptEditorArgs(args: Obj, sourceName: string, target: string, props: Record<string, JsonSchema>, repairs: string[]): void {
  if (target !== 'run_command' && 'command' in args && !('command' in props) && normName(sourceName) !== normName(target)) {
    delete args.command;
  }
  const argv = args.command ?? args.cmd;
  if (Array.isArray(argv) && argv.length > 0 && argv.every((a) => typeof a === 'string') && 'command' in props && props.command?.type === 'string') {
    // Codex/gpt-oss `shell` calls pass argv (["bash", "-lc", "ls -la"]): one shell-quoted line.
    args.command = (argv as string[]).map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
    if ('cmd' in args && !('cmd' in props)) delete args.cmd;
    repairs.push('argv array → command line');
  }
  const range = args.view_range;
  if (Array.isArray(range) && 'start_line' in props) {
    if (typeof range[0] === 'number') args.start_line = range[0];
    if (typeof range[1] === 'number' && range[1] > 0) args.end_line = range[1];
    delete args.view_range;
    repairs.push('view_range → start_line/end_line');
  }
}
