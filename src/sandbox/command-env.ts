// The environment a command gets: built from an allow-list of variable names (plus the user's own
// pass-through list), never from the parent's environment minus a deny-list. Pagers and prompts off.

/** Variables every command may see: enough to find programs, write temp files and print text. */
export const BASE_ENV_NAMES = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TERM', 'USER', 'LOGNAME', 'SHELL', 'TMPDIR'] as const;

/** Set for every command: nothing may wait for a keyboard or page its output. */
const NON_INTERACTIVE: Record<string, string> = {
  PAGER: 'cat',
  GIT_PAGER: 'cat',
  GIT_TERMINAL_PROMPT: '0',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  TERM: 'dumb',
};

/** True when `name` is listed in `patterns` (exact names, or prefixes written `NAME_*`). */
export function matchesPassEnv(name: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.endsWith('*') ? p.length > 1 && name.startsWith(p.slice(0, -1)) : p === name));
}

/**
 * The command environment from the host's: BASE_ENV_NAMES and the pass-through names only, then
 * the non-interactive settings, then `overrides` (the sandbox's own TMPDIR).
 */
export function commandEnv(
  host: Record<string, string | undefined>,
  passEnv: readonly string[] = [],
  overrides: Record<string, string> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(host)) {
    if (value === undefined) continue;
    if ((BASE_ENV_NAMES as readonly string[]).includes(name) || matchesPassEnv(name, passEnv)) out[name] = value;
  }
  return { ...out, ...NON_INTERACTIVE, ...overrides };
}
