// When a command may run without asking: only a single simple command (argv words, nothing the
// shell would expand, chain or redirect) whose argv starts with an allow-list entry's argv, and
// that runs no code of its own choosing (sh -c, git -c, find -exec…). Judged on the parsed form.
import { execStyleReason } from './exec-options';
import type { ParsedCommand, ShellParser } from './shell-parser';

/** An allow-list entry, parsed once: its argv prefix. */
export type AllowEntry = readonly string[];

/** Why `parsed` can never be auto-approved by the allow-list, or undefined when it may be. */
export function notAllowableReason(parsed: ParsedCommand): string | undefined {
  if (parsed.kind === 'compound') return `it contains ${parsed.reason}`;
  return execStyleReason(parsed.argv);
}

/** True when `parsed` is a plain simple command whose argv starts with one entry's argv. */
export function isAllowlisted(parsed: ParsedCommand, allowlist: readonly AllowEntry[]): boolean {
  if (parsed.kind !== 'simple' || notAllowableReason(parsed) !== undefined) return false;
  const argv = parsed.argv;
  return allowlist.some((entry) => entry.length > 0 && entry.length <= argv.length && entry.every((word, i) => argv[i] === word));
}

/** The allow-list as argv prefixes; entries that are not plain simple commands are dropped with a reason. */
export function parseAllowlist(parser: ShellParser, entries: readonly string[]): { entries: AllowEntry[]; problems: string[] } {
  const out: AllowEntry[] = [];
  const problems: string[] = [];
  for (const text of entries) {
    const parsed = parser.parse(text);
    const why = notAllowableReason(parsed);
    if (parsed.kind === 'simple' && why === undefined) out.push(parsed.argv);
    else problems.push(`SMALLCODE_ALLOW entry "${text}" is ignored: ${why} — list plain commands such as "npm test"`);
  }
  return { entries: out, problems };
}

/**
 * The key "always allow this command" remembers: the exact argv of a simple command (so quoting
 * and spacing do not matter), or the exact text of anything else. Never a prefix.
 */
export function alwaysKey(parsed: ParsedCommand): string {
  return parsed.kind === 'simple' ? `argv:${JSON.stringify(parsed.argv)}` : `text:${parsed.text}`;
}
