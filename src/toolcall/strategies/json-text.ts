// Call-shaped JSON in prose or in a ```json fence: one object, an array, concatenated or
// `;`-separated objects, the OpenAI envelope, double-encoded arguments, damaged JSON.
import { callsFromJson } from '../call-shape';
import { CALL_FENCES, fenceLanguageAt, widenOverFence } from '../fence';
import { readJsonAt } from '../json-at';
import { framingBefore, standsAlone } from '../prose-guard';
import type { Found, Strategy } from '../types';

// Whitespace here includes the two characters `\n` (a damage the JSON reader repairs).
const START = /\{(?:\s|\\[ntr])*\{?(?:\s|\\[ntr])*["']?[A-Za-z_][\w.-]*["']?\s*:|\[(?:\s|\\[ntr])*\{/g;
const CALL_START = /^[[{](?:\s|\\[ntr])*\{?(?:\s|\\[ntr])*["']?(?:name|function|tool|tool_name|type|tool_calls|action)["']?\s*:/;

export const jsonText: Strategy = {
  name: 'json',
  find(text, ctx) {
    if (!text.includes('{')) return [];
    const out: Found[] = [];
    START.lastIndex = 0;
    let m: RegExpExecArray | null;
    // Each unclosed candidate costs a scan to the end of the text; a bounded number keeps a text
    // full of stray brackets linear.
    let unclosedBudget = 16;
    while ((m = START.exec(text))) {
      const at = m.index;
      const r = readJsonAt(text, at);
      const looksLikeCall = CALL_START.test(text.slice(at, at + 40).replace(/^\[\s*/, '['));
      if (r.kind !== 'value') {
        const complete = r.kind === 'truncated' ? r.complete.flatMap((v) => callsFromJson(v, ctx)) : [];
        if (looksLikeCall || complete.length > 0) {
          out.push({
            start: at,
            end: text.length,
            calls: complete,
            repairs: [],
            unreadable: r.kind === 'truncated' ? 'cut off before the call ended' : 'invalid JSON',
          });
          break;
        }
        if (r.kind === 'truncated' && --unclosedBudget <= 0) break;
        START.lastIndex = r.kind === 'invalid' ? r.end : at + 1;
        continue;
      }
      START.lastIndex = r.end;
      const calls = callsFromJson(r.value, ctx);
      if (calls.length === 0) continue; // data, not a call: skip it whole (nested objects included)
      const lang = fenceLanguageAt(text, at);
      const [start, end] = widenOverFence(text, at, r.end);
      if (lang !== undefined && !CALL_FENCES.has(lang)) {
        out.push({ start: at, end: r.end, calls: [], repairs: [], ignored: `JSON inside a ${lang} code block` });
        continue;
      }
      const alone = standsAlone(text, start, end);
      const inline = !alone && start === at && (text[at - 1] === '`' || /\S/.test(lineBefore(text, at)));
      const framing = alone ? 'call' : inline && text[at - 1] === '`' ? 'example' : framingBefore(text, start, false);
      if (framing !== 'call') out.push({ start, end, calls: [], repairs: [], ignored: `${framing} in prose, not a call` });
      // JSON inside a sentence is a call only for a name we know; a stand-alone or fenced one
      // with an unknown name is reported back to the model as a mistake.
      else out.push({ start, end, calls: inline ? calls.map((c) => ({ ...c, explicit: false })) : calls, repairs: r.repairs });
    }
    return out;
  },
};

/** The text on the same line before `at`. */
function lineBefore(text: string, at: number): string {
  return text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
}
