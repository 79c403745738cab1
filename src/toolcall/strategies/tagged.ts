// Calls inside wrapper tags: Hermes <tool_call>…</tool_call> (our canonical form), and kin that
// small models and servers leak: <tools>, <function_call>, [TOOL_REQUEST], Kimi and DeepSeek
// special tokens, Gemma 4 <|tool_call>. Tags may be unclosed, doubled or mismatched.
import { readBody, type BodyResult } from '../body';
import { framingBefore } from '../prose-guard';
import type { Found, Strategy, StrategyContext } from '../types';

const OPEN =
  /<tool_calls?>|<toolcall>|<tool-call>|<tools>|<function_calls?>|<functioncall>|<function-call>|<function>|<tool_use>|<\|tool_call\|?>|<\|tool_calls?_(?:begin|start)\|>|<\|tools_prefix\|>|^>>>(?=[ \t]*(?!all\b)[A-Za-z_])|<[｜|]tool[▁_]call[▁_]begin[｜|]>|\[TOOL_REQUEST\]|<\|action_start\|>\s*<\|plugin\|>|<start_function_call>|<[a-z]+[:_]tool_call>|<\|START_ACTION\|>|\bfunctools(?=\s*\[)/gim;
const CLOSE =
  /<\/tool_calls?>|<\/toolcall>|<\/tool-call>|<\/tools?>|<\/tool\b|<\/function_calls?>|<\/functioncall>|<\/function-call>|<\/function>|<\/tool_use>|<tool_call\|>|<\|\/tool_call\|>|<\|tool_calls?_end\|>|<\|tools_suffix\|>|<[｜|]tool[▁_]call[▁_]end[｜|]>|\[END_TOOL_REQUEST\]|<\|action_end\|>|<end_function_call>|<\/[a-z]+[:_]tool_call>|<\|END_ACTION\|>|<\|im_end\|>|<\|eot_id\|>|<\|end\|>/gi;

const CLOSE_HERE = new RegExp(CLOSE.source, 'iy');

/** The next tag at or after `from`; tags inside an argument value (a JSON string, an XML value …)
 * do not count. */
function nextMatch(re: RegExp, text: string, from: number, inValue: (pos: number) => boolean = () => false): RegExpExecArray | null {
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && inValue(m.index)) re.lastIndex = m.index + 1;
  return m;
}

export const tagged: Strategy = {
  name: 'tagged',
  find(text, ctx) {
    if (!/<(?:tool|function|\||[｜]|start_function|[a-z]+[:_]tool_call)|\[TOOL_REQUEST\]|functools|^>>>/im.test(text)) return [];
    const out: Found[] = [];
    const strings = ctx.inValue;
    let pos = 0;
    let open: RegExpExecArray | null;
    let close: RegExpExecArray | null | undefined;
    // Reading past a boundary scans the rest of the text; a text of many openers would make that
    // quadratic, so all such reads together may scan at most twice the text.
    const wider = { budget: 2 * text.length };
    // A later, cleaner closing tag costs up to nine reads of one body: plenty for a reply of normal
    // size, twice the text for a huge one.
    const cleaner = { budget: 2 * text.length + 100_000 };
    while ((open = nextMatch(OPEN, text, pos, strings))) {
      const bodyStart = open.index + open[0].length;
      let nextOpen = nextMatch(OPEN, text, bodyStart, strings);
      // Searched again only once passed: a text with many openers and no closer stays linear.
      if (close === undefined || (close && close.index < bodyStart)) close = nextMatch(CLOSE, text, bodyStart, strings);
      let boundary = Math.min(nextOpen ? nextOpen.index : text.length, close ? close.index : text.length);
      let body = readBody(text, bodyStart, boundary, ctx);
      // A parameter value may hold the tags themselves (a file about tool calls): when the body
      // reads only with unclosed parts, a later closing tag (or none) that reads cleanly wins.
      if (!clean(body) && cleaner.budget > 0 && /<(?:function|(?:[a-z]+:)?invoke|parameter)\b/.test(text.slice(bodyStart, boundary))) {
        const later = cleanerClose(text, bodyStart, boundary, strings, ctx, cleaner);
        if (later) {
          ({ body, boundary } = later);
          close = later.close;
          if (nextOpen && nextOpen.index < boundary) nextOpen = nextMatch(OPEN, text, boundary, strings);
        }
      }
      // The closing tag may sit inside a JSON string (a file that mentions </tool_call>): read on.
      if (body.unreadable && wider.budget > 0 && /^\s*(?:```\w*\s*)?[{[]/.test(text.slice(bodyStart, bodyStart + 20))) {
        wider.budget -= text.length - bodyStart;
        const all = readBody(text, bodyStart, text.length, ctx);
        if (!all.unreadable && all.calls.length > 0) body = all;
      }
      const end = regionEnd(text, body, boundary);
      const repairs = [...body.repairs];
      if (!close || close.index > boundary || (nextOpen && nextOpen.index === boundary && close.index !== boundary)) repairs.push('unclosed tag');
      else if (!sameFamily(open[0], close[0])) repairs.push(`mismatched tags ${open[0]}…${close[0]}`);
      const empty = body.calls.length === 0 && !body.unreadable;
      if (!empty) {
        const framing = text[open.index - 1] === '`' ? 'example' : framingBefore(text, open.index, true);
        if (framing !== 'call') out.push({ start: open.index, end, calls: [], repairs, ignored: `${framing} in prose, not a call` });
        else out.push({ start: open.index, end, calls: body.calls, repairs, unreadable: body.unreadable });
      } else out.push({ start: open.index, end: bodyStart, calls: [], repairs: ['doubled opening tag'] });
      pos = Math.max(end, bodyStart);
    }
    return out;
  },
};

function clean(body: BodyResult): boolean {
  return !body.unreadable && body.calls.length > 0 && !body.repairs.some((r) => r.startsWith('unclosed'));
}

/** The first of the next few closing tags after `boundary` (or the end of the text) up to which the
 * body reads cleanly. Each read is charged to `wider.budget` (see find's `cleaner`). */
function cleanerClose(text: string, bodyStart: number, boundary: number, strings: (pos: number) => boolean, ctx: StrategyContext, wider: { budget: number }) {
  let from = boundary + 1;
  for (let tries = 0; tries < 8 && wider.budget > 0; tries++) {
    const c = nextMatch(CLOSE, text, from, strings);
    const at = c ? c.index : text.length;
    wider.budget -= at - bodyStart;
    const body = readBody(text, bodyStart, at, ctx);
    if (clean(body)) return { body, boundary: at, close: c };
    if (!c) return undefined;
    from = c.index + 1;
  }
  if (wider.budget <= 0) return undefined;
  wider.budget -= text.length - bodyStart;
  const body = readBody(text, bodyStart, text.length, ctx);
  return clean(body) ? { body, boundary: text.length, close: null } : undefined;
}

/** After the body: swallow a closing fence and the closing tag(s) that follow. */
function regionEnd(text: string, body: BodyResult, boundary: number): number {
  let end = Math.max(body.end, boundary === text.length ? text.length : body.end);
  for (;;) {
    const rest = /^\s*(?:```)?\s*/.exec(text.slice(end, end + 20));
    const after = end + (rest ? rest[0].length : 0);
    const c = nextMatch(CLOSE_HERE, text, after);
    if (c) end = after + c[0].length;
    else break;
  }
  if (end < boundary && /^\s*$/.test(text.slice(end, boundary))) end = boundary;
  return end;
}

function sameFamily(open: string, close: string): boolean {
  const word = (t: string) =>
    t
      .toLowerCase()
      .replace(/[^a-z]/g, '')
      .replace(/^(end)?/, '')
      .replace(/(begin|end|start)$/, '');
  return word(open).startsWith(word(close).slice(0, 4)) || word(close).startsWith(word(open).slice(0, 4));
}
