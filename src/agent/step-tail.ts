// The volatile end of each prompt: the routed tool names and the plan. It is rebuilt
// every step and placed after the stable prefix so the server's prompt cache survives.
export interface TailParts {
  toolText: string;
  planText: string;
}

export function composeTail(parts: TailParts): string {
  return [parts.toolText, parts.planText].filter((s) => s.trim() !== '').join('\n\n');
}
