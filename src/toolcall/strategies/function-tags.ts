// Qwen3-Coder / OpenHands `<function=NAME><parameter=P>…</parameter></function>` (and
// `<function name="N">`, `<invoke name="N">`) written without a <tool_call> wrapper.
import { findFunctionBlocks } from '../function-xml';
import { readJsonAt } from '../json-at';
import { framingBefore } from '../prose-guard';
import type { Found, Strategy } from '../types';

export const functionTags: Strategy = {
  name: 'function-xml',
  find(text) {
    if (!/<(?:function|(?:[a-z]+:)?invoke)[\s=]/.test(text)) return [];
    return findFunctionBlocks(text).map((b): Found => {
      const framing = text[b.start - 1] === '`' ? 'example' : framingBefore(text, b.start, true);
      if (framing !== 'call') return { start: b.start, end: b.end, calls: [], repairs: b.repairs, ignored: `${framing} in prose, not a call` };
      if (b.jsonBody === undefined) return { start: b.start, end: b.end, calls: [b.call], repairs: b.repairs };
      const r = readJsonAt(b.jsonBody, 0);
      if (r.kind === 'value') return { start: b.start, end: b.end, calls: [{ ...b.call, args: r.value }], repairs: [...b.repairs, ...r.repairs] };
      return {
        start: b.start,
        end: b.end,
        calls: [],
        repairs: b.repairs,
        unreadable: r.kind === 'truncated' ? 'cut off before the call ended' : 'invalid JSON',
      };
    });
  },
};
