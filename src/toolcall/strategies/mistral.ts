// Mistral `[TOOL_CALLS]`: a JSON list (`[TOOL_CALLS][{"name": …, "arguments": …}]`), or the newer
// `[TOOL_CALLS]name[ARGS]{…}` / `[TOOL_CALLS]name[CALL_ID]id[ARGS]{…}`, once or repeated.
import { readBody } from '../body';
import type { Found, Strategy } from '../types';

const MARK = /\[TOOL_CALLS\]/g;

export const mistral: Strategy = {
  name: 'mistral',
  find(text, ctx) {
    if (!text.includes('[TOOL_CALLS]')) return [];
    const marks: number[] = [];
    MARK.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = MARK.exec(text))) marks.push(m.index);
    const out: Found[] = [];
    for (let i = 0; i < marks.length; i++) {
      const bodyStart = marks[i] + '[TOOL_CALLS]'.length;
      const next = i + 1 < marks.length ? marks[i + 1] : text.length;
      const stop = text.slice(bodyStart, next).search(/<\/s>|\[\/TOOL_CALLS\]/);
      const limit = stop >= 0 ? bodyStart + stop : next;
      const body = readBody(text, bodyStart, limit, ctx);
      let end = body.unreadable || body.calls.length === 0 ? limit : body.end;
      const closer = /^\s*(?:<\/s>|\[\/TOOL_CALLS\])/.exec(text.slice(end, end + 20));
      if (closer) end += closer[0].length;
      out.push({
        start: marks[i],
        end,
        calls: body.calls,
        repairs: body.repairs,
        unreadable: body.calls.length === 0 && !body.unreadable ? 'empty [TOOL_CALLS]' : body.unreadable,
      });
    }
    return out;
  },
};
