// Tells a call from a mention of one: JSON or a call shown as an example ("you could call it like
// …"), a capability list, or a hallucinated tool result must not run. Looks at the prose just before.

const EXAMPLE =
  /\b(?:for example|for instance|e\.g\.|an example|example(?: call| usage| json| of| request| input| output)?\s*[:(]|examples?\b.*:\s*$|you (?:can|could|would|might|may|should)\b[^.\n]*\b(?:call|use|invoke|send|write|like|format|try)|you'd\b|would look like|will look like|look(?:s)? something like|(?:tool |function )?call would be|here'?s how|how to (?:call|use|invoke)|syntax (?:is|for|would be)|syntax\s*:|usage\s*:|sample (?:call|request|json|output|input|payload)|format(?:ted)? (?:like|as) (?:this|follows)|in this format|the following format|structure (?:like|as))/i;
/** The line right before is a result label ("Output:", "The result was:"), not an intention to act. */
const RESULT = /(?:\b(?:result|output|response|observation|tool_response|returned|returns)s?\s*(?:is|was|were)?\s*:?\s*|EXECUTION RESULT[^\n]*)$/i;
const INTENT_VERB = /\b(?:check|see|read|look at|get|view|inspect|fetch|run|capture|show)\b/i;
/** Explicit syntaxes (<tool_call>, special tokens) are only overruled by strong framing. */
const STRONG =
  /\b(?:for example|for instance|e\.g\.|an example|example\s*:|you (?:can|could|would|might|may|should)\b[^.\n]*\b(?:call|use|invoke|write|send|format|like)|syntax (?:is|for|would be)|syntax\s*:|usage\s*:|sample (?:call|request|json|output|input)|here'?s how|how to (?:call|use|invoke)|(?:use|follow|in) the following format|the format is|format looks like)/i;

export type Framing = 'call' | 'example' | 'result';

/** How the prose right before `start` frames the region starting there. */
export function framingBefore(text: string, start: number, explicit: boolean): Framing {
  const before = leadIn(text, start);
  if (!before) return 'call';
  const lastLine = before.slice(before.lastIndexOf('\u0000') + 1);
  if (RESULT.test(lastLine) && !INTENT_VERB.test(lastLine)) return 'result';
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
  return picked.join('\u0000').slice(-240);
}

/** True when nothing but whitespace, fences and special tokens surrounds [start, end). */
export function standsAlone(text: string, start: number, end: number): boolean {
  const rest = text.slice(0, start) + text.slice(end);
  return rest.replace(/```[\w-]*|`|<\|[^|>]*\|>|\s/g, '') === '';
}
