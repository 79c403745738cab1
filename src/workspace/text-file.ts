// Reads a workspace file as text for the model, refusing binaries and oversized files with a
// message the model can act on; FIFOs and devices are refused, never opened blocking. Callers
// must jail the path first (resolveInWorkspace).
import { assertNever } from '../util/assert-never';
import { readRegularFile } from './regular-file';

export type TextFileResult =
  | { ok: true; text: string; bytes: number }
  | { ok: false; code: 'not_found' | 'is_dir' | 'binary' | 'too_large' | 'unreadable'; message: string };

/** Same rule as git: a NUL byte in the first 8,000 bytes means binary. */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8000);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/**
 * Reads a jailed path as text. FIFOs, sockets and devices are refused without blocking (see
 * regular-file.ts); `signal` (the turn's abort) stops a long read.
 */
export async function readTextFile(abs: string, rel: string, maxBytes: number, signal?: AbortSignal): Promise<TextFileResult> {
  const read = await readRegularFile(abs, rel, { maxBytes, signal });
  if (!read.ok) {
    switch (read.code) {
      case 'missing':
        return { ok: false, code: 'not_found', message: `file not found: ${rel}` };
      case 'is_dir':
        return { ok: false, code: 'is_dir', message: `${rel} is a folder, not a file: use list_files with path "${rel}"` };
      case 'too_large': {
        const mb = ((read.size ?? 0) / 1048576).toFixed(1);
        return { ok: false, code: 'too_large', message: `${rel} is too large (${mb} MB): use search_files to find the part you need` };
      }
      case 'special':
        return { ok: false, code: 'unreadable', message: `${read.message}; leave it alone` };
      case 'symlink':
      case 'unreadable':
        return { ok: false, code: 'unreadable', message: read.message };
      default:
        return assertNever(read.code);
    }
  }
  const buf = read.bytes;
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
