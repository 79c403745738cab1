// Llama 3.x `<|python_tag|>`: JSON calls (`{"name": …, "parameters": …}`, `;`-separated) or
// built-in style `name.call(query="…")`, up to `<|eom_id|>` / `<|eot_id|>`.
import { readBody } from '../body';
import type { Found, Strategy } from '../types';

export const pythonTag: Strategy = {
  name: 'python-tag',
  find(text, ctx) {
    const out: Found[] = [];
    let at = text.indexOf('<|python_tag|>');
    while (at >= 0) {
      const bodyStart = at + '<|python_tag|>'.length;
      const nextTag = text.indexOf('<|python_tag|>', bodyStart);
      const stopRel = text.slice(bodyStart, nextTag < 0 ? text.length : nextTag).search(/<\|eom_id\|>|<\|eot_id\|>/);
      const limit = stopRel >= 0 ? bodyStart + stopRel : nextTag < 0 ? text.length : nextTag;
      const body = readBody(text, bodyStart, limit, ctx);
      const end = body.unreadable ? limit : Math.max(body.end, limit);
      out.push({ start: at, end, calls: body.calls, repairs: body.repairs, unreadable: body.unreadable });
      at = nextTag;
    }
    return out;
  },
};
