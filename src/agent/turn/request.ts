// Stage 3, the request: tool descriptions and the step note go into the append-only history (only
// what is new), the prompt is assembled within the budget (compacting if needed), and the budget
// report is announced — exact from the server's tokenizer when it can count before the first reply.
import type { ChatMessage } from '../../types/messages';
import type { PlanItem } from '../../types/plan';
import type { ToolSpec } from '../../types/tool-spec';
import type { BudgetReport } from '../../types/budget';
import type { Tool } from '../../tools/types';
import type { Toolbox } from '../../tools/toolbox';
import { nativeToolSpecs } from '../../tools/tool-text';
import { planForPrompt } from '../../plan/plan-file';
import { assemblePrompt } from '../../context/prompt-assembly';
import { budgetReport, type ReportParts } from '../../context/budget-report';
import { placeStepNote, stepNoteContent, stepNoteText } from '../../context/step-note';
import type { EventBus } from '../event-bus';
import type { HistoryStore } from '../history-store';
import { summarizerFor } from '../summarizer';
import { describeInHistory, routedToolsText } from './tool-notes';
import type { LocalModel, SessionMemory } from './turn-context';

export interface RequestInput {
  system: string;
  /** Tokens of the project rules inside `system` (the gauge's rules segment). */
  rulesTokens?: number;
  model: LocalModel;
  history: HistoryStore;
  memory: Pick<SessionMemory, 'toolNotes' | 'stepNotes'>;
  bus: EventBus;
  signal: AbortSignal;
  tools: Toolbox;
}

export interface StepShape {
  /** Tools go in the request's `tools` field (native mode, or a cloud step). */
  native: boolean;
  /** A cloud step: native schemas for the routed tools only. */
  escalating: boolean;
  offered: Tool[];
  plan: PlanItem[];
  forceCompact: boolean;
}

/** The prompt builder's estimate and the harness shares inside the history: what budgetReport needs
 * again once the server reports the real prompt size. */
export interface RequestBudget {
  built: BudgetReport;
  parts: ReportParts;
}

export type Request =
  | { ok: true; messages: ChatMessage[]; tools?: ToolSpec[]; toolsTokens: number; rawEstimate: number; budget: RequestBudget }
  | { ok: false; message: string };

export async function buildRequest(input: RequestInput, shape: StepShape): Promise<Request> {
  const { model, history, bus, memory } = input;
  const { counter, info, provider, reserve } = model;
  // Native mode sends our tools, unchanged, every step; outside (MCP) tools are still described
  // as text in the history when routed in — sending them all natively would overflow the budget.
  const described = shape.native ? shape.offered.filter((t) => t.external) : shape.offered;
  const toolNoteTokens = describeInHistory(history, memory.toolNotes, described, counter);
  const named = shape.native ? described : shape.offered;
  const noteText = stepNoteText({ toolText: named.length > 0 ? routedToolsText(named) : '', planText: planForPrompt(shape.plan) });
  const note = placeStepNote(memory.stepNotes, history.get(), noteText);
  if (note) history.append(note);
  const tools = shape.native ? nativeToolSpecs(shape.escalating ? shape.offered : input.tools.all().filter((t) => !t.external)) : undefined;
  const toolsTokens = tools ? counter.count(JSON.stringify(tools)) : 0;
  const summarize = summarizerFor({
    system: input.system,
    history: history.get(),
    window: info.contextWindow,
    reserve,
    counter,
    provider,
    bus,
    signal: input.signal,
  });
  const assembled = await assemblePrompt({
    system: input.system,
    history: history.get(),
    tail: '',
    window: info.contextWindow,
    reserve,
    counter,
    toolsTokens,
    summarize,
    signal: input.signal,
    force: shape.forceCompact,
  });
  const c = assembled.compaction;
  if (c && c.method !== 'none') bus.emit({ type: 'compaction', before: c.before, after: c.after, method: c.method });
  if (assembled.history !== history.get()) history.replace(assembled.history);
  if (!assembled.ok) return { ok: false, message: assembled.message };
  const parts: ReportParts = {
    toolNoteTokens,
    stepNoteTokens: counter.count(stepNoteContent(memory.stepNotes, assembled.history)),
    rulesTokens: input.rulesTokens ?? 0,
  };
  let report = budgetReport(assembled.report, parts);
  if (info.canTokenize && provider.countTokens && counter.samples() === 0) {
    // The server can count exactly (llama.cpp, vLLM): seed the estimator's calibration from it
    // before the first request instead of learning only after the first reply.
    // The tools offered natively are rendered into the prompt by the server: counted with it
    // (a real llama.cpp server: 802 tokens without them vs 1,324 it counted), unless the server
    // takes no native tools, when they are not sent at all.
    const counted = info.nativeTools ? tools : undefined;
    const exact = await provider.countTokens(assembled.messages, input.signal, counted).catch(() => undefined);
    if (exact !== undefined && exact > 0) {
      const uncounted = counted ? 0 : toolsTokens;
      counter.calibrate(assembled.rawEstimate - uncounted, exact);
      report = budgetReport(assembled.report, { ...parts, exactPrompt: exact + uncounted });
    }
  }
  bus.emit({ type: 'budget', report });
  return { ok: true, messages: assembled.messages, tools, toolsTokens, rawEstimate: assembled.rawEstimate, budget: { built: assembled.report, parts } };
}
