// Blanks out what is not the reply: <think> blocks (also the unopened `…</think>` form), Harmony's
// analysis channel, and tool *results* the model hallucinated. Blanking keeps indices stable.

export interface Blanked {
  text: string;
  /** Regions blanked, removed from the leftover prose too. */
  regions: [number, number][];
  hallucinatedResults: number;
}

const THINK =
  /<(think|thinking|reasoning|seed:think)>[\s\S]*?<\/\1>|\[THINK\][\s\S]*?\[\/THINK\]|<\|channel\|>\s*analysis\s*<\|message\|>[\s\S]*?(?:<\|end\|>|(?=<\|start\|>)|$)/gi;
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
    for (const m of text.matchAll(THINK)) regions.push([m.index, m.index + m[0].length]);
    for (const m of text.matchAll(/<(?:think|thinking)>/gi)) regions.push([m.index, m.index + m[0].length]); // unclosed openers
    for (const m of text.matchAll(RESULTS)) {
      regions.push([m.index, m.index + m[0].length]);
      hallucinatedResults++;
    }
  }
  return { text: blank(text, regions), regions, hallucinatedResults };
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
