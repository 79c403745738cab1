// Reads a bash syntax tree (tree-sitter-bash) as one simple command — argv words only — or says
// which shell feature makes it more than that. Node kinds are allow-listed, never deny-listed.

/** The part of a tree-sitter node this reader looks at. */
export interface SyntaxNode {
  type: string;
  isNamed: boolean;
  startIndex: number;
  endIndex: number;
  text: string;
  children: (SyntaxNode | null)[];
}

/** A command line as the allow-list sees it: plain argv words, or the reason it is not. */
export type ParsedCommand = { kind: 'simple'; text: string; argv: string[] } | { kind: 'compound'; text: string; reason: string };

/** What each rejected node kind means to a person reading the dialog. */
const FEATURE: Record<string, string> = {
  pipeline: 'a pipe (|)',
  list: 'a command list (&&, ||)',
  ';': 'more than one command (;)',
  '&': 'a background job (&)',
  redirected_statement: 'a redirection (<, >)',
  file_redirect: 'a redirection (<, >)',
  heredoc_redirect: 'a here-document (<<)',
  herestring_redirect: 'a here-string (<<<)',
  subshell: 'a subshell ( … )',
  compound_statement: 'a command group { … }',
  negated_command: 'a negation (!)',
  variable_assignment: 'a variable assignment (NAME=…)',
  command_substitution: 'command substitution $( … ) or ` … `',
  process_substitution: 'process substitution <( … )',
  simple_expansion: 'a variable expansion ($NAME)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell syntax, not a template
  expansion: 'a variable expansion (${ … })',
  arithmetic_expansion: 'arithmetic expansion $(( … ))',
  ansi_c_string: "ANSI-C quoting ($'…')",
  translated_string: 'locale quoting ($"…")',
  brace_expression: 'brace expansion ({a,b})',
  comment: 'a comment (#)',
  ERROR: 'shell syntax that could not be read',
};

/** Characters a bare (unquoted) word may hold without the shell expanding or splitting anything. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./~-]+$/;

function featureOf(node: SyntaxNode): string {
  return FEATURE[node.type] ?? `shell syntax "${node.type}"`;
}

class NotSimple extends Error {}

const reject = (reason: string): never => {
  throw new NotSimple(reason);
};

function bareWord(text: string): string {
  if (!PLAIN_WORD.test(text)) {
    const bad = [...text].find((c) => !PLAIN_WORD.test(c)) ?? text;
    if ('*?['.includes(bad)) reject('a glob pattern (*, ?, [ … ])');
    if ('{}'.includes(bad)) reject('brace expansion ({a,b})');
    if (bad === '\\') reject('a backslash escape outside quotes');
    reject(`the character ${JSON.stringify(bad)} outside quotes`);
  }
  // A tilde expands at the start of a word and after = or : (bash does so in arguments too).
  if (/(^|[=:])~/.test(text)) reject('a home-directory expansion (~)');
  return text;
}

function wordValue(node: SyntaxNode): string {
  switch (node.type) {
    case 'word':
    case 'number':
      return bareWord(node.text);
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'string': {
      for (const child of node.children) {
        if (child && child.type !== '"' && child.type !== 'string_content') reject(featureOf(child));
      }
      const inner = node.text.slice(1, -1);
      // Inside double quotes $, ` and \ still mean something: never guess what the shell makes of them.
      if (/[$`\\]/.test(inner)) reject('$, ` or \\ inside double quotes');
      return inner;
    }
    case 'concatenation': {
      let value = '';
      let at = node.startIndex;
      for (const child of node.children) {
        if (!child) continue;
        if (child.startIndex !== at) reject('shell syntax that could not be read');
        value += wordValue(child);
        at = child.endIndex;
      }
      return value;
    }
    default:
      return reject(featureOf(node));
  }
}

/** Children must tile their parent's text, separated by blanks only (nothing skipped). */
function checkGaps(source: string, nodes: SyntaxNode[], from: number, to: number): void {
  let at = from;
  for (const n of nodes) {
    if (!/^[ \t]*$/.test(source.slice(at, n.startIndex))) reject('shell syntax that could not be read');
    at = n.endIndex;
  }
  if (!/^[ \t]*$/.test(source.slice(at, to))) reject('shell syntax that could not be read');
}

function commandArgv(source: string, command: SyntaxNode): string[] {
  const parts = command.children.filter((c): c is SyntaxNode => c !== null);
  checkGaps(source, parts, command.startIndex, command.endIndex);
  const argv: string[] = [];
  parts.forEach((part, i) => {
    if (part.type === 'command_name') {
      if (i !== 0) reject('shell syntax that could not be read');
      const inner = part.children.filter((c): c is SyntaxNode => c !== null);
      if (inner.length !== 1) reject('shell syntax that could not be read');
      argv.push(wordValue(inner[0]));
    } else {
      if (i === 0) reject(featureOf(part));
      argv.push(wordValue(part));
    }
  });
  if (argv.length === 0) reject('an empty command');
  return argv;
}

/** The one simple command `root` (a tree-sitter-bash `program`) holds, or why it is not one. */
export function readSimpleCommand(source: string, root: SyntaxNode): ParsedCommand {
  try {
    const top = root.children.filter((c): c is SyntaxNode => c !== null);
    if (top.length === 0) reject('an empty command');
    const other = top.find((n) => n.type !== 'command');
    if (other) reject(featureOf(other));
    if (top.length > 1) reject('more than one command');
    checkGaps(source, top, 0, source.length);
    return { kind: 'simple', text: source, argv: commandArgv(source, top[0]) };
  } catch (err) {
    if (err instanceof NotSimple) return { kind: 'compound', text: source, reason: err.message };
    throw err;
  }
}
