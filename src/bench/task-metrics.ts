// What one task cost and how the harness had to help, read from the agent's typed events:
// steps, tokens (and cache reuse), speed, tool calls repaired or unreadable, edits applied or
// refused, guard interventions. A subscriber like the printer; no access to the agent itself.
import type { AgentEvent } from '../agent/events';

export interface TaskMetrics {
  steps: number;
  promptTokens: number;
  completionTokens: number;
  /** Prompt tokens the server said it reused from its cache (0 where it does not say). */
  cachedPromptTokens: number;
  /** Completion tokens over generation time, for replies that reported a speed. */
  tokensPerSecond: number | null;
  toolCalls: number;
  /** Calls the parser read only after repairs (broken JSON, a near-miss name, a constrained retry). */
  repairedCalls: number;
  /** Replies that meant a tool call no strategy could read. */
  unreadableReplies: number;
  editsApplied: number;
  /** Edits the patch engine refused (no match, ambiguous …) or the policy did not allow. */
  editsRefused: number;
  /** Guard events other than unreadable calls: repetition, repeated calls, stuck patches, step cap. */
  guardInterventions: number;
}

export interface MetricsCollector {
  onEvent(e: AgentEvent): void;
  result(): TaskMetrics;
}

export function createMetricsCollector(): MetricsCollector {
  const m: TaskMetrics = {
    steps: 0,
    promptTokens: 0,
    completionTokens: 0,
    cachedPromptTokens: 0,
    tokensPerSecond: null,
    toolCalls: 0,
    repairedCalls: 0,
    unreadableReplies: 0,
    editsApplied: 0,
    editsRefused: 0,
    guardInterventions: 0,
  };
  let timedTokens = 0;
  let generationSeconds = 0;
  const writes = new Set<string>();
  // A step whose reply raised an "unreadable" guard and produced no call at all was unreadable
  // (a constrained retry that worked raises the guard too, but then a call follows).
  let stepUnreadable = false;
  let stepCalls = 0;
  const closeStep = () => {
    if (stepUnreadable && stepCalls === 0) m.unreadableReplies++;
    stepUnreadable = false;
    stepCalls = 0;
  };

  return {
    onEvent(e) {
      switch (e.type) {
        case 'step.start':
          closeStep();
          break;
        case 'model.done': {
          m.promptTokens += e.usage.promptTokens;
          m.completionTokens += e.usage.completionTokens;
          m.cachedPromptTokens += e.usage.cachedPromptTokens ?? 0;
          if (e.usage.tokensPerSecond && e.usage.completionTokens > 0) {
            timedTokens += e.usage.completionTokens;
            generationSeconds += e.usage.completionTokens / e.usage.tokensPerSecond;
          }
          break;
        }
        case 'tool.proposed':
          m.toolCalls++;
          stepCalls++;
          if (e.repairs?.length) m.repairedCalls++;
          if (e.risk === 'write') writes.add(e.call.id);
          break;
        case 'tool.result':
          if (writes.has(e.id) && !e.ok && !(e.details?.kind === 'error' && e.details.code === 'already_applied')) m.editsRefused++;
          break;
        case 'patch.applied':
          m.editsApplied++;
          break;
        case 'guard':
          if (e.kind === 'unreadable') stepUnreadable = true;
          else m.guardInterventions++;
          break;
        case 'turn.end':
          closeStep();
          m.steps += e.steps;
          break;
        default:
          break;
      }
    },
    result() {
      return { ...m, tokensPerSecond: generationSeconds > 0 ? timedTokens / generationSeconds : null };
    },
  };
}
