// Blanks out what is not the reply: <think> blocks (also the unopened `…</think>` form), Harmony's
// analysis channel, and tool *results* the model hallucinated. Blanking keeps indices stable.

export interface Blanked {
  text: string;
  /** Regions blanked, removed from the leftover prose too. */
  regions: [number, number][];
  hallucinatedResults: number;
}

const THINK_OPEN = /<(think|thinking|reasoning|seed:think)>|\[THINK\]|<\|channel\|>\s*analysis\s*<\|message\|>/gi;
const RESULTS =
  /<(tool_response|tool_result|tool_output|function_results|function_result|observation)>[\s\S]*?(?:<\/\1>|$)|<\|start_header_id\|>ipython<\|end_header_id\|>[\s\S]*?(?:<\|eot_id\|>|$)/gi;

/** The model writing the next user/tool turn itself: everything from here on is invented. */
const FAKE_TURN =
  /<\|im_start\|>\s*(?:user|tool|system)\b|<\|start_header_id\|>\s*(?:user|ipython|tool|system)\b|<start_of_turn>\s*user\b|\[INST\]|<\|(?:user|tool)\|>|<[｜|]User[｜|]>|\[TOOL_RESULTS\]/;

export function blankReasoning(text: string): Blanked {
  const regions: [number, number][] = [];
  let hallucinatedResults = 0;
  const fake = FAKE_TURN.exec(text);
  if (fake) {
    regions.push([fake.index, text.length]);
    hallucinatedResults++;
  }
  if (text.includes('<') || text.includes('[THINK]')) {
    const orphanClose = /<\/(think|thinking)>/i.exec(text);
    if (orphanClose && !new RegExp(`<${orphanClose[1]}>`, 'i').test(text.slice(0, orphanClose.index))) {
      regions.push([0, orphanClose.index + orphanClose[0].length]);
    }
    regions.push(...thinkBlocks(text));
    for (const m of text.matchAll(/<(?:think|thinking)>/gi)) regions.push([m.index, m.index + m[0].length]); // unclosed openers
    for (const m of text.matchAll(RESULTS)) {
      regions.push([m.index, m.index + m[0].length]);
      hallucinatedResults++;
    }
  }
  return { text: blank(text, regions), regions, hallucinatedResults };
}

/** Reasoning blocks, opener to closer. Found by hand rather than with a lazy `[\s\S]*?` regex, which
 * rescans to the end for every unclosed opener (quadratic on a reply of repeated `<think>`): once
 * a kind of block has no closer after some opener, no later opener of that kind has one either. */
function thinkBlocks(text: string): [number, number][] {
  const out: [number, number][] = [];
  const unclosed = new Set<string>();
  const opener = new RegExp(THINK_OPEN.source, 'gi');
  let m: RegExpExecArray | null;
  while ((m = opener.exec(text))) {
    const kind = m[1] ? m[1].toLowerCase() : m[0].startsWith('[') ? '[think]' : 'harmony';
    if (unclosed.has(kind)) continue;
    const from = m.index + m[0].length;
    const end = kind === 'harmony' ? harmonyEnd(text, from) : closerEnd(text, from, kind === '[think]' ? '\\[\\/THINK\\]' : `<\\/${kind}>`);
    if (end < 0) {
      unclosed.add(kind);
      continue;
    }
    out.push([m.index, end]);
    opener.lastIndex = Math.max(end, from);
  }
  return out;
}

function closerEnd(text: string, from: number, closer: string): number {
  const re = new RegExp(closer, 'gi');
  re.lastIndex = from;
  const c = re.exec(text);
  return c ? c.index + c[0].length : -1;
}

/** Harmony's analysis channel ends at `<|end|>` (included), before the next `<|start|>`, or at the end. */
function harmonyEnd(text: string, from: number): number {
  const end = text.indexOf('<|end|>', from);
  const start = text.indexOf('<|start|>', from);
  if (end >= 0 && (start < 0 || end < start)) return end + '<|end|>'.length;
  return start >= 0 ? start : text.length;
}

/** Replaces each region by spaces (newlines kept, so line-based strategies still see lines). */
export function blank(text: string, regions: [number, number][]): string {
  if (regions.length === 0) return text;
  const sorted = [...regions].sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [s, e] of sorted) {
    if (e <= pos) continue;
    const from = Math.max(s, pos);
    out += text.slice(pos, from) + text.slice(from, e).replace(/[^\n]+/g, (run) => ' '.repeat(run.length));
    pos = e;
  }
  return out + text.slice(pos);
}
