// Stage 7, run the calls: each through call-execution, in order, while the turn tracks what they
// did (refusals, writes, loops). A guard's stop or a second loop ends the turn as `stuck`.
import type { ToolCallRef } from '../../types/messages';
import type { TurnEndReason } from '../events';
import { executeCall, type CallEnv } from '../call-execution';
import type { TurnState } from './turn-state';

export type Ran = { kind: 'next' } | { kind: 'end'; reason: TurnEndReason; text: string };

/** `beforeWrite`: runs once before the first write call of the turn (the checks' baseline). */
export async function runCalls(
  env: CallEnv,
  turn: TurnState,
  calls: ToolCallRef[],
  signal: AbortSignal,
  repairs: string[] = [],
  beforeWrite?: () => Promise<void>,
): Promise<Ran> {
  turn.lastResults = [];
  let stuck: string | undefined;
  for (const call of calls) {
    env.bus.emit({ type: 'tool.proposed', call, risk: env.tools.byName(call.name)?.risk ?? 'read', ...(repairs.length ? { repairs } : {}) });
    if (beforeWrite && env.tools.byName(call.name)?.risk === 'write') await beforeWrite();
    const outcome = await executeCall(env, call, signal);
    turn.lastResults.push({ name: call.name, ok: outcome.ok, text: outcome.text });
    if (outcome.refused) turn.denied++;
    if (outcome.wrote) {
      turn.wrote++;
      turn.writtenPaths.push(outcome.wrote);
    }
    if (outcome.loop && !turn.retries.loops.spend()) stuck ??= outcome.loop;
    if (outcome.stop) return { kind: 'end', reason: 'stuck', text: outcome.stop };
    if (signal.aborted) return { kind: 'end', reason: 'cancelled', text: 'Cancelled.' };
  }
  return stuck ? { kind: 'end', reason: 'stuck', text: stuck } : { kind: 'next' };
}
