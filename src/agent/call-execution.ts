// Runs one parsed call inside a turn: the tool itself (through the approval flow), the output
// cap, the read record (an unchanged re-read costs one line), the repeated-call guard (same call,
// same result) and the stuck-patch strategy when an edit keeps failing.
import type { CommandRunner } from '../sandbox/command-runner';
import type { ToolCallRef } from '../types/messages';
import type { PlanItem } from '../types/plan';
import type { ToolMode } from '../types/tool-mode';
import type { TokenCounter } from '../context/token-counter';
import type { ToolContext, ToolDetails } from '../tools/types';
import type { Toolbox } from '../tools/toolbox';
import { readPlan } from '../plan/plan-file';
import { perResultCap } from '../context/budget';
import { capOutput } from '../context/output-cap';
import { textHash, unchangedReadNote, type ReadMark, type ReadRange, type ReadRecord } from '../context/read-record';
import type { EventBus } from './event-bus';
import type { HistoryStore } from './history-store';
import { runCall } from './tool-runner';
import { toolResultMessage, stubFor } from './history-format';
import { stuckAdvice } from './stuck-advice';
import type { Approval } from './turn/turn-context';
import type { Escalation } from './turn/escalation';
import type { TurnGuards } from './turn/turn-state';

export interface CallEnv {
  root: string;
  bus: EventBus;
  history: HistoryStore;
  toolMode: ToolMode;
  counter: TokenCounter;
  window: number;
  approval: Approval;
  /** Runs the model's commands (sandbox, allow-listed environment). */
  commands: CommandRunner;
  /** run_checks: the project's checks (absent when they are off). */
  runChecks?: ToolContext['runChecks'];
  escalation: Escalation;
  lastPlan: { items: PlanItem[] };
  reads: ReadRecord;
  /** When this call runs (named in "unchanged since your read" notes). */
  mark: ReadMark;
  guards: TurnGuards;
  tools: Toolbox;
}

export interface ExecOutcome {
  ok: boolean;
  refused: boolean;
  wrote?: string;
  /** What the model got back (the next step's routing looks for tool names in it). */
  text?: string;
  /** The repeat guard caught a loop: the stop message if the turn ends on it. */
  loop?: string;
  stop?: string;
}

export async function executeCall(env: CallEnv, call: ToolCallRef, signal: AbortSignal): Promise<ExecOutcome> {
  const { bus, guards } = env;
  const tool = env.tools.byName(call.name);
  const append = (content: string, summary: string, ok: boolean, details: ToolDetails = { kind: 'text', output: { text: content } }) => {
    const message = toolResultMessage(call, content, stubFor(call, summary), env.toolMode);
    env.history.append(message);
    bus.emit({ type: 'tool.result', id: call.id, name: call.name, ok, summary, details });
    return message;
  };
  if (!tool) {
    append(`There is no tool named "${call.name}".`, 'unknown tool', false);
    return { ok: false, refused: false };
  }
  const capTokens = perResultCap(env.window);
  const outcome = await runCall(tool, call, {
    root: env.root,
    bus,
    approvals: env.approval.approvals,
    policy: env.approval.policy,
    ctx: { root: env.root, signal, outputCap: Math.floor(capTokens * 3.5), exec: env.commands, runChecks: env.runChecks },
  });
  if (outcome.approveRest) env.approval.policy.approveRestOfTurn = true;
  const result = outcome.result;
  const full = result.forModel;
  let text = full;
  let cutForModel: { from: number; to: number } | undefined;
  if (tool.risk !== 'write') {
    const capped = capOutput(text, capTokens, env.counter, { readHint: tool.name === 'read_file' });
    text = capped.text;
    if (capped.elidedLines > 0) cutForModel = cutLines(full, capped.text);
  }
  const d = result.details;
  const read: ReadRange | undefined = result.ok && d?.kind === 'read' ? { path: d.path, startLine: d.startLine, endLine: d.endLine } : undefined;
  const earlier = read ? env.reads.find(read, text, env.history.get()) : undefined;
  let stop: string | undefined;
  if (outcome.wrote) {
    guards.stuck.success(outcome.wrote);
    guards.repeat.forget(outcome.wrote);
    env.escalation.success();
  }
  if (outcome.patchFailedFor) {
    const path = outcome.patchFailedFor;
    // A re-read after a failed edit is a retry, not a loop.
    guards.repeat.forget(path);
    env.escalation.failure(`${call.name} ${path}: ${text.slice(0, 600)}`);
    const advice = await stuckAdvice(env.root, path, guards.stuck.failure(path).action, env.escalation.available);
    if (advice.note) {
      text += `\n\n${advice.note}`;
      bus.emit({ type: 'guard', kind: 'stuck_patch', message: advice.note.split('\n')[0] });
    }
    if (advice.escalate) env.escalation.requestQuietly();
    if (advice.askUser) stop = `Editing ${path} keeps failing; please look at it or give the model more precise instructions.`;
  }
  if (call.name === 'update_plan' && result.ok) {
    const plan = await readPlan(env.root);
    env.lastPlan.items = plan;
    bus.emit({ type: 'plan', items: plan });
  }
  // The loop key: the call and what it returned (a read by its text's hash, so the one-line
  // "unchanged" answer counts as the same result as the text it stands for). An edit that was
  // applied or failed made the guard forget its file instead.
  const verdict = outcome.wrote || outcome.patchFailedFor ? undefined : guards.repeat.record(call.name, call.arguments, textHash(text));
  if (verdict?.loop) {
    bus.emit({ type: 'guard', kind: 'repeated_call', message: verdict.message });
    guards.excluded.add(call.name);
    env.escalation.failure(verdict.message);
    append(verdict.message, 'repeated call', false);
    const target = stubFor(call, '').replace(/ →$/, '');
    return {
      ok: false,
      refused: outcome.refused,
      loop: `The model repeated the same call with the same result ${verdict.count} times (${target}); stopped. Rephrase the task or give it more detail.`,
    };
  }
  const shown = earlier ? unchangedReadNote(earlier, env.mark) : text;
  // The UI gets the whole result, with the lines the model did not get marked.
  const details: ToolDetails = { ...(result.details ?? { kind: 'text' }), output: { text: full, cutForModel } };
  const message = append(shown, earlier ? `${result.summary} · unchanged` : result.summary, result.ok, details);
  if (read && !earlier) env.reads.remember(read, text, env.mark, message);
  return { ok: result.ok, refused: outcome.refused, wrote: outcome.wrote, stop, text: shown };
}

/** Which lines of `full` the cap left out of `capped` (head + marker line + tail). */
function cutLines(full: string, capped: string): { from: number; to: number } {
  const all = full.split('\n');
  const kept = capped.split('\n');
  const marker = kept.findIndex((l, i) => l.startsWith('… ') && l !== all[i]);
  if (marker < 0) return { from: 0, to: all.length }; // one giant line cut by characters
  return { from: marker, to: all.length - (kept.length - marker - 1) };
}
