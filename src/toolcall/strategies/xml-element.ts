// Cline/Roo-style XML, one element per tool: `<read_file><path>a.ts</path></read_file>`. Only
// element names that name a tool (offered, or known when no tools are given) are considered.
import { CALL_FENCES, fenceLanguageAt } from '../fence';
import { framingBefore, standsAlone } from '../prose-guard';
import type { Found, Strategy } from '../types';
import { readXmlElementCall } from '../xml-element-call';

export const xmlElement: Strategy = {
  name: 'xml-element',
  find(text, ctx) {
    if (!text.includes('<')) return [];
    const out: Found[] = [];
    const re = /<([A-Za-z_][\w.-]*)\s*>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (text[m.index - 1] === '`') continue;
      // Without offered tools an unknown element counts only when it is the whole reply.
      const x = ctx.knowsStrongly(m[1]) || (!ctx.tools && m[1].includes('_')) ? readXmlElementCall(text, m.index, () => true) : undefined;
      if (!x || (!ctx.knowsStrongly(m[1]) && !standsAlone(text, m.index, x.end))) continue;
      re.lastIndex = x.end;
      const lang = fenceLanguageAt(text, m.index);
      if (lang !== undefined && !CALL_FENCES.has(lang)) continue;
      const framing = standsAlone(text, m.index, x.end) ? 'call' : framingBefore(text, m.index, false);
      if (framing !== 'call') {
        out.push({ start: m.index, end: x.end, calls: [], repairs: [], ignored: `${framing} in prose, not a call` });
        continue;
      }
      out.push({ start: m.index, end: x.end, calls: [{ name: x.name, args: x.args, explicit: false }], repairs: x.repairs });
    }
    return out;
  },
};
