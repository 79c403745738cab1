// Markdown code fences around a position: which language encloses it, and how far a region
// widens to swallow a fence that holds nothing but the call.

/** The language of the open ``` fence enclosing `pos`, '' for a bare fence, undefined outside. */
export function fenceLanguageAt(text: string, pos: number): string | undefined {
  const re = /^[ \t]*```[ \t]*([\w+#.-]*)/gm;
  let open: string | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < pos) open = open === undefined ? m[1].toLowerCase() : undefined;
  return open;
}

/** Languages whose fences may hold a call; code in other languages is never a call. */
export const CALL_FENCES = new Set([
  '',
  'json',
  'json5',
  'jsonc',
  'tool_call',
  'tool_code',
  'tool',
  'tools',
  'text',
  'plaintext',
  'function',
  'function_call',
  'yaml',
  'yml',
  'xml',
]);

/** [start, end) widened over a fence (```lang … ```) that contains only the region. */
export function widenOverFence(text: string, start: number, end: number): [number, number] {
  const before = /```[\w+#.-]*[ \t]*\r?\n?[ \t]*$/.exec(text.slice(Math.max(0, start - 30), start));
  const after = /^[ \t]*\r?\n?[ \t]*```/.exec(text.slice(end, end + 30));
  if (before && after) return [start - before[0].length, end + after[0].length];
  if (before && text.slice(end).trim() === '') return [start - before[0].length, text.length];
  return [start, end];
}
