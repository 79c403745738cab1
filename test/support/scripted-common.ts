// Small helpers shared by the scripted server's dialect writers: deterministic chunking,
// token estimates, a client-aware writer and JSON responses.
import type { ServerResponse } from 'node:http';
import type { ScriptedReply } from './scripted-types';

/** Splits text into pieces of 3..8 characters (deterministic, cycling lengths). */
export function chunkText(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  let n = 0;
  while (i < text.length) {
    const len = 3 + (n % 6);
    out.push(text.slice(i, i + len));
    i += len;
    n++;
  }
  return out;
}

export function estimatePromptTokens(messages: unknown, tools: unknown): number {
  const payload = tools === undefined ? JSON.stringify(messages ?? []) : JSON.stringify(messages ?? []) + JSON.stringify(tools);
  return Math.ceil(payload.length / 4);
}

export function estimateCompletionTokens(reply: ScriptedReply): number {
  const size = (reply.text ?? '').length + (reply.reasoning ?? '').length + JSON.stringify(reply.toolCalls ?? []).length - 2;
  return Math.max(1, Math.ceil(size / 4));
}

export function argumentsText(args: Record<string, unknown> | string): string {
  return typeof args === 'string' ? args : JSON.stringify(args);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Writes pieces one by one, honouring chunkDelayMs; stops quietly when the client left. */
export class PacedWriter {
  constructor(
    private readonly res: ServerResponse,
    private readonly delayMs: number,
  ) {}
  private wrote = false;

  get gone(): boolean {
    return this.res.destroyed || this.res.writableEnded;
  }

  async write(piece: string): Promise<boolean> {
    if (this.gone) return false;
    if (this.wrote && this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.gone) return false;
    this.wrote = true;
    this.res.write(piece);
    return true;
  }

  end(): void {
    if (!this.gone) this.res.end();
  }

  /** Closes the connection without finishing the response, as a crashing server does (what was
   * written still reaches the client; the chunked body never gets its terminator). */
  cut(): void {
    const socket = this.res.socket;
    if (socket) socket.end();
    else this.res.destroy();
  }

  /** Keeps the response open until the client disconnects (or the server closes). */
  hang(): Promise<void> {
    return new Promise((resolve) => {
      if (this.res.destroyed) return resolve();
      this.res.once('close', () => resolve());
    });
  }
}

/** Faults before the headers: a silent server never answers; a slow one waits first. Returns
 * true when the response must not be written (the client left or the server stays silent). */
export async function holdBeforeHeaders(reply: ScriptedReply, res: ServerResponse): Promise<boolean> {
  if (reply.silent) {
    await new PacedWriter(res, 0).hang();
    return true;
  }
  const delay = reply.firstByteDelayMs ?? 0;
  if (delay > 0) {
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, delay);
      res.once('close', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }
  return res.destroyed;
}

/** Faults after piece `index` was written: cut, stall, or one malformed chunk. True = stop. */
export async function faultAfterPiece(index: number, reply: ScriptedReply, w: PacedWriter, malformed: string): Promise<boolean> {
  const written = index + 1;
  if (reply.cutAfterChunks === written) {
    w.cut();
    return true;
  }
  if (reply.endAfterChunks === written) {
    w.end();
    return true;
  }
  if (reply.stallAfterChunks === written) {
    await w.hang();
    return true;
  }
  if (reply.malformedChunk && index === 0) {
    await w.write(malformed);
    w.end();
    return true;
  }
  return false;
}
