// Which settings a workspace `.env` may give. A workspace comes with whatever repository was
// cloned, so it may choose (model, theme, window) but never widen what runs without asking or
// where the conversation goes: those settings are ignored there with one notice naming them.

/** Harmless choices a workspace may make. SMALLCODE_BASE_URL counts only when it is loopback. */
const WORKSPACE_SETTINGS = new Set([
  'SMALLCODE_PROVIDER',
  'SMALLCODE_MODEL',
  'SMALLCODE_CONTEXT',
  'SMALLCODE_THEME',
  'SMALLCODE_NOTIFY',
  'SMALLCODE_MAX_STEPS',
  'SMALLCODE_TOOLS',
  'SMALLCODE_API_KEY',
  'SMALLCODE_BASE_URL',
  'SMALLCODE_FIRST_BYTE_TIMEOUT',
  'SMALLCODE_IDLE_TIMEOUT',
]);

/** Keys SmallCode reads that only the user's own places may set (escalation sends code to a cloud). */
const USER_ONLY_OTHER = new Set(['ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'DEEPSEEK_API_KEY']);

export function isLoopbackUrl(value: string): boolean {
  try {
    const host = new URL(value).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  } catch {
    return false;
  }
}

export interface WorkspaceSplit {
  /** Settings taken from the workspace .env. */
  honoured: Record<string, string>;
  /** SmallCode settings the workspace tried to set and may not. */
  ignored: string[];
}

export function splitWorkspaceSettings(values: Record<string, string>): WorkspaceSplit {
  const honoured: Record<string, string> = {};
  const ignored: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const allowed = WORKSPACE_SETTINGS.has(name) && (name !== 'SMALLCODE_BASE_URL' || value === '' || isLoopbackUrl(value));
    if (allowed) honoured[name] = value;
    else if (name.startsWith('SMALLCODE_') || USER_ONLY_OTHER.has(name)) ignored.push(name);
  }
  return { honoured, ignored };
}

/** The one-line notice for ignored workspace settings. */
export function ignoredNotice(envFile: string, ignored: string[], userConfig: string | undefined): string {
  const where = userConfig ? `flags, the environment or ${userConfig}` : 'flags or the environment';
  return `${envFile}: ignored ${ignored.join(', ')} — settings that widen what runs unasked or where your code is sent come only from ${where}`;
}
