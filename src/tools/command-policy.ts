// What a child process may see and when a command may run without asking: secrets are removed
// from its environment, pagers and prompts are disabled, and only simple allowlisted commands skip approval.

/** Variable names that carry credentials: *_API_KEY, *_TOKEN, *_SECRET, *_PASSWORD and kin. */
const SECRET_NAME = /(^|_)(API_?KEY|TOKEN|SECRET|SECRET_KEY|ACCESS_KEY|PASSWORD|PASSWD)$/i;

/** A copy of `env` without credential-bearing variables. */
export function scrubEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) {
    if (v !== undefined && !SECRET_NAME.test(k)) out[k] = v;
  }
  return out;
}

/** The environment commands run with: scrubbed, non-interactive, no colours or pagers. */
export function commandEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...scrubEnv(env),
    PAGER: 'cat',
    GIT_PAGER: 'cat',
    GIT_TERMINAL_PROMPT: '0',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    TERM: 'dumb',
  };
}

/** Shell syntax that chains, pipes, redirects or substitutes: never auto-approved. */
const COMPOUND = /[;|&><`\n\r]|\$\(/;

/**
 * True when `command` is a simple command equal to an allowlist entry or extending one with
 * arguments ("npm test" allows "npm test -- foo"; never "npm test; rm -rf x").
 */
export function isAllowlisted(command: string, allowlist: string[]): boolean {
  const cmd = command.trim().replace(/\s+/g, ' ');
  if (cmd === '' || COMPOUND.test(cmd)) return false;
  return allowlist.some((entry) => {
    const e = entry.trim().replace(/\s+/g, ' ');
    return e !== '' && !COMPOUND.test(e) && (cmd === e || cmd.startsWith(`${e} `));
  });
}
