// gpt-oss Harmony leaking into text: `<|channel|>commentary to=functions.NAME <|constrain|>json
// <|message|>{…}<|call|>`, the recipient also before the channel (`assistant to=functions.NAME
// <|channel|>commentary json<|message|>`), or with the special tokens stripped (`to=functions.NAME json{…}`).
import { readJsonAt } from '../json-at';
import type { Found, Strategy, StrategyContext } from '../types';

const HEAD =
  /(?:<\|start\|>\s*assistant\s*)?(?:<\|channel\|>\s*\w+\s*)?\bto=(?:functions\.)?([A-Za-z_][\w.-]*)(?:\s*<\|channel\|>\s*\w+)?[^{<\n]{0,40}?(?:<\|constrain\|>\s*\w+\s*)?(?:<\|message\|>)?\s*(?=\{)/g;

export const harmony: Strategy = {
  name: 'harmony',
  find(text, ctx) {
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
        const name = unglueContentType(m[1], ctx);
        const repairs = name === m[1] ? r.repairs : [...r.repairs, `content type glued to the name (${m[1]})`];
        out.push({ start: m.index, end, calls: [{ name, args: r.value, explicit: true }], repairs });
        HEAD.lastIndex = end;
      } else {
        out.push({ start: m.index, end: r.end, calls: [], repairs: [], unreadable: r.kind === 'truncated' ? 'cut off before the call ended' : 'invalid JSON' });
        HEAD.lastIndex = Math.max(r.end, at + 1);
      }
    }
    return out;
  },
};

/** gpt-oss sometimes writes the content type onto the recipient (`to=functions.shelljson`,
 * llama.cpp#15158): when NAME is not a tool but NAME minus a trailing `json` is, drop the suffix. */
function unglueContentType(name: string, ctx: StrategyContext): string {
  if (!/\wjson$/i.test(name) || ctx.knows(name)) return name;
  const bare = name.slice(0, -4);
  return ctx.knows(bare) ? bare : name;
}
