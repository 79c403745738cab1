// The prose left once calls, reasoning and hallucinated results are cut out: special tokens,
// stray closing tags and emptied fences removed, blank runs collapsed, trimmed.

const TOKENS =
  /<\|(?:im_start|im_end|eot_id|eom_id|end|return|call|start|channel|message|constrain|endoftext|python_tag|tool_calls_section_begin|tool_calls_section_end|tool_call_start|tool_call_end|tools_prefix|tools_suffix|start_header_id|end_header_id)\|>|<[｜|]tool[▁_]calls[▁_](?:begin|end)[｜|]>|<[｜|]end[▁_]of[▁_]sentence[｜|]>|<\/?s>|\[\/?TOOL_CALLS\]|\[\/?TOOL_RESULTS\]/g;
const STRAY =
  /<\/(?:tool_calls?|toolcall|tool-call|tools|function_calls?|functioncall|function-call|function|invoke|parameter|tool_use|think|thinking)>|<tool_call\|>|<\|\/tool_call\|>|\[END_TOOL_REQUEST\]|<end_function_call>|<\|action_end\|>|<\/?[a-z]+[:_]tool_call>|<\/(?:[a-z]+:)?(?:invoke|parameter)>|<\|(?:START|END)_ACTION\|>/g;

export function leftoverText(text: string, cut: [number, number][]): string {
  let out = '';
  let pos = 0;
  for (const [s, e] of [...cut].sort((a, b) => a[0] - b[0])) {
    if (e <= pos) continue;
    out += text.slice(pos, Math.max(s, pos)) + '\n';
    pos = e;
  }
  out += text.slice(pos);
  return out
    .replace(/<\|channel\|>\s*\w+(?:\s+to=[\w.-]+)?\s*(?:<\|constrain\|>\s*\w+\s*)?(?:<\|message\|>)?/g, '')
    .replace(TOKENS, '')
    .replace(/^\s*assistant\s*(?:\n|$)/, '')
    .replace(STRAY, '')
    .replace(/```[\w-]*[ \t]*\n(?:[ \t]*\n)*[ \t]*```/g, '')
    .replace(/^[ \t]*(?:[;,]|`+)[ \t]*$/gm, '')
    .split('\n')
    .map(trimTrailingBlanks)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Spaces and tabs off a line's end, by hand: `/[ \t]+\n/` backtracks quadratically on a long blank run. */
function trimTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  return end === line.length ? line : line.slice(0, end);
}
