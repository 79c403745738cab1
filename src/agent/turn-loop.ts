// The step loop of one user turn: route → assemble → call the model → read calls → run them,
// until the model answers without a call, a guard stops it, or the step cap is reached.
import type { TurnEndReason } from './events';
import type { TurnOutcome } from './types';
import type { Tool } from '../tools/types';
import type { TurnEnv } from './turn-env';
import { allTools, toolByName, toolSpecs } from '../tools/registry';
import { routeStep } from '../tools/router';
import { describeToolsCompact, nativeToolSpecs, signatureLine } from '../tools/tool-text';
import { readPlan, planForPrompt } from '../plan/plan-file';
import { createCallRepeatGuard } from '../guard/call-repeat-guard';
import { createStuckPatchGuard } from '../guard/stuck-patch-guard';
import { escalationBrief } from '../guard/escalation-policy';
import { assemblePrompt } from './prompt-assembly';
import { callModel } from './model-call';
import { readCalls, type ReadCalls } from './call-reader';
import { composeTail } from './step-tail';
import { assistantMessage, noteMessage, withoutThinking } from './history-format';
import { executeCall, type TurnGuards } from './call-execution';

export type { TurnEnv, CloudModel } from './turn-env';

const MAX_UNREADABLE = 2;
const MAX_LOOPS = 2;

export async function runTurn(env: TurnEnv, userText: string, signal: AbortSignal): Promise<TurnOutcome> {
  const { bus } = env;
  const guards: TurnGuards = { repeat: createCallRepeatGuard(3), stuck: createStuckPatchGuard(3), excluded: new Set(), failures: [] };
  const { excluded, failures } = guards;
  let lastResults: { name: string; ok: boolean }[] = [];
  let unreadable = 0;
  let overflowRetries = 0;
  let loops = 0;
  let denied = 0;
  let wrote = 0;
  env.policy.approveRestOfTurn = false;
  env.history.append({ role: 'user', content: userText });

  const end = (reason: TurnEndReason, text: string, steps: number): TurnOutcome => {
    bus.emit({ type: 'turn.end', reason, text, steps });
    return { reason, text, steps };
  };

  for (let step = 1; step <= env.maxSteps; step++) {
    if (signal.aborted) return end('cancelled', 'Cancelled.', step - 1);
    const plan = await readPlan(env.root);
    if (JSON.stringify(plan) !== JSON.stringify(env.lastPlan.items)) {
      env.lastPlan.items = plan;
      bus.emit({ type: 'plan', items: plan });
    }
    const route = routeStep({ userText, plan, lastResults, step });
    const routed = route.tools
      .filter((n) => !excluded.has(n))
      .map((n) => toolByName(n))
      .filter((t): t is Tool => t !== undefined);
    const offered = routed.length > 0 ? routed : [toolByName('read_file')!];
    bus.emit({ type: 'step.start', step, tools: offered.map((t) => t.name) });

    let escalating = false;
    if (env.cloud && (env.forceEscalate.value || env.cloud.policy.shouldEscalate())) {
      env.forceEscalate.value = false;
      escalating = env.cloud.policy.forced();
      if (!escalating)
        bus.emit({ type: 'notice', level: 'warn', message: `escalation cap reached (${env.cloud.policy.used()} this session): staying with the local model` });
    }
    const native = env.toolMode === 'native' || escalating;
    // Text tools are described in the append-only history, each once (again only after
    // compaction folded its description away); the volatile tail just names this step's set.
    // Re-sending descriptions after the cached prefix on every step costs prefill each time.
    const toolNoteTokens = native ? 0 : describeInHistory(env, offered);
    const toolText = native ? '' : `Tools for this step: ${offered.map((t) => t.name).join(', ')} (described above).`;
    const tail = composeTail({ toolText, planText: planForPrompt(plan) });
    const nativeSpecs = native ? nativeToolSpecs(escalating ? offered : allTools()) : undefined;
    const toolsTokens = nativeSpecs ? env.counter.count(JSON.stringify(nativeSpecs)) : 0;
    const assembled = await assemblePrompt({
      system: env.system,
      history: env.history.get(),
      tail,
      window: env.info.contextWindow,
      reserve: env.reserve,
      counter: env.counter,
      toolsTokens,
      toolNoteTokens,
      provider: env.provider,
      bus,
      signal,
      force: env.forceCompact,
    });
    env.forceCompact = false;
    if (assembled.history !== env.history.get()) env.history.replace(assembled.history);
    if (!assembled.ok) {
      bus.emit({ type: 'error', message: assembled.message });
      return end('error', assembled.message, step);
    }
    let report = assembled.report;
    if (env.info.canTokenize && env.provider.countTokens && env.counter.samples() === 0) {
      // The server can count exactly (llama.cpp, vLLM): seed the estimator's calibration from it
      // before the first request instead of learning only after the first reply.
      const exact = await env.provider.countTokens(assembled.messages, signal).catch(() => undefined);
      if (exact !== undefined && exact > 0) {
        env.counter.calibrate(assembled.rawEstimate - toolsTokens, exact);
        report = { ...report, prompt: exact + toolsTokens, free: env.info.contextWindow - env.reserve - exact - toolsTokens, source: 'exact' };
      }
    }
    bus.emit({ type: 'budget', report });

    let provider = env.provider;
    let messages = assembled.messages;
    if (escalating && env.cloud) {
      const cloud = env.cloud;
      bus.emit({ type: 'escalate', provider: cloud.label, model: cloud.model, reason: failures.at(-1) ?? 'requested by the user', phase: 'start' });
      provider = cloud.provider;
      const brief = escalationBrief({ task: userText, plan, regions: failures.slice(-2), failures: failures.slice(-5) });
      messages = [
        { role: 'system', content: env.system },
        { role: 'user', content: brief },
      ];
    }
    const reply = await callModel(provider, { messages, tools: nativeSpecs, maxTokens: env.reserve }, bus, signal);
    if (escalating && env.cloud) {
      bus.emit({
        type: 'escalate',
        provider: env.cloud.label,
        model: env.cloud.model,
        reason: reply.status === 'ok' ? 'one step done; back to the local model' : (reply.error?.message ?? reply.status),
        phase: reply.status === 'ok' ? 'done' : 'failed',
      });
    }
    if (reply.status === 'cancelled') return end('cancelled', 'Cancelled.', step);
    if (reply.status === 'error' && escalating) {
      // The cloud model failed (key, quota, network): the local model carries on with this step.
      step--;
      continue;
    }
    if (reply.status === 'error') {
      const message = reply.error?.message ?? 'the model server failed';
      if (reply.error?.code === 'no_tool_support' && env.toolMode === 'native') {
        env.toolMode = 'text';
        bus.emit({ type: 'notice', level: 'warn', message: 'The model does not support native tools: switching to text tool calls.' });
        step--;
        continue;
      }
      if (reply.error?.code === 'prompt_too_long' && overflowRetries < 1) {
        // Our estimate was too low for this server's tokenizer: learn from its count, compact
        // and try the step once more instead of failing the task.
        overflowRetries++;
        if (reply.error.promptTokens) env.counter.calibrate(assembled.rawEstimate, reply.error.promptTokens);
        env.forceCompact = true;
        bus.emit({
          type: 'notice',
          level: 'warn',
          message: `the server said the prompt was too long (${reply.error.promptTokens ?? '?'} tokens): compacting and retrying`,
        });
        step--;
        continue;
      }
      bus.emit({ type: 'error', message });
      return end('error', message, step);
    }
    if (reply.usage?.truncatedPrompt) {
      // Ollama dropped part of the prompt without an error: never calibrate on that sample,
      // and compact before the next request so it fits for real.
      env.forceCompact = true;
      bus.emit({
        type: 'notice',
        level: 'warn',
        message: `the server silently truncated the prompt (it read ${reply.usage.promptTokens} tokens): compacting before the next step — check the model's context length with \`smallcode doctor\``,
      });
    } else if (reply.usage) {
      if (!escalating) {
        env.counter.calibrate(assembled.rawEstimate, reply.usage.promptTokens);
        bus.emit({
          type: 'budget',
          report: {
            ...assembled.report,
            prompt: reply.usage.promptTokens,
            free: env.info.contextWindow - env.reserve - reply.usage.promptTokens,
            source: 'exact',
          },
        });
      }
    }
    bus.emit({ type: 'model.done', usage: reply.usage ?? { promptTokens: 0, completionTokens: 0 }, finishReason: reply.finishReason, text: reply.text });

    if (reply.repetition) {
      env.history.append({ role: 'assistant', content: reply.text.slice(0, 2000) });
      env.history.append(noteMessage(reply.repetition));
      bus.emit({ type: 'guard', kind: 'repetition', message: reply.repetition });
      env.cloud?.policy.failure();
      failures.push('the model started repeating itself');
      continue;
    }

    const read = await readCalls({
      text: reply.text,
      native: reply.nativeCalls,
      allSpecs: toolSpecs(allTools()),
      routedSpecs: toolSpecs(offered),
      info: env.info,
      provider,
      messages,
      maxTokens: env.reserve,
      bus,
      signal,
    });
    if (read.calls.length === 0) {
      if (read.parse.intendedButUnreadable) {
        unreadable++;
        const repair =
          read.parse.repair ??
          'Your tool call could not be read. Reply with exactly one block: <tool_call>{"name": "read_file", "arguments": {"path": "src/a.ts"}}</tool_call>';
        env.history.append({ role: 'assistant', content: withoutThinking(reply.text) });
        env.history.append(noteMessage(repair));
        bus.emit({ type: 'guard', kind: 'unreadable', message: repair });
        env.cloud?.policy.failure();
        failures.push('unreadable tool call: ' + repair.slice(0, 200));
        if (unreadable >= MAX_UNREADABLE) return end('unreadable', `The model's tool calls could not be read ${unreadable} times in a row: ${repair}`, step);
        continue;
      }
      env.history.append({ role: 'assistant', content: withoutThinking(reply.text) });
      const final = read.parse.text.trim() || reply.text.trim();
      if (denied > 0 && wrote === 0) return end('refused', final || 'The task needed changes that were not approved.', step);
      return end('done', final, step);
    }
    unreadable = 0;
    // A constrained retry's JSON is stored in the canonical <tool_call> form, like native calls.
    env.history.append(
      assistantMessage(read.constrained ? '' : withoutThinking(reply.text), read.calls, env.toolMode, read.constrained || reply.nativeCalls.length > 0),
    );
    lastResults = [];
    const repairs = parseRepairs(read);
    for (const call of read.calls) {
      bus.emit({ type: 'tool.proposed', call, risk: toolByName(call.name)?.risk ?? 'read', ...(repairs.length ? { repairs } : {}) });
      const outcome = await executeCall(env, call, signal, guards);
      lastResults.push({ name: call.name, ok: outcome.ok });
      if (outcome.refused) denied++;
      if (outcome.wrote) wrote++;
      if (outcome.loop) loops++;
      if (outcome.stop) return end('stuck', outcome.stop, step);
      if (signal.aborted) return end('cancelled', 'Cancelled.', step);
    }
    if (loops >= MAX_LOOPS) return end('stuck', 'The model kept repeating the same tool call; stopped. Rephrase the task or give it more detail.', step);
  }
  const msg = `Stopped after ${env.maxSteps} steps without finishing (raise the cap with --max-steps).`;
  bus.emit({ type: 'guard', kind: 'step_cap', message: msg });
  return end('max_steps', msg, env.maxSteps);
}

/** What the parser had to fix to read this reply's calls: its named repairs, names resolved by
 * alias or near miss, and the constrained retry. Empty when the calls were read as written. */
function parseRepairs(read: ReadCalls): string[] {
  const out = read.parse.diagnostics.filter((d) => d.kind === 'repaired' || (d.kind === 'matched' && d.detail.includes(' (from "'))).map((d) => d.detail);
  if (read.constrained) out.push('constrained retry');
  return [...new Set(out)];
}

/** Appends descriptions of the offered tools the history does not describe yet; returns the
 * tokens all tool descriptions in the history take (the gauge's tools share). */
function describeInHistory(env: TurnEnv, offered: Tool[]): number {
  const history = env.history.get();
  for (const [name, message] of [...env.toolNotes]) if (!history.includes(message)) env.toolNotes.delete(name);
  const missing = offered.filter((t) => !env.toolNotes.has(t.name));
  if (missing.length > 0) {
    // The first description carries the call format; later ones only add signature lines.
    const content = env.toolNotes.size === 0 ? describeToolsCompact(missing) : ['More tools you can use:', ...missing.map(signatureLine)].join('\n');
    const message = { role: 'user' as const, content, origin: 'harness' as const };
    env.history.append(message);
    for (const t of missing) env.toolNotes.set(t.name, message);
  }
  let tokens = 0;
  for (const m of new Set(env.toolNotes.values())) tokens += env.counter.count(m.content);
  return tokens;
}
