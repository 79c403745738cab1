// Escalation, all of it in one place: the failure log, when a step goes to the cloud model (the
// failure streak or /escalate, within the session cap), the brief it receives instead of the
// history, and the events that say how it went. Control always returns to the local model.
import type { Provider } from '../../providers/types';
import type { ChatMessage } from '../../types/messages';
import type { PlanItem } from '../../types/plan';
import { escalationBrief, type EscalationPolicy } from '../../guard/escalation-policy';
import type { EventBus } from '../event-bus';
import type { ModelCallResult } from '../model-call';

export interface CloudModel {
  provider: Provider;
  label: string;
  model: string;
  policy: EscalationPolicy;
}

export interface CloudStep {
  provider: Provider;
  messages: ChatMessage[];
}

export interface Escalation {
  /** A cloud model is configured. */
  readonly available: boolean;
  /** /escalate: the next step goes to the cloud model (a notice says so, or why not). */
  requestNext(): void;
  /** The stuck-patch strategy asks for the cloud model on the next step (no notice). */
  requestQuietly(): void;
  /** A new turn: a fresh failure log. */
  startTurn(task: string): void;
  /** Whether this step goes to the cloud model; counts one use. */
  due(): boolean;
  /** The cloud request for this step: the brief instead of the local history. */
  cloudStep(system: string, plan: PlanItem[]): CloudStep;
  /** The cloud step's reply came back (or failed): control returns to the local model. */
  finish(reply: ModelCallResult): void;
  failure(reason: string): void;
  success(): void;
}

export function createEscalation(cloud: CloudModel | undefined, bus: EventBus): Escalation {
  let requested = false;
  let failures: string[] = [];
  let task = '';
  return {
    available: cloud !== undefined,
    requestNext() {
      if (!cloud) {
        bus.emit({
          type: 'notice',
          level: 'warn',
          message: 'escalation is not configured: set SMALLCODE_ESCALATE=anthropic|deepseek|openai and the matching API key',
        });
        return;
      }
      requested = true;
      bus.emit({ type: 'notice', level: 'info', message: `the next step goes to ${cloud.label} (${cloud.model})` });
    },
    requestQuietly() {
      requested = true;
    },
    startTurn(text) {
      task = text;
      failures = [];
    },
    due() {
      if (!cloud || !(requested || cloud.policy.shouldEscalate())) return false;
      requested = false;
      if (cloud.policy.forced()) return true;
      bus.emit({ type: 'notice', level: 'warn', message: `escalation cap reached (${cloud.policy.used()} this session): staying with the local model` });
      return false;
    },
    cloudStep(system, plan) {
      if (!cloud) throw new Error('cloudStep without a cloud model');
      bus.emit({ type: 'escalate', provider: cloud.label, model: cloud.model, reason: failures.at(-1) ?? 'requested by the user', phase: 'start' });
      const brief = escalationBrief({ task, plan, regions: failures.slice(-2), failures: failures.slice(-5) });
      return {
        provider: cloud.provider,
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: brief },
        ],
      };
    },
    finish(reply) {
      if (!cloud) return;
      const ok = reply.status === 'ok';
      bus.emit({
        type: 'escalate',
        provider: cloud.label,
        model: cloud.model,
        reason: ok ? 'one step done; back to the local model' : (reply.error?.message ?? reply.status),
        phase: ok ? 'done' : 'failed',
      });
    },
    failure(reason) {
      failures.push(reason);
      cloud?.policy.failure();
    },
    success() {
      cloud?.policy.success();
    },
  };
}
