// Parses a command line with tree-sitter-bash (the grammar Codex and OpenCode judge commands
// with), loaded once per process from its WebAssembly build, which our build copies into dist/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node as TreeNode } from 'web-tree-sitter';
import { packageRoot } from '../util/package-root';
import { readSimpleCommand, type ParsedCommand } from './simple-command';

export type { ParsedCommand } from './simple-command';

export interface ShellParser {
  parse(command: string): ParsedCommand;
}

/** Characters that display as nothing (or as something else) or that the shell treats specially. */
function hiddenCharacter(text: string): string | undefined {
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n') return 'a newline';
    if (ch === '\r') return 'a carriage return';
    if (code === 0) return 'a NUL byte';
    if ((code < 0x20 && ch !== '\t') || (code >= 0x7f && code <= 0x9f)) return `a control character (U+${code.toString(16).padStart(4, '0')})`;
    if (/[\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u.test(ch)) {
      return `an invisible Unicode character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
    }
  }
  return undefined;
}

function toSyntax(node: TreeNode): Parameters<typeof readSimpleCommand>[1] {
  return {
    type: node.type,
    isNamed: node.isNamed,
    startIndex: node.startIndex,
    endIndex: node.endIndex,
    text: node.text,
    get children() {
      return node.children.map((c) => (c ? toSyntax(c) : null));
    },
  };
}

/** The grammar: the copy `npm run build` puts in dist/grammars/ (all an installed package has; the
 * tree-sitter-bash package itself carries 19 MB of C sources and native prebuilds we never load),
 * else the dev dependency's own file when running from source unbuilt. */
function grammarPath(): string {
  const built = path.join(packageRoot(), 'dist', 'grammars', 'tree-sitter-bash.wasm');
  return fs.existsSync(built) ? built : require.resolve('tree-sitter-bash/tree-sitter-bash.wasm');
}

async function load(): Promise<ShellParser> {
  const { Parser, Language } = require('web-tree-sitter') as typeof import('web-tree-sitter');
  await Parser.init();
  // Bytes, not a path: loading by path takes a dynamic import() that jest's CommonJS runtime lacks.
  const bash = await Language.load(fs.readFileSync(grammarPath()));
  const parser = new Parser();
  parser.setLanguage(bash);
  return {
    parse(command) {
      const hidden = hiddenCharacter(command);
      if (hidden) return { kind: 'compound', text: command, reason: hidden };
      if (command.trim() === '') return { kind: 'compound', text: command, reason: 'an empty command' };
      const tree = parser.parse(command);
      if (!tree) return { kind: 'compound', text: command, reason: 'shell syntax that could not be read' };
      try {
        if (tree.rootNode.hasError) return { kind: 'compound', text: command, reason: 'shell syntax that could not be read' };
        return readSimpleCommand(command, toSyntax(tree.rootNode));
      } finally {
        tree.delete();
      }
    },
  };
}

let loading: Promise<ShellParser> | undefined;

/** The parser, loaded on first use (about 60 ms) and shared by the whole process. */
export function loadShellParser(): Promise<ShellParser> {
  loading ??= load().catch((err) => {
    loading = undefined;
    throw err;
  });
  return loading;
}
