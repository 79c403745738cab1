// Reads a workspace file as text for the model, refusing binaries and oversized files with a
// message the model can act on. Callers must jail the path first (resolveInWorkspace).
import * as fs from 'node:fs';

export type TextFileResult =
  | { ok: true; text: string; bytes: number }
  | { ok: false; code: 'not_found' | 'is_dir' | 'binary' | 'too_large' | 'unreadable'; message: string };

/** Same rule as git: a NUL byte in the first 8,000 bytes means binary. */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8000);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

export async function readTextFile(abs: string, rel: string, maxBytes: number): Promise<TextFileResult> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(abs);
  } catch {
    return { ok: false, code: 'not_found', message: `file not found: ${rel}` };
  }
  if (stat.isDirectory()) {
    return { ok: false, code: 'is_dir', message: `${rel} is a folder, not a file: use list_files with path "${rel}"` };
  }
  if (stat.size > maxBytes) {
    const mb = (stat.size / 1048576).toFixed(1);
    return { ok: false, code: 'too_large', message: `${rel} is too large (${mb} MB): use search_files to find the part you need` };
  }
  let buf: Buffer;
  try {
    buf = await fs.promises.readFile(abs);
  } catch (err) {
    return { ok: false, code: 'unreadable', message: `cannot read ${rel}: ${(err as NodeJS.ErrnoException).code ?? 'error'}` };
  }
  if (looksBinary(buf)) {
    return { ok: false, code: 'binary', message: `${rel} is a binary file (${buf.length} bytes): it cannot be shown as text` };
  }
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text, bytes: buf.length };
}

/** Splits text into lines; a final newline does not make an extra empty line. CR of CRLF is dropped. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
