// The fetch every model stream goes through: undici's, with its own header and body timeouts
// (300 s each by default) turned off. Those fired during a long CPU prefill and, classified as
// transient and retried, left a silent server hanging for 912 s without a word; our first-byte
// and idle timeouts (stream-guard.ts) decide instead, and say so. Streamed bodies are checked
// chunk by chunk (strict-stream.ts) so a garbled one is our error, not a library's console dump.
import type { Agent } from 'undici';
import { strictStream } from './strict-stream';

let agent: Agent | undefined;

export async function modelFetch(): Promise<typeof fetch> {
  const undici = await import('undici');
  agent ??= new undici.Agent({ headersTimeout: 0, bodyTimeout: 0 });
  const dispatcher = agent;
  // undici's fetch is the standard fetch plus `dispatcher`; its types are its own copy of the DOM ones.
  const f = async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const res = await undici.fetch(input as Parameters<typeof undici.fetch>[0], { ...(init as Parameters<typeof undici.fetch>[1]), dispatcher });
    return strictStream(res as unknown as Response);
  };
  return f as unknown as typeof fetch;
}
