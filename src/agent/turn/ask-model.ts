// Stage 4, call the model: one streamed request to the local or cloud model, then the usage
// bookkeeping — calibrate the token estimate on the server's count, report the exact budget, and
// notice a prompt the server silently cut or a window the reply filled.
import type { Provider } from '../../providers/types';
import type { ChatMessage } from '../../types/messages';
import type { ToolSpec } from '../../types/tool-spec';
import { budgetReport } from '../../context/budget-report';
import type { EventBus } from '../event-bus';
import { callModel, type ModelCallResult } from '../model-call';
import type { Escalation } from './escalation';
import type { RequestBudget } from './request';
import type { LocalModel } from './turn-context';

export interface Target {
  provider: Provider;
  messages: ChatMessage[];
  tools?: ToolSpec[];
  /** A cloud step: its usage says nothing about the local model's tokenizer. */
  escalating: boolean;
}

export interface AskInput {
  model: LocalModel;
  bus: EventBus;
  escalation: Escalation;
  /** The request's estimate, to calibrate against the server's count. */
  rawEstimate: number;
  budget: RequestBudget;
}

export interface Asked {
  reply: ModelCallResult;
  /** Compact before the next request: the server cut the prompt, or prompt + reply filled the window. */
  compactNext: boolean;
}

export async function askModel(input: AskInput, target: Target, signal: AbortSignal): Promise<Asked> {
  const { model, bus } = input;
  const reply = await callModel(target.provider, { messages: target.messages, tools: target.tools, maxTokens: model.reserve }, bus, signal);
  if (target.escalating) input.escalation.finish(reply);
  if (reply.status !== 'ok') return { reply, compactNext: false };
  let compactNext = false;
  const usage = reply.usage;
  if (usage?.truncatedPrompt) {
    // Ollama dropped part of the prompt without an error: never calibrate on that sample,
    // and compact before the next request so it fits for real.
    compactNext = true;
    bus.emit({
      type: 'notice',
      level: 'warn',
      message: `the server silently truncated the prompt (it read ${usage.promptTokens} tokens): compacting before the next step — check the model's context length with \`smallcode doctor\``,
    });
  } else if (usage && !target.escalating) {
    model.counter.calibrate(input.rawEstimate, usage.promptTokens);
    bus.emit({ type: 'budget', report: budgetReport(input.budget.built, { ...input.budget.parts, exactPrompt: usage.promptTokens }) });
    // A reply that ran into the end of the window leaves no room for the next step's text.
    if (reply.finishReason === 'length' && usage.promptTokens + usage.completionTokens >= model.info.contextWindow) compactNext = true;
  }
  bus.emit({ type: 'model.done', usage: usage ?? { promptTokens: 0, completionTokens: 0 }, finishReason: reply.finishReason, text: reply.text });
  return { reply, compactNext };
}
