// Reads the Qwen3-Coder / OpenHands call form `<function=NAME><parameter=P>value</parameter></function>`
// and its kin `<function name="N">`, `<invoke name="N"><parameter name="P">`, MiniCPM's `<param name="P">`,
// without an XML parser:
// values are code and hold raw `&` and `<`, and the closing tags are often missing.
import type { RawCall } from './types';

const OPEN = /<(?:function\s*=\s*["']?([\w.:-]+)["']?|function\s+name\s*=\s*["']([\w.:-]+)["']|(?:[a-z]+:)?invoke\s+name\s*=\s*["']([\w.:-]+)["'])\s*>/g;
const PARAM = /<(?:[a-z]+:)?param(?:eter)?\s*(?:=\s*["']?([\w.-]+)["']?|\s+name\s*=\s*["']([\w.-]+)["'])\s*(>|=)/g;
const CLOSE = /<\/(?:function|(?:[a-z]+:)?invoke)\s*>/g;

export interface XmlBlock {
  start: number;
  end: number;
  call: RawCall;
  /** JSON body (`<function=x>{"a":1}</function>`) still to be read by the caller. */
  jsonBody?: string;
  repairs: string[];
}

/** Every function block in `text[from, limit)`, in order. */
export function findFunctionBlocks(text: string, from = 0, limit = text.length): XmlBlock[] {
  const out: XmlBlock[] = [];
  OPEN.lastIndex = from;
  let m: RegExpExecArray | null;
  const closeRe = new RegExp(CLOSE.source, 'g');
  let close: RegExpExecArray | null | undefined;
  while ((m = OPEN.exec(text)) && m.index < limit) {
    const name = m[1] ?? m[2] ?? m[3];
    const bodyStart = m.index + m[0].length;
    const nextOpen = nextOpenAt(text, bodyStart, limit);
    if (close === undefined || (close && close.index < bodyStart)) {
      closeRe.lastIndex = bodyStart;
      close = closeRe.exec(text);
    }
    const repairs: string[] = [];
    let bodyEnd: number;
    let end: number;
    if (close && close.index < nextOpen && close.index < limit) {
      // Parameters may contain a literal "</function>": take the last close before the next block.
      const lastClose = lastCloseBefore(text, close.index, Math.min(nextOpen, limit));
      bodyEnd = lastClose.index;
      end = lastClose.end;
    } else {
      bodyEnd = Math.min(nextOpen, limit);
      end = bodyEnd;
      repairs.push('unclosed function tag');
    }
    const body = text.slice(bodyStart, bodyEnd);
    const trimmed = body.trim();
    if (trimmed.startsWith('{')) {
      out.push({ start: m.index, end, call: { name, args: {}, explicit: true }, jsonBody: trimmed, repairs });
    } else {
      out.push({ start: m.index, end, call: { name, args: readParameters(body, repairs), explicit: true }, repairs });
    }
    OPEN.lastIndex = end > m.index ? end : bodyStart;
  }
  return out;
}

/** The next block opener; one inside a parameter value that is closed later (a file that mentions
 * `<function=…>`) is the value's text, not a new block. Parameter tags are counted once, between
 * candidates and the next closing parameter tag looked up once per passing, so a scan stays linear. */
function nextOpenAt(text: string, from: number, limit: number): number {
  const re = new RegExp(OPEN.source, 'g');
  re.lastIndex = from;
  let depth = 0;
  let counted = from;
  let nextClose = -2;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < limit) {
    const seg = text.slice(counted, m.index);
    depth += (seg.match(PARAM_OPEN) ?? []).length - (seg.match(PARAM_CLOSE) ?? []).length;
    counted = m.index;
    if (depth <= 0) return m.index;
    if (nextClose !== -1 && nextClose < m.index) {
      const c = new RegExp(PARAM_CLOSE.source, 'g');
      c.lastIndex = m.index;
      const hit = c.exec(text);
      nextClose = hit && hit.index < limit ? hit.index : -1;
    }
    if (nextClose === -1) return m.index;
  }
  return limit;
}

const PARAM_OPEN = /<(?:[a-z]+:)?param(?:eter)?[\s=]/g;
const PARAM_CLOSE = /<\/(?:[a-z]+:)?param(?:eter)?>/g;

function lastCloseBefore(text: string, first: number, limit: number): { index: number; end: number } {
  const re = new RegExp(CLOSE.source, 'g');
  re.lastIndex = first;
  let best = { index: first, end: first };
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < limit) best = { index: m.index, end: m.index + m[0].length };
  return best;
}

/** `<parameter=P>v</parameter>` (or `<param name="P">`) pairs; a missing `</parameter>` ends at the next parameter. */
export function readParameters(body: string, repairs: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  const starts: { name: string; valueStart: number; malformed: boolean; at: number }[] = [];
  PARAM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PARAM.exec(body))) starts.push({ name: m[1] ?? m[2], valueStart: m.index + m[0].length, malformed: m[3] === '=', at: m.index });
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i];
    const limit = i + 1 < starts.length ? starts[i + 1].at : body.length;
    const segment = body.slice(s.valueStart, limit);
    const closeTag = /<\/(?:[a-z]+:)?param(?:eter)?>(?![\s\S]*<\/(?:[a-z]+:)?param(?:eter)?>)/.exec(segment);
    let value: string;
    if (closeTag) value = segment.slice(0, closeTag.index);
    else {
      value = segment.replace(/<\/(?:function|invoke|tool_call)>[\s\S]*$/, '');
      repairs.push(`unclosed parameter ${s.name}`);
    }
    if (s.malformed) repairs.push(`malformed parameter tag ${s.name}`);
    const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(value);
    args[s.name] = cdata ? cdata[1] : value.replace(/^\r?\n/, '').replace(/\r?\n$/, '');
  }
  return args;
}
