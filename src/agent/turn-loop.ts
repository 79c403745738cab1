// One user turn as a short loop over named stages (each in src/agent/turn/):
//   prepare → escalate? → request → ask the model → recover → settle → run the calls → verify
// until the model answers without a call (and the checks let it), a stage ends the turn, or the
// step cap is reached.
// A stage that retries (overflow, no native tools, cloud failure) re-runs the step on its own budget.
import type { TurnEndReason } from './events';
import type { TurnOutcome } from './types';
import type { TurnContext } from './turn/turn-context';
import type { Tool } from '../tools/types';
import type { ModelCallResult } from './model-call';
import type { CallEnv } from './call-execution';
import { createTurnState, type TurnState } from './turn/turn-state';
import { prepareStep } from './turn/prepare';
import { buildRequest } from './turn/request';
import { askModel, type Target } from './turn/ask-model';
import { recover } from './turn/recover';
import { settle } from './turn/settle';
import { runCalls } from './turn/run-calls';
import { noteMessage } from './history-format';
import { checkNow, takeBaseline, verify, type VerifyInput } from './turn/verify';
import { showNestedRules } from './turn/nested-rules';

export type { TurnContext } from './turn/turn-context';
export type { CloudModel } from './turn/escalation';

export async function runTurn(ctx: TurnContext, userText: string, signal: AbortSignal): Promise<TurnOutcome> {
  const { bus, history, model, memory, escalation } = ctx;
  const turn = createTurnState(userText, ctx.toolMode);
  ctx.approval.policy.approveRestOfTurn = false;
  escalation.startTurn(userText);
  history.append({ role: 'user', content: userText });
  const end = (reason: TurnEndReason, text: string, steps: number): TurnOutcome => {
    bus.emit({ type: 'turn.end', reason, text, steps });
    return { reason, text, steps };
  };

  const hasChecks = ctx.checks !== undefined && ctx.checks.discover().checks.length > 0;
  let step = 1;
  while (step <= ctx.maxSteps) {
    if (signal.aborted) return end('cancelled', 'Cancelled.', step - 1);
    // run_checks is offered only when the project has checks.
    const excluded = hasChecks ? turn.guards.excluded : new Set([...turn.guards.excluded, 'run_checks']);
    const routing = { userText, lastResults: turn.lastResults, excluded, step, tools: ctx.tools };
    const { plan, offered } = await prepareStep({
      root: ctx.root,
      bus,
      lastPlan: memory.lastPlan,
      window: model.info.contextWindow,
      counter: model.counter,
      ...routing,
    });
    const escalating = escalation.due();
    const shape = { native: turn.toolMode === 'native' || escalating, escalating, offered, plan, forceCompact: turn.forceCompact };
    const request = await buildRequest({ system: ctx.system, rulesTokens: ctx.rulesTokens, model, history, memory, bus, signal, tools: ctx.tools }, shape);
    turn.forceCompact = false;
    if (!request.ok) {
      bus.emit({ type: 'error', message: request.message });
      return end('error', request.message, step);
    }
    const target: Target = escalating
      ? { ...escalation.cloudStep(ctx.system, plan), tools: request.tools, escalating }
      : { provider: model.provider, messages: request.messages, tools: request.tools, escalating };
    const { reply, compactNext } = await askModel({ model, bus, escalation, rawEstimate: request.rawEstimate, budget: request.budget }, target, signal);
    turn.forceCompact ||= compactNext;
    const recovery = recover({ model, bus, history, escalation, turn, rawEstimate: request.rawEstimate, escalating, lastStep: step === ctx.maxSteps }, reply);
    const next = recovery.kind === 'usable' ? await settleAndRun(ctx, turn, step, reply, target, offered, signal) : recovery;
    if (next.kind === 'retry') continue;
    if (next.kind === 'end' && next.reason === 'done') {
      // The model's answer after changes: the project's checks decide whether the turn may end.
      const verified = await verify(verifyInput(ctx), turn.checks, turn.wrote, next.text, signal);
      if (verified.kind === 'end') return end(verified.reason, verified.text, step);
      if (verified.kind === 'pass') return end('done', verified.text, step);
    } else if (next.kind === 'end') return end(next.reason, next.text, step);
    step++;
  }
  const message = `Stopped after ${ctx.maxSteps} steps without finishing (raise the cap with --max-steps).`;
  bus.emit({ type: 'guard', kind: 'step_cap', message });
  return end('max_steps', message, ctx.maxSteps);
}

/** Stages 6 and 7: read and store the reply; run its calls, if it made any. */
async function settleAndRun(ctx: TurnContext, turn: TurnState, step: number, reply: ModelCallResult, target: Target, offered: Tool[], signal: AbortSignal) {
  const { bus, history, model, escalation, memory } = ctx;
  const settled = await settle(
    { info: model.info, bus, history, escalation, turn, maxTokens: model.reserve, tools: ctx.tools },
    reply,
    target,
    offered,
    signal,
  );
  if (settled.kind !== 'calls') return settled;
  const env: CallEnv = {
    root: ctx.root,
    bus,
    history,
    toolMode: turn.toolMode,
    counter: model.counter,
    window: model.info.contextWindow,
    approval: ctx.approval,
    commands: ctx.commands,
    ...(ctx.checks ? { runChecks: (s: AbortSignal, only?: string) => checkNow(verifyInput(ctx), turn.checks, turn.wrote, s, only) } : {}),
    escalation,
    lastPlan: memory.lastPlan,
    reads: memory.reads,
    mark: { turn: ctx.turn, step },
    guards: turn.guards,
    tools: ctx.tools,
  };
  const written = turn.writtenPaths.length;
  const ran = await runCalls(env, turn, settled.calls, signal, settled.repairs, () => takeBaseline(verifyInput(ctx), turn.checks, signal));
  if (settled.unread && ran.kind === 'next') {
    const note = `Not every tool call in your last reply could be used (the others ran). ${settled.unread}`;
    history.append(noteMessage(note));
    bus.emit({ type: 'guard', kind: 'unreadable', message: note });
  }
  showNestedRules(ctx.root, turn.writtenPaths.slice(written), memory.rulesShown, history, model.counter, model.info.contextWindow);
  return ran;
}

function verifyInput(ctx: TurnContext): VerifyInput {
  return { checks: ctx.checks, window: ctx.model.info.contextWindow, bus: ctx.bus, history: ctx.history, escalation: ctx.escalation };
}
