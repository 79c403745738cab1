// Every dialect the parser reads, as a renderer: a generated call (and a damage, where the dialect
// carries JSON) → the text (and native calls) a model would send. undefined = not expressible.
import { parse as yamlParse, stringify as yamlStringify } from 'yaml';
import type { ToolCallRef } from '../../../src/types/messages';
import { type Damage, NO_DAMAGE, serialize } from './parser-render';
import type { GenCall } from './parser-values';

export interface Rendered {
  text: string;
  native?: ToolCallRef[];
}

export interface Dialect {
  name: string;
  /** True when the dialect carries JSON, so the JSON damages apply. */
  json: boolean;
  render(call: GenCall, damage: Damage): Rendered | undefined;
}

const obj = (c: GenCall, d: Damage) => serialize({ name: c.name, arguments: c.arguments }, d);
const args = (c: GenCall, d: Damage) => serialize(c.arguments, d);
const text = (t: string): Rendered => ({ text: t });
/** A parameter value as tag dialects write it: strings raw, the rest as JSON. */
const raw = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export const DIALECTS: Dialect[] = [
  { name: 'hermes', json: true, render: (c, d) => text(`<tool_call>\n${obj(c, d)}\n</tool_call>`) },
  { name: 'hermes-unclosed-tag', json: true, render: (c, d) => text(`<tool_call>\n${obj(c, d)}`) },
  { name: 'json-fence', json: true, render: (c, d) => text(`\`\`\`json\n${obj(c, d)}\n\`\`\``) },
  { name: 'json-bare', json: true, render: (c, d) => text(obj(c, d)) },
  { name: 'json-after-prose', json: true, render: (c, d) => text(`I'll do that now.\n\n${obj(c, d)}`) },
  { name: 'json-missing-final-brace', json: true, render: (c, d) => text(obj(c, d).replace(/\}$/, '')) },
  { name: 'json-doubled-braces', json: true, render: (c, d) => text(`{${obj(c, d)}}`) },
  {
    name: 'double-encoded-arguments',
    json: true,
    render: (c, d) => text(`<tool_call>\n${serialize({ name: c.name, arguments: args(c, d) }, d)}\n</tool_call>`),
  },
  {
    name: 'openai-envelope',
    json: false,
    render: (c) => text(JSON.stringify({ type: 'function', function: { name: c.name, arguments: JSON.stringify(c.arguments) } })),
  },
  { name: 'native-broken-json', json: true, render: (c, d) => ({ text: '', native: [{ id: 'call_1', name: c.name, arguments: { __raw: args(c, d) } }] }) },
  { name: 'mistral-list', json: true, render: (c, d) => text(`[TOOL_CALLS][${obj(c, d)}]`) },
  { name: 'mistral-args', json: true, render: (c, d) => text(`[TOOL_CALLS]${c.name}[ARGS]${args(c, d)}`) },
  { name: 'python-tag', json: true, render: (c, d) => text(`<|python_tag|>${serialize({ name: c.name, parameters: c.arguments }, d)}<|eom_id|>`) },
  {
    name: 'harmony',
    json: true,
    render: (c, d) => text(`<|start|>assistant<|channel|>commentary to=functions.${c.name} <|constrain|>json<|message|>${args(c, d)}<|call|>`),
  },
  { name: 'harmony-glued-json', json: true, render: (c, d) => text(`<|channel|>commentary to=functions.${c.name}json<|message|>${args(c, d)}<|call|>`) },
  { name: 'react', json: true, render: (c, d) => text(`Thought: I need to act.\nAction: ${c.name}\nAction Input: ${args(c, d)}`) },
  {
    name: 'function-xml',
    json: false,
    render: (c) => {
      const params = Object.entries(c.arguments).map(([k, v]) => `<parameter=${k}>\n${raw(v)}\n</parameter>`);
      return text(`<tool_call>\n<function=${c.name}>\n${params.join('\n')}\n</function>\n</tool_call>`);
    },
  },
  {
    name: 'function-xml-unclosed-tag',
    json: false,
    render: (c) => {
      const params = Object.entries(c.arguments).map(([k, v]) => `<parameter=${k}>\n${raw(v)}\n</parameter>`);
      return text(`<tool_call>\n<function=${c.name}>\n${params.join('\n')}\n</function>`);
    },
  },
  {
    name: 'xml-element',
    json: false,
    render: (c) => {
      const params = Object.entries(c.arguments).map(([k, v]) => `<${k}>\n${raw(v)}\n</${k}>`);
      return text(`<${c.name}>\n${params.join('\n')}\n</${c.name}>`);
    },
  },
  {
    name: 'xml-attributes',
    json: false,
    render: (c) => {
      const values = Object.entries(c.arguments).map(([k, v]) => [k, raw(v)] as const);
      const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      // The reader's stated bounds: one line, at most 2,000 characters per value.
      if (values.some(([, v]) => /[\n\r]/.test(v) || esc(v).length > 2000)) return undefined;
      return text(`<${c.name} ${values.map(([k, v]) => `${k}="${esc(v)}"`).join(' ')} />`);
    },
  },
  {
    name: 'yaml',
    json: false,
    render: (c) => {
      const call = { name: c.name, arguments: c.arguments };
      const body = yamlStringify(call);
      // The emitter writes a whitespace-only string with a final newline as `|+` with no
      // indentation indicator, which YAML reads back as "\n": that call has no such rendering.
      if (JSON.stringify(yamlParse(body)) !== JSON.stringify(call)) return undefined;
      return text(`\`\`\`yaml\n${body}\`\`\``);
    },
  },
  {
    name: 'pythonic',
    json: false,
    render: (c) =>
      text(
        `${c.name}(${Object.entries(c.arguments)
          .map(([k, v]) => `${k}=${serialize(v, { ...NO_DAMAGE, pythonLiterals: true })}`)
          .join(', ')})`,
      ),
  },
  {
    name: 'gemma',
    json: false,
    render: (c) => {
      if (JSON.stringify(c.arguments).includes('<escape>')) return undefined;
      const val = (v: unknown): string =>
        typeof v === 'string'
          ? `<escape>${v}<escape>`
          : Array.isArray(v)
            ? `[${v.map(val).join(',')}]`
            : v && typeof v === 'object'
              ? `{${Object.entries(v)
                  .map(([k, x]) => `${k}:${val(x)}`)
                  .join(',')}}`
              : String(v);
      return text(`<start_function_call>call:${c.name}${val(c.arguments)}<end_function_call>`);
    },
  },
];

/** Aider/Cline SEARCH/REPLACE written as prose (edit_file only; the edit-pipeline helper owns it). */
export const EDIT_BLOCK: Dialect = {
  name: 'edit-blocks',
  json: false,
  render: (c) => {
    if (c.name !== 'edit_file') return undefined;
    const a = c.arguments as { path: string; search: string; replace: string };
    // Blocks are lines: an empty replacement is no line at all (one blank line would mean "an empty line").
    const replace = a.replace === '' ? '' : `${a.replace}\n`;
    return text(`${a.path}\n\`\`\`\n<<<<<<< SEARCH\n${a.search}\n=======\n${replace}>>>>>>> REPLACE\n\`\`\``);
  },
};
