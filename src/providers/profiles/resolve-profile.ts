// Resolves the profile a session runs with: the matched (or user-chosen) built-in profile, then
// every user override in order (user models.yaml, workspace models.yaml, flags), each value
// remembering where it came from. Pure; decided once per discovery, so every request of a session
// carries the same settings.
import { matchProfile } from './match-profile';
import { GENERIC_PROFILE, profileById } from './profile-table';
import {
  PROFILE_KEYS,
  SAMPLING_KEYS,
  type ModelFacts,
  type ModelProfile,
  type OverrideRule,
  type ProfileKey,
  type ProfileValues,
  type ResolvedProfile,
  type ResolvedValues,
} from './profile-types';

/** `*` matches any run of characters; the comparison ignores case. A bare name matches itself
 * with or without an Ollama `:latest` tag. */
export function ruleMatches(pattern: string, model: string): boolean {
  const p = pattern.trim().toLowerCase();
  const m = model.toLowerCase();
  if (!p.includes('*')) return p === m || `${p}:latest` === m || p === m.replace(/:latest$/, '');
  const re = new RegExp(
    `^${p
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(m);
}

function setValue(out: ResolvedValues, key: ProfileKey, value: ProfileValues[ProfileKey], source: string): void {
  if (value === undefined) return;
  (out as Record<string, unknown>)[key] = { value, source };
}

/** The profile of a model the table does not know, on a server that is not a known local kind
 * (a generic OpenAI-compatible endpoint, a cloud API): only what the user set, nothing else. */
const USER_ONLY: ModelProfile = { id: 'user', name: 'your settings only', names: [], values: {}, thinking: { kind: 'none' }, source: '' };

export interface ResolveOptions {
  /** Use the generic profile for unknown models (local server kinds); otherwise send nothing the
   * user did not set — a cloud API may refuse sampling fields its models do not take. */
  fallback: boolean;
}

export function resolveProfile(facts: ModelFacts, rules: readonly OverrideRule[] = [], opts: ResolveOptions = { fallback: true }): ResolvedProfile | undefined {
  const matching = rules.filter((r) => ruleMatches(r.match, facts.model));
  const chooser = [...matching].reverse().find((r) => r.profile && profileById(r.profile));
  let profile: ModelProfile;
  let reason: string;
  if (chooser?.profile) {
    profile = profileById(chooser.profile) as ModelProfile;
    reason = `${chooser.source} chose profile "${chooser.profile}" for "${facts.model}"`;
  } else {
    ({ profile, reason } = matchProfile(facts));
    if (profile === GENERIC_PROFILE && !opts.fallback) {
      if (!matching.length) return undefined;
      profile = USER_ONLY;
    }
  }
  const builtIn = `built-in: ${profile.source}`;
  const values: ResolvedValues = {};
  for (const key of PROFILE_KEYS) setValue(values, key, profile.values[key], builtIn);
  for (const r of matching) for (const key of PROFILE_KEYS) setValue(values, key, r.values[key], r.source);
  // Thinking on: the card's thinking-mode sampling replaces the built-in values the user left alone.
  const thinking = values.thinking?.value;
  if (profile.thinkingValues && thinking && thinking !== 'off') {
    for (const key of SAMPLING_KEYS) {
      if (values[key] && values[key].source !== builtIn) continue;
      const v = profile.thinkingValues[key];
      if (v === undefined) delete values[key];
      else setValue(values, key, v, `${builtIn} (thinking mode)`);
    }
  }
  return { id: profile.id, name: profile.name, reason, thinking: profile.thinking, thinkingCapable: facts.thinkingCapable, values };
}
