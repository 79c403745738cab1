// Prose the parser must never take for a call: windows of real README/Markdown files from the
// repo's node_modules, with real JSON, YAML, code and our own tool schemas spliced in.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { stringify as yamlStringify } from 'yaml';
import { allTools } from '../../../src/tools/registry';

const ROOT = path.join(__dirname, '..', '..', '..', 'node_modules');

interface Sources {
  markdown: string[];
  packages: Record<string, unknown>[];
  code: string[];
}

let cached: Sources | undefined;

/** The Markdown files, package.json objects and JS files of node_modules (sorted: deterministic). */
export function proseSources(): Sources {
  if (cached) return cached;
  const markdown: string[] = [];
  const packages: Record<string, unknown>[] = [];
  const code: string[] = [];
  const dirs = fs
    .readdirSync(ROOT)
    .flatMap((d) => (d.startsWith('@') ? fs.readdirSync(path.join(ROOT, d)).map((s) => path.join(d, s)) : [d]))
    .sort();
  for (const d of dirs) {
    const dir = path.join(ROOT, d);
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const n of names) {
      const file = path.join(dir, n);
      if (/\.md$/i.test(n) && markdown.length < 400) markdown.push(read(file));
      else if (n === 'package.json') packages.push(JSON.parse(read(file) || '{}') as Record<string, unknown>);
      else if (/\.js$/.test(n) && code.length < 200) code.push(read(file));
    }
  }
  cached = { markdown: markdown.filter((m) => m.length > 200), packages, code: code.filter((c) => c.length > 200) };
  return cached;
}

function read(file: string): string {
  try {
    const st = fs.statSync(file);
    return st.isFile() && st.size < 300_000 ? fs.readFileSync(file, 'utf8') : '';
  } catch {
    return '';
  }
}

/** A window of whole lines from `text`, starting near `at` (a fraction), about `size` characters. */
function window(text: string, at: number, size: number): string {
  const start = text.lastIndexOf('\n', Math.floor(at * text.length)) + 1;
  const end = text.indexOf('\n', Math.min(text.length, start + size));
  return text.slice(start, end < 0 ? text.length : end);
}

const tools = allTools();

/** Our own tools, listed the ways documentation lists tools. */
const SCHEMA_LISTINGS: ((i: number) => string)[] = [
  () =>
    '```json\n' +
    JSON.stringify(
      tools.map((t) => ({ name: t.name, description: t.description, parameters: t.parameters })),
      null,
      2,
    ) +
    '\n```',
  (i) =>
    JSON.stringify({
      type: 'function',
      function: { name: tools[i % tools.length].name, description: tools[i % tools.length].description, parameters: tools[i % tools.length].parameters },
    }),
  () => tools.map((t) => `- \`${t.name}(${Object.keys(t.parameters.properties ?? {}).join(', ')})\`: ${t.description.split('\n')[0]}`).join('\n'),
  (i) => `Tool: ${tools[i % tools.length].name}\nArguments: ${Object.keys(tools[i % tools.length].parameters.properties ?? {}).join(', ')}`,
  (i) => '```yaml\n' + yamlStringify({ tools: [{ name: tools[i % tools.length].name, parameters: tools[i % tools.length].parameters }] }) + '```',
];

/** One spliced-in snippet: real JSON (fenced or not), YAML, a code fence, or a tool listing. */
function snippet(kind: number, pick: number, at: number): string {
  const src = proseSources();
  const pkg = src.packages[pick % src.packages.length] ?? {};
  switch (kind) {
    case 0:
      return '```json\n' + JSON.stringify(pkg, null, 2) + '\n```';
    case 1:
      return JSON.stringify({ name: pkg.name, version: pkg.version, description: pkg.description });
    case 2:
      return '```yaml\n' + yamlStringify({ name: pkg.name, scripts: pkg.scripts ?? {} }) + '```';
    case 3:
      return '```js\n' + window(src.code[pick % src.code.length] ?? '', at, 600) + '\n```';
    default:
      return SCHEMA_LISTINGS[pick % SCHEMA_LISTINGS.length](pick);
  }
}

/** A Markdown window with up to three snippets spliced in at line boundaries. */
export const genProse: fc.Arbitrary<string> = fc
  .record({
    file: fc.nat(),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    size: fc.integer({ min: 100, max: 4000 }),
    inserts: fc.array(fc.record({ kind: fc.nat(4), pick: fc.nat(), at: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 3 }),
  })
  .map(({ file, at, size, inserts }) => {
    const md = proseSources().markdown;
    const lines = window(md[file % md.length], at, size).split('\n');
    for (const ins of inserts) lines.splice(Math.floor(ins.at * lines.length), 0, '', snippet(ins.kind, ins.pick, ins.at), '');
    return lines.join('\n');
  });
