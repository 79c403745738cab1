// Steers a random-weight model through a task with the server's OWN constrained decoding: the
// proxy rewrites each step's request so llama-server's grammar can only produce the scripted
// call (native: `tool_choice: "required"` with that one tool, its arguments pinned by `const`;
// text: a json_schema response_format) or the scripted final answer (a GBNF grammar). The
// tokens, tool-call ids, deltas, usage and timings are all the real server's.
import type { Exchange, Json, RecordingProxy } from '../../scripts/real-server/recording-proxy';

export type Move = { call: string; args: Record<string, string> } | { answer: string };

type Msg = { role?: string; content?: unknown };
const messagesOf = (body: Json): Msg[] => (Array.isArray(body.messages) ? (body.messages as Msg[]) : []);

/** SmallCode's compaction asks for a summary; that request is left to the model as it is. */
export function isSummaryRequest(body: Json): boolean {
  return messagesOf(body).some(
    (m) => typeof m.content === 'string' && (m.content.includes('Pause the task. Summarise') || m.content.startsWith('You summarise coding sessions')),
  );
}

/** A response that reached `[DONE]` with HTTP 200: the step it answered is over. */
export function completed(e: Exchange): boolean {
  return e.status === 200 && !e.cut && e.response.includes('[DONE]');
}

const gbnfString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

const pinned = (args: Record<string, string>) => ({
  type: 'object',
  properties: Object.fromEntries(Object.entries(args).map(([k, v]) => [k, { const: v }])),
  required: Object.keys(args),
  additionalProperties: false,
});

function answer(body: Json, text: string): Json {
  delete body.tools;
  delete body.tool_choice;
  delete body.parallel_tool_calls;
  delete body.response_format;
  return { ...body, grammar: `root ::= ${gbnfString(text)}` };
}

/**
 * llama.cpp's "required" grammar still lets content precede the first `<tool_call>` (root ::=
 * generation-prompt space until-"<tool_call>\n"? tool-calls (space)), and a random model never
 * writes that line by chance: the test model's one-token "<tool_call>\n" gets a logit bias, and
 * end-of-turn a larger one so the reply ends where the grammar first allows it (after one
 * call) instead of opening more calls. Every other token is the server's grammar's choice.
 */
function nativeCall(body: Json, name: string, args: Record<string, string>, opening: [number, number][]): Json {
  const tools = Array.isArray(body.tools) ? (body.tools as { function?: { name?: string; description?: string } }[]) : [];
  const spec = tools.find((t) => t.function?.name === name);
  if (!spec) throw new Error(`steer: SmallCode did not offer ${name} natively (tools: ${tools.map((t) => t.function?.name).join(', ')})`);
  return {
    ...body,
    tools: [{ type: 'function', function: { name, description: spec.function?.description ?? '', parameters: pinned(args) } }],
    tool_choice: 'required',
    parallel_tool_calls: false,
    logit_bias: opening,
  };
}

function textCall(body: Json, name: string, args: Record<string, string>): Json {
  const schema = {
    type: 'object',
    properties: { name: { const: name }, arguments: pinned(args) },
    required: ['name', 'arguments'],
    additionalProperties: false,
  };
  return { ...body, response_format: { type: 'json_schema', json_schema: { name: 'tool_call', schema } } };
}

export interface Steering {
  rewrite(body: Json, chatIndex: number): Json;
  /** Chat indexes of the requests that were steered (not summaries). */
  steered: number[];
  /** For each steered request: which move it got. */
  moveOf: Map<number, number>;
  /** `tokens`: the test model's "<tool_call>\n" and end-of-turn ids (see nativeCall). */
  attach(proxy: RecordingProxy, tokens: { toolCallLine: number; endOfTurn: number }): void;
}

/**
 * The n-th move goes to the first request after n completed steered steps, so a retried step
 * (after a cut stream or an overflow error) gets the same move again. After the script the
 * model answers "Done.".
 */
export function steering(moves: Move[]): Steering {
  let proxy: RecordingProxy | undefined;
  let bias: [number, number][] = [];
  const steered: number[] = [];
  const moveOf = new Map<number, number>();
  return {
    steered,
    moveOf,
    attach: (p, tokens) => {
      proxy = p;
      bias = [
        [tokens.toolCallLine, 300],
        [tokens.endOfTurn, 400],
      ];
    },
    rewrite(body, chatIndex) {
      if (isSummaryRequest(body)) return body;
      const chats = proxy?.chats() ?? [];
      const done = steered.filter((i) => chats[i] && completed(chats[i])).length;
      steered.push(chatIndex);
      moveOf.set(chatIndex, done);
      const move = moves[done] ?? { answer: 'Done.' };
      if ('answer' in move) return answer(body, move.answer);
      // Native when SmallCode offered tools natively, else the call is JSON in the reply text.
      const native = Array.isArray(body.tools) && body.tools.length > 0;
      return native ? nativeCall(body, move.call, move.args, bias) : textCall(body, move.call, move.args);
    },
  };
}
