// How a file's text is laid out on disk (BOM, line endings, final newline) and the way back:
// matching works on plain LF text, and what is written keeps the file's own conventions.
import { createHash } from 'node:crypto';

export interface TextFormat {
  bom: boolean;
  eol: '\n' | '\r\n';
}

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

const BOM = '\uFEFF';

/** Bytes → text, refusing binary files (a NUL byte) and anything that is not valid UTF-8. */
export function decodeUtf8(bytes: Buffer): DecodeResult {
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'the file is binary (it contains NUL bytes)' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'the file is not valid UTF-8 text' };
  }
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The conventions of `text` (as read from disk, BOM included). CRLF wins when most lines use it. */
export function detectFormat(text: string): TextFormat {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return { bom: text.startsWith(BOM), eol: crlf > 0 && crlf >= lf ? '\r\n' : '\n' };
}

/** Disk text → the plain form matching works on: no BOM, LF line endings. */
export function toPlain(text: string): string {
  const noBom = text.startsWith(BOM) ? text.slice(1) : text;
  return noBom.replace(/\r\n/g, '\n');
}

/** Plain text → disk text in the given conventions (added lines get the file's line ending). */
export function fromPlain(plain: string, format: TextFormat): string {
  const body = format.eol === '\r\n' ? plain.replace(/\r?\n/g, '\r\n') : plain;
  return (format.bom ? BOM : '') + body;
}

/** Model text (possibly CRLF, possibly with a BOM) → LF text. */
export function normalizeModelText(text: string): string {
  return toPlain(text).replace(/\r/g, '');
}

/** Lines of a plain text and whether it ended with a newline. `''` has no lines. */
export function splitLines(plain: string): { lines: string[]; finalNewline: boolean } {
  if (plain === '') return { lines: [], finalNewline: false };
  const finalNewline = plain.endsWith('\n');
  const lines = (finalNewline ? plain.slice(0, -1) : plain).split('\n');
  return { lines, finalNewline };
}

export function joinLines(lines: string[], finalNewline: boolean): string {
  if (lines.length === 0) return '';
  return lines.join('\n') + (finalNewline ? '\n' : '');
}
