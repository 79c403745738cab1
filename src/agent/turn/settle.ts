// Stage 6, settle: read the reply's calls (the forgiving parser; one constrained retry when a call
// was meant but cannot be read) and store the reply once. No calls: the final answer — or, when
// the reply meant a call, a repair note and a bounded retry.
import type { ProviderInfo } from '../../providers/types';
import type { ChatMessage, ToolCallRef } from '../../types/messages';
import type { Tool } from '../../tools/types';
import { allTools, toolSpecs } from '../../tools/registry';
import type { Toolbox } from '../../tools/toolbox';
import type { TurnEndReason } from '../events';
import type { EventBus } from '../event-bus';
import type { HistoryStore } from '../history-store';
import type { ModelCallResult } from '../model-call';
import { readCalls, type ReadCalls } from '../call-reader';
import { noteMessage, withoutThinking } from '../history-format';
import type { Escalation } from './escalation';
import type { Target } from './ask-model';
import type { TurnState } from './turn-state';
import { storedReply } from './stored-reply';

/** `repairs`: what the parser had to fix to read the calls (empty when read as written);
 * `unread`: the repair note for a part of the reply that meant a call but could not be used. */
export type Settled =
  | { kind: 'calls'; calls: ToolCallRef[]; repairs: string[]; unread?: string }
  | { kind: 'next' }
  | { kind: 'end'; reason: TurnEndReason; text: string };

export interface SettleInput {
  info: ProviderInfo;
  bus: EventBus;
  history: HistoryStore;
  escalation: Escalation;
  turn: TurnState;
  maxTokens: number;
  tools: Toolbox;
}

const DEFAULT_REPAIR =
  'Your tool call could not be read. Reply with exactly one block: <tool_call>{"name": "read_file", "arguments": {"path": "src/a.ts"}}</tool_call>';
const EDIT_HINT =
  /\b(?:edit_file|write_file|apply_diff|replace_in_file|str_replace\w*|search_replace|apply_patch)\b|<{5,}\s*(?:SEARCH|ORIGINAL)|^-{3,}\s*SEARCH|\*\*\* Begin Patch/m;

/** What the unreadable reply was trying to do, for the stop message. */
export function unreadableCause(text: string): string {
  if (EDIT_HINT.test(text)) return "The model's edit";
  const named = allTools().find((t) => text.includes(t.name));
  return named ? `The model's ${named.name} call` : "The model's tool call";
}

export async function settle(input: SettleInput, reply: ModelCallResult, target: Target, offered: Tool[], signal: AbortSignal): Promise<Settled> {
  const { history, bus, turn } = input;
  const read = await readCalls({
    text: reply.text,
    native: reply.nativeCalls,
    allSpecs: toolSpecs(input.tools.all()),
    routedSpecs: toolSpecs(offered),
    info: input.info,
    provider: target.provider,
    messages: target.messages,
    maxTokens: input.maxTokens,
    bus,
    signal,
  });
  if (read.calls.length > 0) {
    turn.retries.unreadable.reset();
    turn.cutText = '';
    history.append(storedReply(reply, read, turn.toolMode));
    // Another call in the same reply could not be used: the model must hear of it, or its work is lost.
    const unread = read.parse.intendedButUnreadable && read.parse.repair ? read.parse.repair : undefined;
    return { kind: 'calls', calls: read.calls, repairs: parseRepairs(read), ...(unread ? { unread } : {}) };
  }
  const assistant: ChatMessage = { role: 'assistant', content: withoutThinking(reply.text) };
  if (read.parse.intendedButUnreadable) {
    const repair = read.parse.repair ?? DEFAULT_REPAIR;
    history.append(assistant);
    history.append(noteMessage(repair));
    bus.emit({ type: 'guard', kind: 'unreadable', message: repair });
    input.escalation.failure(`unreadable tool call: ${repair.slice(0, 200)}`);
    // A re-read of the file the broken call was about is a retry, not a loop.
    turn.guards.repeat.forgetMentionedIn(reply.text);
    if (turn.retries.unreadable.spend()) return { kind: 'next' };
    const times = turn.retries.unreadable.used() + 1;
    return { kind: 'end', reason: 'unreadable', text: `${unreadableCause(reply.text)} could not be read ${times} times in a row: ${repair}` };
  }
  history.append(assistant);
  const final = turn.cutText + (read.parse.text.trim() || reply.text.trim());
  if (turn.denied > 0 && turn.wrote === 0) return { kind: 'end', reason: 'refused', text: final || 'The task needed changes that were not approved.' };
  return { kind: 'end', reason: 'done', text: final };
}

/** What the parser had to fix to read this reply's calls: its named repairs, names resolved by
 * alias or near miss, and the constrained retry. Empty when the calls were read as written. */
function parseRepairs(read: ReadCalls): string[] {
  const out = read.parse.diagnostics.filter((d) => d.kind === 'repaired' || (d.kind === 'matched' && d.detail.includes(' (from "'))).map((d) => d.detail);
  if (read.constrained) out.push('constrained retry');
  return [...new Set(out)];
}
