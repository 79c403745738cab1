// Tool calls written as XML attributes: a wrapper naming the tool (`<tool_call name="read_file">
// {"path": "a.ts"}</tool_call>`) or one self-closing element per tool (`<read_file path="a.ts" />`).
// Only a name that resolves to an offered tool counts, so HTML in prose (`<img src=… />`) never does.
import { CALL_FENCES, fenceLanguageAt } from '../fence';
import { readAttributeTag, type AttributeTag } from '../attribute-tag';
import { readParameters } from '../function-xml';
import { readJsonAt } from '../json-at';
import { framingBefore, standsAlone } from '../prose-guard';
import type { Found, RawCall, Strategy, StrategyContext } from '../types';
import { readXmlElementCall } from '../xml-element-call';

// `<function name=…>` and `<invoke name=…>` with a body are function-xml's; here they arrive only
// self-closing or with more attributes than the name.
const WRAPPERS = new Set(['tool_call', 'toolcall', 'tool-call', 'tool_use', 'tool', 'function_call', 'call', 'function', 'invoke']);
const QUICK = /<[A-Za-z_][\w.-]*(?:\s+[A-Za-z_][\w.:-]*\s*=\s*["']|\s*\/>)/;

/** A call read, or (`unreadable`) a call tag whose JSON is cut off or broken. */
type Read = { call: RawCall; end: number; repairs: string[] } | { unreadable: string; end: number };

export const xmlAttributes: Strategy = {
  name: 'xml-attributes',
  find(text, ctx) {
    if (!QUICK.test(text)) return [];
    const out: Found[] = [];
    const closes = createCloseFinder(text);
    const re = /<[A-Za-z_]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (text[m.index - 1] === '`') continue;
      const tag = readAttributeTag(text, m.index);
      if (!tag) continue;
      const r = WRAPPERS.has(tag.name.toLowerCase()) && tag.attrs.name !== undefined ? readWrapper(text, tag, ctx, closes) : readElement(text, tag, ctx);
      if (!r) continue;
      re.lastIndex = r.end;
      const lang = fenceLanguageAt(text, m.index);
      if (lang !== undefined && !CALL_FENCES.has(lang)) continue;
      const explicit = 'unreadable' in r || r.call.explicit;
      const framing = standsAlone(text, m.index, r.end) ? 'call' : framingBefore(text, m.index, explicit);
      if (framing !== 'call') out.push({ start: m.index, end: r.end, calls: [], repairs: [], ignored: `${framing} in prose, not a call` });
      else if ('unreadable' in r) out.push({ start: m.index, end: r.end, calls: [], repairs: [], unreadable: r.unreadable });
      else out.push({ start: m.index, end: r.end, calls: [r.call], repairs: r.repairs });
    }
    return out;
  },
};

/** `<tool_call name="T" …>BODY</tool_call>`: BODY is JSON arguments, parameter tags, XML children or nothing;
 * the other attributes are arguments too. */
function readWrapper(text: string, tag: AttributeTag, ctx: StrategyContext, closes: CloseFinder): Read | undefined {
  const { name, ...attrs } = tag.attrs;
  if (!ctx.knows(name)) return undefined;
  const repairs = ['name attribute on the call tag'];
  if (tag.selfClosing) return { call: { name, args: attrs, explicit: true }, end: tag.end, repairs };
  const closeTag = `</${tag.name}>`;
  const close = closes(closeTag, tag.end);
  let p = tag.end;
  while (p < text.length && /\s/.test(text[p])) p++;
  if (text[p] === '{') {
    const r = readJsonAt(text, p, close < 0 ? text.length : close);
    if (r.kind !== 'value') return { unreadable: r.kind === 'truncated' ? 'cut off before the call ended' : 'invalid JSON', end: r.end };
    if (typeof r.value !== 'object' || r.value === null || Array.isArray(r.value)) return undefined;
    const end = close < 0 || text.slice(r.end, close).trim() ? r.end : close + closeTag.length;
    if (end === r.end) repairs.push('unclosed tag');
    return { call: { name, args: { ...attrs, ...r.value }, explicit: true }, end, repairs: [...repairs, ...r.repairs] };
  }
  if (close < 0) return undefined;
  const body = text.slice(tag.end, close).trim();
  const children = !body ? {} : /^<param(?:eter)?[\s=]/.test(body) ? readParameters(body, repairs) : readXmlElementCall(`<x>${body}</x>`, 0, () => true)?.args;
  if (!children) return undefined; // prose between the tags: not a call
  return { call: { name, args: { ...attrs, ...children }, explicit: true }, end: close + closeTag.length, repairs };
}

type CloseFinder = (closeTag: string, from: number) => number;

/** indexOf for closing tags, remembering the last hit per tag: many openers without a closer
 * (a damaged or adversarial reply) cost one scan, not one scan each. */
function createCloseFinder(text: string): CloseFinder {
  const last = new Map<string, number>();
  return (closeTag, from) => {
    const known = last.get(closeTag);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const at = text.indexOf(closeTag, from);
    last.set(closeTag, at);
    return at;
  };
}

/** `<read_file path="a.ts" />` or `<read_file path="a.ts"></read_file>`: the element names a tool. */
function readElement(text: string, tag: AttributeTag, ctx: StrategyContext): Read | undefined {
  if (!ctx.knowsStrongly(tag.name)) return undefined;
  // Without a wrapper the element ends its line and starts it or follows a finished sentence
  // ("Let me look: <read_file … />"); inside a sentence it is a mention.
  if (!/(?:^|[.:!]\s)\s*$/.test(text.slice(text.lastIndexOf('\n', tag.start - 1) + 1, tag.start))) return undefined;
  let end = tag.end;
  if (!tag.selfClosing) {
    const close = new RegExp(`^\\s*</${tag.name.replace(/[.-]/g, '\\$&')}\\s*>`).exec(text.slice(end, end + 200));
    if (!close) return undefined;
    end += close[0].length;
  }
  const lineEnd = text.indexOf('\n', end);
  if (/\S/.test(text.slice(end, lineEnd < 0 ? text.length : lineEnd))) return undefined;
  return { call: { name: tag.name, args: tag.attrs, explicit: false }, end, repairs: ['arguments as attributes'] };
}
