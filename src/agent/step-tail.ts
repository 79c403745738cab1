// The volatile end of each prompt: routed tool text, the plan and short notes. It is rebuilt
// every step and placed after the stable prefix so the server's prompt cache survives.
export interface TailParts {
  toolText: string;
  planText: string;
  notes: string[];
}

export function composeTail(parts: TailParts): string {
  return [parts.toolText, parts.planText, ...parts.notes.map((n) => `Note: ${n}`)].filter((s) => s.trim() !== '').join('\n\n');
}
