// Calls generated from the tool registry's own schemas, with the argument values that break
// parsers: code with braces, quotes, backslashes, regexes, unicode, very long and empty strings.
import fc from 'fast-check';
import { allTools } from '../../../src/tools/registry';
import type { JsonSchema } from '../../../src/types/tool-spec';

export interface GenCall {
  name: string;
  arguments: Record<string, unknown>;
}

const CODE = [
  'function f() {',
  '}',
  'if (a) {\n  return b;\n}',
  'const re = /\\{\\d+\\}/g;',
  'const s = `hi $' + '{name}`;',
  "print('it\\'s')",
  'say "hello" to \'you\'',
  'C:\\Users\\dev\\new',
  'a\\nb',
  '[1, 2,]',
  "{'a': True, 'b': None}",
  '\\',
  '"',
  "'",
  '\t\tindented',
  'line\r\nwindows',
  'déjà vu — “quoted” 中文 😀',
  '$(rm -rf /) && echo `x`',
  '/* comment */ // line',
  'x = {',
  '  ',
  '',
];

/** Another call's syntax inside a value: a file about tool calls (SmallCode editing its own parser). */
const CALL_SYNTAX = [
  '{"name": "read_file", "arguments": {"path": "x"}}',
  '<tool_call>',
  '</tool_call>',
  '<function=read_file>',
  '<read_file>\n<path>x</path>\n</read_file>',
];

/** One adversarial string: code pieces glued together, random unicode, or a very long run. */
export const adversarialString: fc.Arbitrary<string> = codeString(CODE);

/** The same, with other calls' syntax mixed into the code. */
export const callSyntaxString: fc.Arbitrary<string> = codeString([...CODE, ...CALL_SYNTAX]);

function codeString(pieces: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('\n')) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    {
      weight: 2,
      arbitrary: fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', "'", '\\', ':', ',', '\n', ' ', 'a', '`', '<', '>', '/'), maxLength: 30 }),
    },
    { weight: 1, arbitrary: fc.constantFrom(...pieces).map((c) => c.repeat(400)) },
    { weight: 1, arbitrary: fc.constant('') },
  );
}

const PATH = fc.oneof(
  fc.stringMatching(/^[a-z][\w-]{0,10}(\/[\w.-]{1,10}){0,3}\.(ts|js|py|md|json)$/),
  fc.constantFrom('src/app.ts', 'My Documents/notes.md', 'C:\\Users\\dev\\a.py', 'dir with spaces/ünïcode.txt', "it's.md", 'a"b.txt', '.'),
);

/** Values shaped by what the parameter means, so each tool's call is one a model could write. */
function valueFor(key: string, schema: JsonSchema, text: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  if (schema.type === 'integer') return fc.integer({ min: 1, max: 100000 });
  if (schema.type === 'number') return fc.integer({ min: 1, max: 600 });
  if (schema.type === 'boolean') return fc.boolean();
  if (schema.type === 'array') {
    const item = schema.items as JsonSchema;
    return fc.array(
      fc.record({
        text: fc.oneof(
          fc.string({ minLength: 1, maxLength: 30 }),
          text.filter((s) => s.trim() !== ''),
        ),
        done: fc.boolean(),
      }),
      {
        minLength: item ? 1 : 0,
        maxLength: 4,
      },
    );
  }
  if (key === 'path') return PATH;
  // An empty search is no edit: the patch engine refuses it (create files with write_file).
  if (key === 'search') return text.filter((s) => s.trim() !== '');
  if (key === 'glob') return fc.constantFrom('*.ts', '**/*.{js,ts}', 'src/**', '*.md');
  if (key === 'pattern') return fc.oneof(fc.constantFrom('function \\w+\\(', '\\{\\s*$', 'TODO|FIXME', "it's", '"[^"]*"', '^import .* from'), text);
  return text;
}

/** A call of one of the registry's tools: required arguments always, optional ones sometimes;
 * string values from `text`. */
export function genCall(text: fc.Arbitrary<string> = adversarialString): fc.Arbitrary<GenCall> {
  return fc.constantFrom(...allTools()).chain((tool) => {
    const props = (tool.parameters.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((tool.parameters.required as string[] | undefined) ?? []);
    const entries: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [k, s] of Object.entries(props)) entries[k] = valueFor(k, s, text);
    const optional = Object.keys(props).filter((k) => !required.has(k));
    return fc.record(entries, { requiredKeys: [...required] as never[] }).map((args) => {
      for (const k of optional) if (args[k as keyof typeof args] === undefined) delete args[k as keyof typeof args];
      return { name: tool.name, arguments: args as Record<string, unknown> };
    });
  });
}
