// A reply cut off by the output cap (finish reason "length") is never taken as a finished answer
// and its calls never run (their arguments may be cut too). The model is asked to finish — a
// prose answer continues where it stopped, a call is sent again, shorter — a bounded number of
// times; then the turn ends as `cut`.
import { allTools, toolSpecs } from '../../tools/registry';
import { parseToolCalls } from '../../toolcall/index';
import { noteMessage, withoutThinking } from '../history-format';
import type { ModelCallResult } from '../model-call';
import type { Recovery, RecoverInput } from './recover';

export function recoverCut(input: RecoverInput, reply: ModelCallResult): Recovery {
  const { turn, history, bus } = input;
  const limit = reply.usage?.completionTokens || input.model.reserve;
  const partial = withoutThinking(reply.text);
  const parsed = parseToolCalls(reply.text, reply.nativeCalls, { tools: toolSpecs(allTools()) });
  const inCall = parsed.calls.length > 0 || parsed.intendedButUnreadable;
  if (input.lastStep || !turn.retries.cut.spend()) {
    const times = turn.retries.cut.used() + 1;
    const text = `The model's reply was cut off by the output limit (${limit} tokens)${times > 1 ? ` ${times} times in a row` : ''}; the answer is incomplete.`;
    return { kind: 'end', reason: 'cut', text };
  }
  let note: string;
  if (inCall)
    note = `Your reply was cut off at the output limit (${limit} tokens) before your tool call was complete, so nothing was run. Send the call again, shorter: one call per reply; write a large file as a short first version and add the rest with edit_file.`;
  else if (partial === '')
    note = `Your reply was cut off at the output limit (${limit} tokens) before you wrote anything. Answer directly, with less reasoning.`;
  else {
    note = `Your reply was cut off at the output limit (${limit} tokens). Continue exactly where it stopped, without repeating what you already wrote.`;
    turn.cutText += partial;
  }
  if (partial !== '') history.append({ role: 'assistant', content: partial });
  history.append(noteMessage(note));
  bus.emit({ type: 'notice', level: 'warn', message: `the reply was cut off at the output limit (${limit} tokens): asking the model to finish it` });
  return { kind: 'next' };
}
