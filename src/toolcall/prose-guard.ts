// Tells a call from a mention of one: JSON or a call shown as an example ("you could call it like
// …"), a capability list, or a hallucinated tool result must not run. Looks at the prose just before.

const EXAMPLE = /\b(?:for example|for instance|e\.g\.|an example|example(?: call| usage| json| of| request| input| output)?\s*[:(]|examples?\b.*:\s*$|you (?:can|could|would|might|may|should|need to|will need to)\b|you'd\b|would look like|will look like|look(?:s)? something like|such as|here'?s how|how to (?:call|use|invoke)|syntax|usage\s*:|sample|format(?:ted)? (?:like|as) (?:this|follows)|in this format|the following format|structure (?:like|as))/i;
const RESULT = /(?:\b(?:result|output|response|returned|returns|observation|tool_response)\s*:?\s*|EXECUTION RESULT[^\n]*)$/i;
/** Explicit syntaxes (<tool_call>, special tokens) are only overruled by strong framing. */
const STRONG = /\b(?:for example|for instance|e\.g\.|an example|example\s*:|you (?:can|could|would|might|may|should)\b[^.\n]*\b(?:call|use|invoke|write|send|format|like)|syntax|usage\s*:|sample|here'?s how|how to (?:call|use|invoke)|(?:use|follow|in) the following format|the format is|format looks like)/i;

export type Framing = 'call' | 'example' | 'result';

/** How the prose right before `start` frames the region starting there. */
export function framingBefore(text: string, start: number, explicit: boolean): Framing {
  const before = leadIn(text, start);
  if (!before) return 'call';
  if (RESULT.test(before)) return 'result';
  return (explicit ? STRONG : EXAMPLE).test(before) ? 'example' : 'call';
}

/** The sentence(s) just before a region: the current line and the previous non-empty line,
 * skipping a fence opener, at most 240 characters. */
function leadIn(text: string, start: number): string {
  let head = text.slice(Math.max(0, start - 400), start);
  head = head.replace(/```[\w-]*\s*$/, '').replace(/[ \t]+$/, '');
  const lines = head.split('\n');
  const picked: string[] = [];
  for (let i = lines.length - 1; i >= 0 && picked.length < 2; i--) {
    const l = lines[i].trim();
    if (!l) {
      if (picked.length > 0) break;
      continue;
    }
    if (/^```/.test(l)) continue;
    picked.unshift(l);
  }
  return picked.join(' ').slice(-240);
}

/** True when nothing but whitespace, fences and special tokens surrounds [start, end). */
export function standsAlone(text: string, start: number, end: number): boolean {
  const rest = text.slice(0, start) + text.slice(end);
  return rest.replace(/```[\w-]*|<\|[^|>]*\|>|\s/g, '') === '';
}
