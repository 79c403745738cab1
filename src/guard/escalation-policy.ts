// When to hand a step to a stronger cloud model: after N consecutive failures or on /escalate,
// at most M times a session, never without an API key. Plus the compact brief it receives.
import type { PlanItem } from '../types/plan';
import { planForPrompt } from '../plan/plan-file';

export interface EscalationPolicyOptions {
  enabled: boolean;
  /** Consecutive failures before escalating (default 3). */
  afterFailures?: number;
  /** Escalations allowed per session (default 3). */
  maxPerSession?: number;
}

export interface EscalationPolicy {
  failure(): void;
  success(): void;
  /** Pure: whether the failure streak calls for the cloud model now (enabled, uses left, N failures). */
  shouldEscalate(): boolean;
  /** An escalation starts now — because shouldEscalate() said so or the user typed /escalate.
   * Counts one use and clears the failure streak. False (nothing changed) when disabled or used up. */
  forced(): boolean;
  used(): number;
  remaining(): number;
  failures(): number;
}

export function createEscalationPolicy(opts: EscalationPolicyOptions): EscalationPolicy {
  const after = Math.max(1, opts.afterFailures ?? 3);
  const max = Math.max(0, opts.maxPerSession ?? 3);
  let fails = 0;
  let usedCount = 0;
  const remaining = () => (opts.enabled ? Math.max(0, max - usedCount) : 0);
  return {
    failure: () => void fails++,
    success: () => void (fails = 0),
    shouldEscalate: () => remaining() > 0 && fails >= after,
    forced() {
      if (remaining() === 0) return false;
      usedCount++;
      fails = 0;
      return true;
    },
    used: () => usedCount,
    remaining,
    failures: () => fails,
  };
}

export type EscalationVendor = 'anthropic' | 'deepseek' | 'openai';

export interface EscalationConfig {
  vendor: EscalationVendor;
  apiKey: string;
  model: string;
  baseUrl?: string;
  afterFailures: number;
  maxPerSession: number;
}

export const VENDORS: { vendor: EscalationVendor; keyVar: string; model: string }[] = [
  { vendor: 'anthropic', keyVar: 'ANTHROPIC_API_KEY', model: 'claude-sonnet-4-6' },
  { vendor: 'deepseek', keyVar: 'DEEPSEEK_API_KEY', model: 'deepseek-v4-flash' },
  { vendor: 'openai', keyVar: 'OPENAI_API_KEY', model: 'gpt-5-mini' },
];

export const OFF = new Set(['', '0', 'off', 'false', 'no', 'none', 'disabled']);
export const AUTO = new Set(['1', 'on', 'true', 'yes', 'auto']);

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = raw === undefined ? NaN : Number(raw.trim());
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** Reads SMALLCODE_ESCALATE (vendor name, or on/auto: the first vendor with a key) and friends. */
export function escalationConfigFromEnv(env: NodeJS.ProcessEnv): EscalationConfig | { disabled: string } {
  const raw = (env.SMALLCODE_ESCALATE ?? '').trim().toLowerCase();
  if (OFF.has(raw)) return { disabled: "escalation is off (set SMALLCODE_ESCALATE=anthropic, deepseek or openai and that vendor's API key)" };
  let choice: (typeof VENDORS)[number] | undefined;
  if (AUTO.has(raw)) {
    choice = VENDORS.find((v) => (env[v.keyVar] ?? '').trim());
    if (!choice) return { disabled: `SMALLCODE_ESCALATE=${raw} but none of ${VENDORS.map((v) => v.keyVar).join(', ')} is set` };
  } else {
    choice = VENDORS.find((v) => v.vendor === raw);
    if (!choice) return { disabled: `SMALLCODE_ESCALATE=${raw} is not a known vendor (use anthropic, deepseek or openai)` };
  }
  const apiKey = (env[choice.keyVar] ?? '').trim();
  if (!apiKey) return { disabled: `SMALLCODE_ESCALATE=${choice.vendor} but ${choice.keyVar} is not set` };
  const baseUrl = (env.SMALLCODE_ESCALATE_BASE_URL ?? '').trim();
  return {
    vendor: choice.vendor,
    apiKey,
    model: (env.SMALLCODE_ESCALATE_MODEL ?? '').trim() || choice.model,
    ...(baseUrl ? { baseUrl } : {}),
    afterFailures: Math.max(1, positiveInt(env.SMALLCODE_ESCALATE_AFTER, 3)),
    maxPerSession: positiveInt(env.SMALLCODE_ESCALATE_MAX, 3),
  };
}

export interface BriefInput {
  task: string;
  plan: PlanItem[];
  /** Code regions that matter, ideally with line numbers, each prefixed by its path. */
  regions: string[];
  /** What went wrong, oldest first. */
  failures: string[];
}

const REGION_CHARS = 6000;
const FAILURE_CHARS = 400;

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}\n… (${s.length - max} more characters)` : s;
}

/** The compact brief for the cloud model: task, plan, the regions, the failures, the reply format. */
export function escalationBrief(input: BriefInput): string {
  const parts = ['A small local model is stuck on this coding task. Work out the fix.', `Task: ${input.task.trim()}`];
  const plan = planForPrompt(input.plan);
  if (plan) parts.push(plan);
  if (input.regions.length) parts.push('Relevant code:', ...input.regions.slice(0, 6).map((r) => clip(r.trimEnd(), REGION_CHARS)));
  const failures = input.failures.slice(-5).map((f) => `- ${clip(f.trim(), FAILURE_CHARS)}`);
  if (failures.length) parts.push('What failed (oldest first):', ...failures);
  parts.push(
    'Reply with the exact edits as SEARCH/REPLACE blocks, each preceded by its file path on its own line, and at most two sentences of explanation. Copy SEARCH text exactly from the code above.',
  );
  return parts.join('\n\n');
}
