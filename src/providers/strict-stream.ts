// Client libraries treat a garbled streamed chunk badly: Ollama's logs the line with console.warn
// and skips it (the reply then looks finished), OpenAI's and Anthropic's print the raw chunk with
// console.error before throwing. This passes a streamed body through unchanged but fails it at the
// first complete NDJSON line or SSE `data:` event that is not JSON, before any library sees it, so
// the stream guard reports one line of ours and nothing else reaches the screen.
export class MalformedChunk extends SyntaxError {
  constructor() {
    super('a streamed chunk was not valid JSON');
  }
}

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** Checks complete lines as they arrive; `line` returns false for a bad one. */
function lineChecker(line: (text: string) => boolean, end: () => boolean): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  let pending = '';
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      pending += decoder.decode(chunk, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      if (lines.every((l) => line(l.replace(/\r$/, '')))) controller.enqueue(chunk);
      else controller.error(new MalformedChunk());
    },
    flush(controller) {
      pending += decoder.decode();
      if (!(pending === '' || line(pending)) || !end()) controller.error(new MalformedChunk());
    },
  });
}

function ndjson(): TransformStream<Uint8Array, Uint8Array> {
  return lineChecker(
    (l) => l.trim() === '' || parses(l),
    () => true,
  );
}

/** SSE: `data:` lines gather until the blank line that ends the event; then they must be JSON
 * (or the `[DONE]` sentinel). Comments (`: ping`) and `event:` lines pass. */
function sse(): TransformStream<Uint8Array, Uint8Array> {
  let data: string[] = [];
  const endEvent = () => {
    const payload = data.join('\n').trim();
    data = [];
    return payload === '' || payload === '[DONE]' || parses(payload);
  };
  return lineChecker(
    (l) => {
      if (l === '') return endEvent();
      if (l.startsWith('data:')) data.push(l.slice(5));
      return true;
    },
    () => data.length === 0 || endEvent(),
  );
}

export function strictStream(res: Response): Response {
  const type = res.headers.get('content-type') ?? '';
  const check = type.includes('ndjson') ? ndjson() : type.includes('text/event-stream') ? sse() : undefined;
  if (!res.body || !check) return res;
  return new Response(res.body.pipeThrough(check), { status: res.status, statusText: res.statusText, headers: res.headers });
}
