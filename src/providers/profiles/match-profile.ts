// Picks the built-in profile for a model: by its name first (the most specific evidence), then
// by the chat template the server reports, then by the architecture family; else the generic one.
// Pure: facts in, profile and the reason out.
import { GENERIC_PROFILE, MODEL_PROFILES } from './profile-table';
import type { ModelFacts, ModelProfile } from './profile-types';

export interface ProfileMatch {
  profile: ModelProfile;
  reason: string;
}

/** The name part that identifies the model: an alias, an Ollama name:tag, or a GGUF path. */
function nameCandidates(f: ModelFacts): { label: string; value: string }[] {
  const out = [{ label: 'model name', value: f.model }];
  if (f.modelPath && f.modelPath !== f.model) out.push({ label: 'model file', value: f.modelPath.split(/[\\/]/).pop() ?? f.modelPath });
  return out.filter((c) => c.value);
}

export function matchProfile(facts: ModelFacts, table: readonly ModelProfile[] = MODEL_PROFILES): ProfileMatch {
  for (const { label, value } of nameCandidates(facts)) {
    const lower = value.toLowerCase();
    for (const p of table) {
      const re = p.names.find((r) => r.test(lower));
      if (re) return { profile: p, reason: `${label} "${value}" matched ${re}` };
    }
  }
  const template = facts.chatTemplate;
  if (template) {
    for (const p of table) {
      const hit = p.templates?.find((parts) => parts.every((part) => template.includes(part)));
      if (hit) return { profile: p, reason: `the server's chat template contains ${hit.map((h) => JSON.stringify(h)).join(' and ')}` };
    }
  }
  const family = facts.family?.toLowerCase();
  if (family) {
    const p = table.find((row) => row.families?.includes(family));
    if (p) return { profile: p, reason: `the server reports family "${facts.family}"` };
  }
  return { profile: GENERIC_PROFILE, reason: `no built-in profile matches "${facts.model}"${family ? ` (family ${facts.family})` : ''}` };
}
