// gpt-oss Harmony leaking into text: `<|channel|>commentary to=functions.NAME <|constrain|>json
// <|message|>{…}<|call|>`, also with the special tokens stripped (`to=functions.NAME json{…}`).
import { readJsonAt } from '../json-at';
import type { Found, Strategy } from '../types';

const HEAD = /(?:<\|start\|>\s*assistant\s*)?(?:<\|channel\|>\s*\w+\s*)?\bto=(?:functions\.)?([A-Za-z_][\w.-]*)[^{<\n]{0,40}?(?:<\|constrain\|>\s*\w+\s*)?(?:<\|message\|>)?\s*(?=\{)/g;

export const harmony: Strategy = {
  name: 'harmony',
  find(text) {
    if (!text.includes('to=')) return [];
    const out: Found[] = [];
    HEAD.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = HEAD.exec(text))) {
      const at = m.index + m[0].length;
      const r = readJsonAt(text, at);
      if (r.kind === 'value') {
        let end = r.end;
        const tail = /^\s*(?:<\|call\|>|<\|end\|>)?/.exec(text.slice(end, end + 20));
        if (tail) end += tail[0].length;
        out.push({ start: m.index, end, calls: [{ name: m[1], args: r.value, explicit: true }], repairs: r.repairs });
        HEAD.lastIndex = end;
      } else {
        out.push({ start: m.index, end: r.end, calls: [], repairs: [], unreadable: r.kind === 'truncated' ? 'cut off before the call ended' : 'invalid JSON' });
        HEAD.lastIndex = Math.max(r.end, at + 1);
      }
    }
    return out;
  },
};
