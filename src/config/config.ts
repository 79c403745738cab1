// One validated Config from flags > environment > the workspace .env (harmless settings only) >
// the user config file > defaults. Settings that widen what runs unasked come only from flags, the
// environment and the user config file. Every error is a ConfigError naming the setting and the fix.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDotenv } from './dotenv';
import { readUserConfig } from './user-config';
import { ignoredNotice, splitWorkspaceSettings } from './workspace-settings';
import { escalationProblem } from './escalation-settings';
import type { ToolModeSetting } from '../types/tool-mode';
import type { OverrideRule } from '../providers/profiles/profile-types';
import { MODEL_PROFILES, GENERIC_PROFILE } from '../providers/profiles/profile-table';
import { flagRules, readModelsFile, secondsSetting, SettingError } from './model-settings';
import { parseChecksSetting, type ChecksSetting } from '../checks/discover';

export class ConfigError extends Error {}

export type ProviderName = 'ollama' | 'openai';

export interface Config {
  /** Workspace root, realpath'd. */
  root: string;
  provider?: ProviderName;
  baseUrl?: string;
  model?: string;
  apiKey?: string;
  /** SMALLCODE_CONTEXT: window override in tokens. */
  contextOverride?: number;
  theme?: string;
  maxSteps: number;
  /** How tools are offered: native `tools` field, text in the prompt tail, or auto (text). */
  toolMode: ToolModeSetting;
  /** Commands run_command may run without asking (argv prefixes of simple commands). */
  allowlist: string[];
  /** SMALLCODE_SANDBOX_NETWORK=1 / --sandbox-network: sandboxed commands may use the network. */
  sandboxNetwork: boolean;
  /** SMALLCODE_SANDBOX=off: commands run unconfined (and `--yes` then no longer covers them). */
  sandboxOff: boolean;
  /** SMALLCODE_PASS_ENV: extra variables commands may see (`NAME` or `PREFIX_*`). */
  passEnv: string[];
  /** The user config file's path (whether or not it exists). */
  userConfigPath?: string;
  /** Variables from the config files (user config, workspace .env) whose secrets output must not show. */
  fileEnv: Record<string, string>[];
  /** The environment settings are read from: user config < workspace (harmless) < process env. */
  env: Record<string, string | undefined>;
  /** Model-profile overrides: user models.yaml, workspace .smallcode/models.yaml, then flags. */
  profileRules: OverrideRule[];
  /** SMALLCODE_FIRST_BYTE_TIMEOUT / SMALLCODE_IDLE_TIMEOUT (seconds) as ms; default: sized per request. */
  firstByteTimeoutMs?: number;
  idleTimeoutMs?: number;
  /** SMALLCODE_CHECKS: the project's checks found automatically, the user's own list, or off.
   * Checks are commands, so only the user's own places set it (never a workspace .env). */
  checks: ChecksSetting;
  /** SMALLCODE_FIX_ROUNDS: how often failing checks go back to the model in one turn. */
  fixRounds: number;
  /** rules.md next to the user config file: the user's own rules for every project. */
  userRulesFile?: string;
  /** Non-fatal problems (e.g. a malformed .env line), shown as warnings. */
  warnings: string[];
}

/** Flags as parsed by the CLI (undefined = not given). */
export interface ConfigFlags {
  provider?: string;
  baseUrl?: string;
  model?: string;
  cwd?: string;
  theme?: string;
  maxSteps?: string;
  context?: string;
  sandboxNetwork?: boolean;
  /** Sampling for one run (model profiles): --temperature, --top-p, --top-k, --min-p, --repeat-penalty. */
  sampling?: Record<string, string | undefined>;
}

const DEFAULT_MAX_STEPS = 25;
const DEFAULT_FIX_ROUNDS = 3;

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function onOff(value: string | undefined, name: string): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || ['0', 'false', 'no', 'off'].includes(v)) return false;
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  throw new ConfigError(`${name} must be 1 or 0, got "${value}"`);
}

function positiveInt(value: string, name: string, fix: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n <= 0) {
    throw new ConfigError(`${name} must be a positive whole number, got "${value}": ${fix}`);
  }
  return n;
}

function checkUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a URL: "${value}" — use e.g. http://127.0.0.1:11434`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must start with http:// or https://, got "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

export function resolveRoot(cwdFlag: string | undefined, processCwd: string): string {
  const dir = path.resolve(processCwd, cwdFlag ?? '.');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new ConfigError(`--cwd: folder "${dir}" does not exist — pass an existing workspace folder`);
  }
  if (!stat.isDirectory()) throw new ConfigError(`--cwd: "${dir}" is not a folder — pass the workspace folder`);
  return fs.realpathSync(dir);
}

function fixRounds(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_FIX_ROUNDS;
  if (value.trim() === '0') return 0;
  return positiveInt(value, 'SMALLCODE_FIX_ROUNDS', 'how often failing checks go back to the model in one turn, e.g. 3 (0: report failures without a retry)');
}

function sandboxOff(value: string | undefined): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'auto' || v === 'on') return false;
  if (v === 'off') return true;
  throw new ConfigError(`SMALLCODE_SANDBOX must be auto or off, got "${value}"`);
}

export function loadConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv, processCwd: string): Config {
  const root = resolveRoot(flags.cwd, processCwd);
  const warnings: string[] = [];
  const user = readUserConfig(env);
  warnings.push(...user.problems);
  let fileValues: Record<string, string> = {};
  const envFile = path.join(root, '.env');
  if (fs.existsSync(envFile)) {
    const parsed = parseDotenv(fs.readFileSync(envFile, 'utf8'), envFile);
    fileValues = parsed.values;
    warnings.push(...parsed.problems);
  }
  const workspace = splitWorkspaceSettings(fileValues);
  if (workspace.ignored.length > 0) warnings.push(ignoredNotice(envFile, workspace.ignored, user.path));
  const merged: Record<string, string | undefined> = { ...user.values, ...workspace.honoured };
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') merged[k] = v;
  const pick = (flag: string | undefined, key: string): { value?: string; source: string } =>
    flag !== undefined
      ? {
          value: flag,
          source: `--${key
            .replace(/^SMALLCODE_/, '')
            .toLowerCase()
            .replace(/_/g, '-')}`,
        }
      : { value: merged[key], source: key };

  const provider = pick(flags.provider, 'SMALLCODE_PROVIDER');
  if (provider.value !== undefined && provider.value !== 'ollama' && provider.value !== 'openai') {
    throw new ConfigError(`${provider.source} must be "ollama" or "openai", got "${provider.value}"`);
  }
  const baseUrl = pick(flags.baseUrl, 'SMALLCODE_BASE_URL');
  const context = pick(flags.context, 'SMALLCODE_CONTEXT');
  const maxSteps = pick(flags.maxSteps, 'SMALLCODE_MAX_STEPS');
  const toolMode = merged.SMALLCODE_TOOLS ?? 'auto';
  if (!['auto', 'native', 'text'].includes(toolMode)) {
    throw new ConfigError(`SMALLCODE_TOOLS must be auto, native or text, got "${toolMode}"`);
  }
  const escalation = escalationProblem(merged);
  if (escalation) throw new ConfigError(escalation);
  const model = flags.model ?? merged.SMALLCODE_MODEL;
  const profiles = loadProfileRules(root, user.path, merged, flags.sampling ?? {}, warnings);
  return {
    ...profiles,
    root,
    provider: provider.value as ProviderName | undefined,
    baseUrl: baseUrl.value ? checkUrl(baseUrl.value, baseUrl.source) : undefined,
    model: model && model.trim() !== '' ? model.trim() : undefined,
    apiKey: merged.SMALLCODE_API_KEY,
    contextOverride: context.value ? positiveInt(context.value, context.source, 'set the context window in tokens, e.g. 16384') : undefined,
    theme: flags.theme ?? merged.SMALLCODE_THEME,
    maxSteps: maxSteps.value ? positiveInt(maxSteps.value, maxSteps.source, 'e.g. --max-steps 30') : DEFAULT_MAX_STEPS,
    toolMode: toolMode as ToolModeSetting,
    allowlist: list(merged.SMALLCODE_ALLOW),
    sandboxNetwork: flags.sandboxNetwork === true || onOff(merged.SMALLCODE_SANDBOX_NETWORK, 'SMALLCODE_SANDBOX_NETWORK'),
    sandboxOff: sandboxOff(merged.SMALLCODE_SANDBOX),
    passEnv: list(merged.SMALLCODE_PASS_ENV),
    userConfigPath: user.path,
    fileEnv: [user.values, fileValues],
    env: merged,
    checks: parseChecksSetting(merged.SMALLCODE_CHECKS),
    fixRounds: fixRounds(merged.SMALLCODE_FIX_ROUNDS),
    userRulesFile: user.path ? path.join(path.dirname(user.path), 'rules.md') : undefined,
    warnings,
  };
}

/** models.yaml (next to the user config file, then the workspace's), then the sampling flags; the
 * two stream timeouts (harmless, so a workspace .env may set them). */
function loadProfileRules(
  root: string,
  userConfigFile: string | undefined,
  merged: Record<string, string | undefined>,
  sampling: Record<string, string | undefined>,
  warnings: string[],
): Pick<Config, 'profileRules' | 'firstByteTimeoutMs' | 'idleTimeoutMs'> {
  const known = [...MODEL_PROFILES.map((p) => p.id), GENERIC_PROFILE.id];
  const profileRules: OverrideRule[] = [];
  const files = [...(userConfigFile ? [path.join(path.dirname(userConfigFile), 'models.yaml')] : []), path.join(root, '.smallcode', 'models.yaml')];
  for (const file of files) {
    const read = readModelsFile(file, known);
    profileRules.push(...read.rules);
    warnings.push(...read.warnings);
  }
  try {
    profileRules.push(...flagRules(sampling));
    return {
      profileRules,
      firstByteTimeoutMs: secondsSetting(merged.SMALLCODE_FIRST_BYTE_TIMEOUT, 'SMALLCODE_FIRST_BYTE_TIMEOUT'),
      idleTimeoutMs: secondsSetting(merged.SMALLCODE_IDLE_TIMEOUT, 'SMALLCODE_IDLE_TIMEOUT'),
    };
  } catch (err) {
    if (err instanceof SettingError) throw new ConfigError(err.message);
    throw err;
  }
}
