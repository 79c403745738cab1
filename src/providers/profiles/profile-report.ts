// The profile as doctor shows it: which one, why, every value with its source, and exactly the
// fields each request carries for it on this server kind.
import type { ServerKind } from '../types';
import { samplingWire } from './profile-wire';
import { PROFILE_KEYS, type ProfileKey, type ResolvedProfile } from './profile-types';

export interface ProfileReport {
  id: string;
  name: string;
  reason: string;
  values: { setting: string; value: unknown; source: string }[];
  /** Body fields (Ollama: `options` entries plus top-level `think`) sent on every request. */
  sent: Record<string, unknown>;
  /** Appended to the system prompt, when this server kind has no switch for thinking. */
  systemSuffix?: string;
}

/** The names users write in models.yaml and flags. */
export const SETTING_NAME: Record<ProfileKey, string> = {
  temperature: 'temperature',
  topP: 'top_p',
  topK: 'top_k',
  minP: 'min_p',
  repeatPenalty: 'repeat_penalty',
  presencePenalty: 'presence_penalty',
  tools: 'tools',
  thinking: 'thinking',
  stop: 'stop',
};

export function profileReport(kind: ServerKind, p: ResolvedProfile | undefined): ProfileReport | undefined {
  if (!p) return undefined;
  const wire = samplingWire(kind, p);
  const values = PROFILE_KEYS.flatMap((key) => {
    const v = p.values[key];
    return v ? [{ setting: SETTING_NAME[key], value: v.value, source: v.source }] : [];
  });
  return {
    id: p.id,
    name: p.name,
    reason: p.reason,
    values,
    sent: { ...wire.fields, ...wire.extras },
    ...(wire.systemSuffix ? { systemSuffix: wire.systemSuffix } : {}),
  };
}
