// An MCP tool result as text for the model: text parts as they are, images by their alt text or a
// one-line note (a small local model cannot see them), resource links and embedded resources by
// their address. The agent then caps it like any other tool's output.

export interface McpContentPart {
  type: string;
  [key: string]: unknown;
}

export interface McpCallResult {
  content?: McpContentPart[];
  structuredContent?: unknown;
  isError?: boolean;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function size(base64: unknown): string {
  const n = typeof base64 === 'string' ? Math.floor((base64.length * 3) / 4) : 0;
  return n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;
}

function partText(p: McpContentPart): string {
  switch (p.type) {
    case 'text':
      return str(p.text) ?? '';
    case 'image': {
      // Not in the spec, but some servers describe their images; the annotations may carry it too.
      const alt = str(p.alt) ?? str((p._meta as Record<string, unknown> | undefined)?.alt);
      return alt ? `[image: ${alt}]` : `[image omitted: ${str(p.mimeType) ?? 'image'}, ${size(p.data)} — images are not shown to this model]`;
    }
    case 'audio':
      return `[audio omitted: ${str(p.mimeType) ?? 'audio'}, ${size(p.data)}]`;
    case 'resource_link': {
      const what = [str(p.name), str(p.description)].filter(Boolean).join(' — ');
      return `[resource: ${str(p.uri) ?? '?'}${what ? ` (${what})` : ''}]`;
    }
    case 'resource': {
      const r = (p.resource ?? {}) as Record<string, unknown>;
      const text = str(r.text);
      return text !== undefined ? `[resource ${str(r.uri) ?? ''}]\n${text}` : `[resource omitted: ${str(r.uri) ?? '?'} (${str(r.mimeType) ?? 'binary'})]`;
    }
    default:
      return `[${p.type} content omitted]`;
  }
}

/** The text the model gets, and whether the server reported an error. */
export function mcpResultText(result: McpCallResult): { text: string; ok: boolean } {
  const parts = (result.content ?? []).map(partText).filter((t) => t !== '');
  // Structured output only when there is no text: servers send both as the same data.
  if (parts.length === 0 && result.structuredContent !== undefined) parts.push(JSON.stringify(result.structuredContent, null, 1));
  const text = parts.join('\n');
  return { text: text === '' ? '(the tool returned nothing)' : text, ok: result.isError !== true };
}
