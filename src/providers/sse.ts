// Server-sent events read from a streamed body as they arrive: `event:` and `data:` lines, a blank
// line ending each event, comments (`:`) skipped. What both cloud-style clients stream over.

export interface SseEvent {
  /** The `event:` name, '' when the event had none. */
  event: string;
  data: string;
}

export async function* sseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let pending = '';
  let event = '';
  let data: string[] = [];
  const take = (): SseEvent | undefined => {
    const out = data.length ? { event, data: data.join('\n') } : undefined;
    event = '';
    data = [];
    return out;
  };
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = pending.split('\n');
      pending = done ? '' : (lines.pop() ?? '');
      for (const raw of lines) {
        const line = raw.replace(/\r$/, '');
        if (line === '') {
          const ev = take();
          if (ev) yield ev;
        } else if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (done) {
        // A server that closes without the final blank line still meant its last event.
        const ev = take();
        if (ev) yield ev;
        return;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/** A body or event as JSON, or undefined when it is not (an error page, a bare message). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
