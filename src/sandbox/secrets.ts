// Defence in depth: the values of known secrets (credential-named variables, keys that look like
// keys, passwords inside URLs) are replaced in command output before the model or the log sees it.

export interface Secret {
  name: string;
  value: string;
}

/** Names that carry credentials: *_API_KEY, *_TOKEN, GITHUB_PAT, *_PRIVATE_KEY, OPENAI_KEY, *PASSWORD… */
const SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|COOKIE|SESSION|PRIVATE|(^|_)PAT($|_)|(^|_)AUTH($|_)|(^|_)DSN($|_))/i;
/** Values that are keys whatever their variable is called. */
const KEY_SHAPE = /^(sk-|sk_|rk_|pk_live_|ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|glpat-|xox[abprs]-|AKIA|ASIA|AIza|hf_|npm_)[A-Za-z0-9_-]{8,}/;
/** A password inside a URL: scheme://user:PASSWORD@host. */
const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:([^@\s/]+)@/i;
const MIN_SECRET = 8;
const MIN_URL_PASSWORD = 4;

/** Every secret value found in the given variable sets (the process environment, config files). */
export function findSecrets(...sources: Record<string, string | undefined>[]): Secret[] {
  const found = new Map<string, string>();
  const add = (name: string, value: string, min: number) => {
    if (value.length >= min && !found.has(value)) found.set(value, name);
  };
  for (const source of sources) {
    for (const [name, value] of Object.entries(source)) {
      if (!value) continue;
      if (SECRET_NAME.test(name) || KEY_SHAPE.test(value)) add(name, value, MIN_SECRET);
      const pw = URL_PASSWORD.exec(value)?.[1];
      if (pw) {
        add(name, pw, MIN_URL_PASSWORD);
        try {
          add(name, decodeURIComponent(pw), MIN_URL_PASSWORD);
        } catch {
          // not percent-encoded: the raw form is enough
        }
      }
    }
  }
  return [...found].map(([value, name]) => ({ name, value }));
}

/** `text` with every secret value replaced by `[redacted NAME]` (longest values first). */
export function scrubSecrets(text: string, secrets: readonly Secret[]): string {
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.value.length - a.value.length)) {
    if (out.includes(s.value)) out = out.split(s.value).join(`[redacted ${s.name}]`);
  }
  return out;
}
