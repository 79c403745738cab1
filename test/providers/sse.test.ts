// The server-sent-event reader under our own OpenAI and Anthropic clients: events split across
// network chunks, CRLF line ends, comments, multi-line data and a last event with no blank line.
import { sseEvents, type SseEvent } from '../../src/providers/sse';

function body(...pieces: string[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(c) {
      for (const p of pieces) c.enqueue(enc.encode(p));
      c.close();
    },
  });
}

async function all(stream: ReadableStream<Uint8Array>): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const ev of sseEvents(stream)) out.push(ev);
  return out;
}

test('events split anywhere across chunks, with names, comments and CRLF', async () => {
  const events = await all(body('event: message_st', 'art\r\ndata: {"a":', '1}\r\n\r\n: keep-alive\n\n', 'data: {"b":2}\n\nda', 'ta: [DONE]\n\n'));
  expect(events).toEqual([
    { event: 'message_start', data: '{"a":1}' },
    { event: '', data: '{"b":2}' },
    { event: '', data: '[DONE]' },
  ]);
});

test('multi-line data joins with newlines; a last event without its blank line still counts', async () => {
  expect(await all(body('data: one\ndata: two\n\ndata: last'))).toEqual([
    { event: '', data: 'one\ntwo' },
    { event: '', data: 'last' },
  ]);
});

test('a multi-byte character split between chunks stays whole', async () => {
  const bytes = new TextEncoder().encode('data: é\n\n');
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(bytes.slice(0, 7));
      c.enqueue(bytes.slice(7));
      c.close();
    },
  });
  expect(await all(stream)).toEqual([{ event: '', data: 'é' }]);
});
