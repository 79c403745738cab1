// Runs one parsed call inside a turn: the repeated-call guard, the tool itself (through the
// approval flow), the output cap, and the stuck-patch strategy when an edit keeps failing.
import type { ToolCallRef } from '../types/messages';
import type { ToolDetails } from '../tools/types';
import type { TurnEnv } from './turn-env';
import { toolByName } from '../tools/registry';
import { readPlan } from '../plan/plan-file';
import { perResultCap } from '../context/budget';
import { capOutput } from '../context/output-cap';
import type { CallRepeatGuard } from '../guard/call-repeat-guard';
import type { StuckPatchGuard } from '../guard/stuck-patch-guard';
import { runCall } from './tool-runner';
import { toolResultMessage, stubFor } from './history-format';
import { stuckAdvice } from './stuck-advice';

/** Guard state that lives for one turn. */
export interface TurnGuards {
  repeat: CallRepeatGuard;
  stuck: StuckPatchGuard;
  /** Tools taken out of the routed set after a loop on them. */
  excluded: Set<string>;
  /** Short failure log for the escalation brief. */
  failures: string[];
}

export interface ExecOutcome {
  ok: boolean;
  refused: boolean;
  wrote?: string;
  loop?: boolean;
  stop?: string;
}

export async function executeCall(env: TurnEnv, call: ToolCallRef, signal: AbortSignal, guards: TurnGuards): Promise<ExecOutcome> {
  const { bus } = env;
  const { repeat: repeatGuard, stuck: stuckGuard, excluded, failures } = guards;
  const tool = toolByName(call.name);
  const append = (content: string, summary: string, ok: boolean, details: ToolDetails = { kind: 'text', output: { text: content } }) => {
    env.history.append(toolResultMessage(call, content, stubFor(call, summary), env.toolMode));
    bus.emit({ type: 'tool.result', id: call.id, name: call.name, ok, summary, details });
  };
  if (!tool) {
    append(`There is no tool named "${call.name}".`, 'unknown tool', false);
    return { ok: false, refused: false };
  }
  const loop = repeatGuard.record(call.name, call.arguments);
  if (loop.loop) {
    bus.emit({ type: 'guard', kind: 'repeated_call', message: loop.message });
    excluded.add(call.name);
    env.cloud?.policy.failure();
    failures.push(loop.message);
    append(loop.message, 'repeated call skipped', false);
    return { ok: false, refused: false, loop: true };
  }
  const window = env.info.contextWindow;
  const capTokens = perResultCap(window);
  const outcome = await runCall(tool, call, {
    root: env.root,
    bus,
    approvals: env.approvals,
    policy: env.policy,
    ctx: { root: env.root, signal, outputCap: Math.floor(capTokens * 3.5) },
  });
  if (outcome.approveRest) env.policy.approveRestOfTurn = true;
  const full = outcome.result.forModel;
  let text = full;
  let cutForModel: { from: number; to: number } | undefined;
  if (tool.risk !== 'write') {
    const capped = capOutput(text, capTokens, env.counter, { readHint: tool.name === 'read_file' });
    text = capped.text;
    if (capped.elidedLines > 0) cutForModel = cutLines(full, capped.text);
  }
  if (outcome.wrote) {
    stuckGuard.success(outcome.wrote);
    repeatGuard.reset();
    env.cloud?.policy.success();
  }
  let stop: string | undefined;
  if (outcome.patchFailedFor) {
    failures.push(`${call.name} ${outcome.patchFailedFor}: ${text.slice(0, 600)}`);
    env.cloud?.policy.failure();
    const verdict = stuckGuard.failure(outcome.patchFailedFor);
    const advice = await stuckAdvice(env.root, outcome.patchFailedFor, verdict.action, env.cloud !== undefined);
    if (advice.note) {
      text += `\n\n${advice.note}`;
      bus.emit({ type: 'guard', kind: 'stuck_patch', message: advice.note.split('\n')[0] });
    }
    if (advice.escalate) env.forceEscalate.value = true;
    if (advice.askUser) stop = `Editing ${outcome.patchFailedFor} keeps failing; please look at it or give the model more precise instructions.`;
  }
  if (call.name === 'update_plan' && outcome.result.ok) {
    const plan = await readPlan(env.root);
    env.lastPlan.items = plan;
    bus.emit({ type: 'plan', items: plan });
  }
  // The UI gets the whole result, with the lines the model did not get marked.
  const details: ToolDetails = { ...(outcome.result.details ?? { kind: 'text' }), output: { text: full, cutForModel } };
  append(text, outcome.result.summary, outcome.result.ok, details);
  return { ok: outcome.result.ok, refused: outcome.refused, wrote: outcome.wrote, stop };
}

/** Which lines of `full` the cap left out of `capped` (head + marker line + tail). */
function cutLines(full: string, capped: string): { from: number; to: number } {
  const all = full.split('\n');
  const kept = capped.split('\n');
  const marker = kept.findIndex((l, i) => l.startsWith('… ') && l !== all[i]);
  if (marker < 0) return { from: 0, to: all.length }; // one giant line cut by characters
  return { from: marker, to: all.length - (kept.length - marker - 1) };
}
