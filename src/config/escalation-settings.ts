// SMALLCODE_ESCALATE* checked where settings are read, so a bad value stops the command with one
// line naming the variable and the fix (exit 2), instead of quietly turning escalation off or
// falling back to a default. A missing vendor key is not a bad value: escalation is then off, and
// the run says so.
import { AUTO, OFF, VENDORS } from '../guard/escalation-policy';

function wholeNumber(env: Record<string, string | undefined>, name: string, min: number, example: string): string | undefined {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return undefined;
  if (/^\d+$/.test(raw) && Number(raw) >= min) return undefined;
  return `${name} must be a whole number${min > 0 ? ` (${min} or more)` : ''}, got "${env[name]}" — e.g. ${name}=${example}`;
}

/** The first problem with the escalation settings, or undefined when they are fine (or unset). */
export function escalationProblem(env: Record<string, string | undefined>): string | undefined {
  const raw = (env.SMALLCODE_ESCALATE ?? '').trim().toLowerCase();
  const vendors = VENDORS.map((v) => v.vendor);
  if (!OFF.has(raw) && !AUTO.has(raw) && !(vendors as string[]).includes(raw)) {
    return `SMALLCODE_ESCALATE must be ${vendors.join(', ')}, auto (the first with a key) or off, got "${env.SMALLCODE_ESCALATE}"`;
  }
  const after = wholeNumber(env, 'SMALLCODE_ESCALATE_AFTER', 1, '3 (failures in a row before a step escalates)');
  if (after) return after;
  const max = wholeNumber(env, 'SMALLCODE_ESCALATE_MAX', 0, '3 (escalations per session; 0 never)');
  if (max) return max;
  const url = (env.SMALLCODE_ESCALATE_BASE_URL ?? '').trim();
  if (url !== '' && !/^https?:\/\/[^\s/]+/.test(url)) {
    return `SMALLCODE_ESCALATE_BASE_URL must be an http:// or https:// address, got "${url}" — or leave it unset for the vendor's own`;
  }
  return undefined;
}
