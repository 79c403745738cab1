// Plain-text call patterns: ReAct (`Action: read_file` / `Action Input: {…}`) and its kin
// (`Tool: x` / `Arguments: {…}`, `Function: x` / `Parameters: …`), as LangChain-trained models write.
import { readJsonAt } from '../json-at';
import { framingBefore } from '../prose-guard';
import type { Found, Strategy } from '../types';

const HEAD =
  /^[ \t]*(?:\*\*)?(?:Action|Tool|Function|Tool[ _]?Name|Function[ _]?Name)(?:\*\*)?\s*:(?:\*\*)?\s*`?([A-Za-z_][\w.-]*)`?[ \t]*\r?\n[ \t]*(?:\*\*)?(Action[ _]Input|Tool[ _]Input|Arguments|Args|Parameters|Input)(?:\*\*)?\s*:(?:\*\*)?[ \t]*(?=\S)/gim;

export const react: Strategy = {
  name: 'react',
  find(text, ctx) {
    if (!/:/.test(text) || !/^[ \t]*(?:\*\*)?(?:Action|Tool|Function)/im.test(text)) return [];
    const out: Found[] = [];
    HEAD.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = HEAD.exec(text))) {
      const name = m[1];
      if (/^final[ _]?answer$/i.test(name) || (ctx.tools && !ctx.knows(name))) continue;
      let at = m.index + m[0].length;
      const fence = /^```\w*\s*\n?/.exec(text.slice(at, at + 20));
      if (fence) at += fence[0].length;
      let end: number;
      let args: unknown;
      if (text[at] === '{') {
        const r = readJsonAt(text, at);
        if (r.kind !== 'value') {
          out.push({
            start: m.index,
            end: text.length,
            calls: [],
            repairs: [],
            unreadable: r.kind === 'truncated' ? 'cut off before the call ended' : 'invalid JSON',
          });
          break;
        }
        args = r.value;
        end = r.end;
      } else {
        // A plain-text input only in real ReAct ("Action Input: ls -la"); "Arguments: path (string)"
        // under a "Tool:" line is a capability list.
        if (!/^action[ _]input$/i.test(m[2])) continue;
        const nl = text.indexOf('\n', at);
        end = nl < 0 ? text.length : nl;
        args = text
          .slice(at, end)
          .trim()
          .replace(/^["'`]|["'`]$/g, '');
      }
      const close = /^\s*```/.exec(text.slice(end, end + 10));
      if (fence && close) end += close[0].length;
      const framing = framingBefore(text, m.index, false);
      out.push(
        framing === 'call'
          ? { start: m.index, end, calls: [{ name, args, explicit: true }], repairs: ['ReAct text'] }
          : { start: m.index, end, calls: [], repairs: [], ignored: `${framing} in prose, not a call` },
      );
      HEAD.lastIndex = Math.max(end, m.index + 1);
    }
    return out;
  },
};
