// Themes: JSON files under themes/ (default, light, high-contrast) or a user path, validated on
// load with one clear error line; NO_COLOR gives a monochrome theme painted with attributes only.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../util/package-root';

export const THEME_ROLES = [
  'text',
  'dim',
  'border',
  'borderFocus',
  'title',
  'user',
  'assistant',
  'reasoning',
  'code',
  'tool',
  'ok',
  'fail',
  'notice',
  'warn',
  'error',
  'guard',
  'escalate',
  'diffAdd',
  'diffDel',
  'diffHunk',
  'diffMeta',
  'gaugeSystem',
  'gaugeTools',
  'gaugePlan',
  'gaugeHistory',
  'gaugeFree',
  'gaugeWarn',
  'gaugeDanger',
  'treeDir',
  'treePending',
  'treeApplied',
  'statusFg',
  'statusBg',
  'hint',
  'selected',
  'key',
] as const;

export type ThemeRole = (typeof THEME_ROLES)[number];

export interface Theme {
  name: string;
  /** Monochrome: no colours at all, roles are told apart by bold / underline / inverse. */
  mono: boolean;
  colors: Record<ThemeRole, string>;
}

export const BUILTIN_THEMES = ['default', 'light', 'high-contrast'];

const NAMED = new Set([
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
  'gray',
  'grey',
  'light-black',
  'light-red',
  'light-green',
  'light-yellow',
  'light-blue',
  'light-magenta',
  'light-cyan',
  'light-white',
  'bright-black',
  'bright-red',
  'bright-green',
  'bright-yellow',
  'bright-blue',
  'bright-magenta',
  'bright-cyan',
  'bright-white',
  'default',
]);

function isColor(v: unknown): v is string {
  return typeof v === 'string' && (NAMED.has(v) || /^#[0-9a-fA-F]{6}$/.test(v) || /^#[0-9a-fA-F]{3}$/.test(v));
}

export type ThemeResult = { ok: true; theme: Theme } | { ok: false; error: string };

/** Validates parsed JSON as a theme; `source` names the file in the error. */
export function validateTheme(data: unknown, source: string): ThemeResult {
  if (!data || typeof data !== 'object') return { ok: false, error: `theme ${source}: expected a JSON object with "name" and "colors"` };
  const obj = data as { name?: unknown; colors?: unknown };
  if (!obj.colors || typeof obj.colors !== 'object') return { ok: false, error: `theme ${source}: missing "colors" object` };
  const colors = obj.colors as Record<string, unknown>;
  const missing = THEME_ROLES.filter((r) => colors[r] === undefined);
  if (missing.length) return { ok: false, error: `theme ${source}: missing colours ${missing.join(', ')} — copy themes/default.json and edit it` };
  const bad = THEME_ROLES.filter((r) => !isColor(colors[r]));
  if (bad.length) {
    const r = bad[0];
    return { ok: false, error: `theme ${source}: "${r}" is ${JSON.stringify(colors[r])}, not a colour — use a name like "red" or "#rrggbb"` };
  }
  const name = typeof obj.name === 'string' ? obj.name : path.basename(source, '.json');
  const picked = {} as Record<ThemeRole, string>;
  for (const r of THEME_ROLES) picked[r] = colors[r] as string;
  return { ok: true, theme: { name, mono: false, colors: picked } };
}

export function monochromeTheme(): Theme {
  const colors = {} as Record<ThemeRole, string>;
  for (const r of THEME_ROLES) colors[r] = '';
  return { name: 'monochrome', mono: true, colors };
}

/**
 * Loads a theme by built-in name or path. `NO_COLOR` (any non-empty value) wins and gives the
 * monochrome theme. Errors are one line naming the file and the fix.
 */
export function loadTheme(choice: string | undefined, env: NodeJS.ProcessEnv = process.env): ThemeResult {
  if (env.NO_COLOR) return { ok: true, theme: monochromeTheme() };
  const wanted = choice || env.SMALLCODE_THEME || 'default';
  const file = BUILTIN_THEMES.includes(wanted) ? path.join(packageRoot(), 'themes', `${wanted}.json`) : path.resolve(wanted);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { ok: false, error: `theme "${wanted}" not found (looked for ${file}) — use one of ${BUILTIN_THEMES.join(', ')} or a path to a JSON theme` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `theme ${file}: not valid JSON (${(err as Error).message})` };
  }
  return validateTheme(data, file);
}

const MONO_ATTR: Partial<Record<ThemeRole, string>> = {
  title: 'bold',
  user: 'bold',
  tool: 'bold',
  error: 'bold',
  guard: 'underline',
  escalate: 'underline',
  warn: 'bold',
  diffAdd: 'bold',
  diffHunk: 'underline',
  selected: 'inverse',
  key: 'bold',
  gaugeDanger: 'inverse',
  gaugeWarn: 'bold',
  treePending: 'bold',
  treeApplied: 'underline',
};

/** Wraps already-escaped text in the blessed tags for a role. */
export function paint(theme: Theme, role: ThemeRole, text: string): string {
  if (text === '') return '';
  if (theme.mono) {
    const attr = MONO_ATTR[role];
    return attr ? `{${attr}}${text}{/${attr}}` : text;
  }
  const c = theme.colors[role];
  return `{${c}-fg}${text}{/${c}-fg}`;
}

/** Background paint (gauge segments, status bar). Mono: inverse for "filled", plain otherwise. */
export function paintBg(theme: Theme, role: ThemeRole, text: string): string {
  if (text === '') return '';
  if (theme.mono) return role === 'gaugeFree' || role === 'statusBg' ? text : `{inverse}${text}{/inverse}`;
  const c = theme.colors[role];
  return `{${c}-bg}${text}{/${c}-bg}`;
}
