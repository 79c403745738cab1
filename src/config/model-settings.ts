// The user's model-profile overrides and stream timeouts. models.yaml is read from the user
// config dir (next to user-config.ts's file) and from the workspace's .smallcode/ (sampling widens nothing, so a workspace file
// may set it), then flags for one run; a bad entry in a file is skipped with a warning naming
// the file and the key, a bad flag is a ConfigError.
import * as fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { OverrideRule, ProfileValues, ThinkingSetting } from '../providers/profiles/profile-types';

export class SettingError extends Error {}

type Parser = (raw: unknown) => ProfileValues | string;

const num =
  (key: keyof ProfileValues, min: number, max: number, integer = false): Parser =>
  (raw) => {
    const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n)))
      return `must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`;
    return { [key]: n };
  };

const oneOf =
  <T extends string>(key: keyof ProfileValues, allowed: readonly T[]): Parser =>
  (raw) =>
    typeof raw === 'string' && (allowed as readonly string[]).includes(raw.trim()) ? { [key]: raw.trim() } : `must be one of ${allowed.join(', ')}`;

const THINKING: readonly ThinkingSetting[] = ['off', 'on', 'low', 'medium', 'high'];

/** Every setting a models.yaml entry (or a flag) may carry, under its user-facing name. */
export const SETTINGS: Record<string, Parser> = {
  temperature: num('temperature', 0, 2),
  top_p: num('topP', 0, 1),
  top_k: num('topK', 0, 1000, true),
  min_p: num('minP', 0, 1),
  repeat_penalty: num('repeatPenalty', 0.5, 2),
  presence_penalty: num('presencePenalty', -2, 2),
  tools: oneOf('tools', ['native', 'text'] as const),
  thinking: oneOf('thinking', THINKING),
  stop: (raw) => {
    const list = typeof raw === 'string' ? [raw] : raw;
    return Array.isArray(list) && list.every((s) => typeof s === 'string' && s !== '') ? { stop: list } : 'must be a string or a list of strings';
  },
};

/** Reads one models.yaml: `pattern: { setting: value, … }`, a pattern being a model name or a glob. */
export function readModelsFile(file: string, knownProfiles: readonly string[]): { rules: OverrideRule[]; warnings: string[] } {
  const warnings: string[] = [];
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { rules: [], warnings };
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    return { rules: [], warnings: [`${file} is not valid YAML (${(err instanceof Error ? err.message : String(err)).split('\n')[0]}) — it was ignored`] };
  }
  if (doc === null || doc === undefined) return { rules: [], warnings };
  if (typeof doc !== 'object' || Array.isArray(doc))
    return { rules: [], warnings: [`${file} must map model names to settings, e.g. "qwen3-coder*: { temperature: 0.6 }" — it was ignored`] };
  const rules: OverrideRule[] = [];
  for (const [match, entry] of Object.entries(doc as Record<string, unknown>)) {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      warnings.push(`${file}: "${match}" must hold settings such as temperature: 0.6 — skipped`);
      continue;
    }
    const rule: OverrideRule = { match, values: {}, source: `${file} (${match})` };
    for (const [key, raw] of Object.entries(entry as Record<string, unknown>)) {
      if (key === 'profile') {
        if (typeof raw === 'string' && knownProfiles.includes(raw)) rule.profile = raw;
        else warnings.push(`${file}: ${match}: profile must be one of ${knownProfiles.join(', ')} — skipped`);
        continue;
      }
      const parse = SETTINGS[key];
      if (!parse) {
        warnings.push(`${file}: ${match}: unknown setting "${key}" (known: profile, ${Object.keys(SETTINGS).join(', ')}) — skipped`);
        continue;
      }
      const parsed = parse(raw);
      if (typeof parsed === 'string') warnings.push(`${file}: ${match}: ${key} ${parsed} — skipped`);
      else Object.assign(rule.values, parsed);
    }
    rules.push(rule);
  }
  return { rules, warnings };
}

/** Sampling flags for one run, e.g. { '--temperature': '0.2' }. */
export function flagRules(flags: Record<string, string | undefined>): OverrideRule[] {
  const rules: OverrideRule[] = [];
  for (const [flag, raw] of Object.entries(flags)) {
    if (raw === undefined) continue;
    const key = flag.replace(/^--/, '').replace(/-/g, '_');
    const parsed = SETTINGS[key]?.(raw) ?? `is not a sampling setting`;
    if (typeof parsed === 'string') throw new SettingError(`${flag} ${parsed}, got "${raw}"`);
    rules.push({ match: '*', values: parsed, source: flag });
  }
  return rules;
}

/** A timeout setting in seconds (SMALLCODE_FIRST_BYTE_TIMEOUT, SMALLCODE_IDLE_TIMEOUT), as ms. */
export function secondsSetting(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new SettingError(`${name} must be a number of seconds above 0, got "${value}" — e.g. ${name}=600`);
  return Math.round(n * 1000);
}
