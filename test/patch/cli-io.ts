// Real streams for driving the CLI commands in tests: stdin from a buffer, stdout/stderr
// collected as bytes.
import { Readable, Writable } from 'node:stream';

export interface Captured {
  stream: Writable;
  bytes: () => Buffer;
  text: () => string;
}

export function capture(): Captured {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      done();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks), text: () => Buffer.concat(chunks).toString('utf8') };
}

export function stdinOf(text: string | Buffer): Readable {
  return Readable.from([Buffer.isBuffer(text) ? text : Buffer.from(text)]);
}
