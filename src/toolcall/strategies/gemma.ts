// Gemma / FunctionGemma `call:NAME{key:<escape>v<escape>}` written outside any wrapper tag.
import { parseGemmaCall } from '../gemma-call';
import { framingBefore } from '../prose-guard';
import type { Found, Strategy } from '../types';

export const gemma: Strategy = {
  name: 'gemma',
  find(text) {
    if (!text.includes('call:')) return [];
    const out: Found[] = [];
    const re = /(?<![\w.])call:\s*[A-Za-z_][\w.-]*\s*\{/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const g = parseGemmaCall(text, m.index);
      if (g === null || text[m.index - 1] === '`') continue;
      if (!g) {
        out.push({ start: m.index, end: text.length, calls: [], repairs: [], unreadable: 'cut off before the call ended' });
        break;
      }
      const framing = framingBefore(text, m.index, true);
      out.push(
        framing === 'call'
          ? { start: m.index, end: g.end, calls: [{ name: g.name, args: g.args, explicit: true }], repairs: [] }
          : { start: m.index, end: g.end, calls: [], repairs: [], ignored: `${framing} in prose, not a call` },
      );
      re.lastIndex = g.end;
    }
    return out;
  },
};
