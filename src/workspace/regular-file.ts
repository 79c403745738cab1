// Opens and reads only regular files. A FIFO, socket or device in the workspace would block a
// plain open/read forever (a FIFO waits for a writer, /dev/zero never ends), so files are opened
// non-blocking, checked with fstat on the open descriptor, and refused with a one-line reason.
import * as fs from 'node:fs';

const { O_RDONLY, O_NONBLOCK, O_NOFOLLOW } = fs.constants;

export type RegularRead =
  | { ok: true; bytes: Buffer; mode: number }
  | { ok: false; code: 'missing' | 'is_dir' | 'special' | 'symlink' | 'too_large' | 'unreadable'; message: string; size?: number };

/** What a non-regular file is, in words ("a FIFO (named pipe)"), or undefined for a regular file. */
export function specialKind(st: fs.Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSymbolicLink()) return 'a symlink';
  return 'not a regular file';
}

export const specialMessage = (rel: string, kind: string) => `${rel} is ${kind}, not a regular file: only regular files are read`;

export interface ReadRegularOptions {
  /** Refuse a symlink as the last component (O_NOFOLLOW) instead of following it. */
  noFollow?: boolean;
  /** Files above this size are refused as too_large without being read. */
  maxBytes?: number;
  signal?: AbortSignal;
}

/** Reads `abs` if it is a regular file. `rel` names it in messages. */
export async function readRegularFile(abs: string, rel: string, opts: ReadRegularOptions = {}): Promise<RegularRead> {
  let handle: fs.promises.FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
    handle = await fs.promises.open(abs, O_RDONLY | O_NONBLOCK | (opts.noFollow ? O_NOFOLLOW : 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, code: 'missing', message: `file not found: ${rel}` };
    if (code === 'ELOOP') return { ok: false, code: 'symlink', message: `${rel} is a symlink: refused, it is not followed here` };
    if (code === 'ENXIO') return { ok: false, code: 'special', message: specialMessage(rel, 'a socket') };
    return { ok: false, code: 'unreadable', message: `cannot read ${rel}: ${code ?? 'error'}` };
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) return { ok: false, code: 'is_dir', message: `${rel} is a folder, not a file` };
    const kind = specialKind(st);
    if (kind) return { ok: false, code: 'special', message: specialMessage(rel, kind) };
    if (opts.maxBytes !== undefined && st.size > opts.maxBytes) {
      return { ok: false, code: 'too_large', message: `${rel} is too large (${(st.size / 1048576).toFixed(1)} MB)`, size: st.size };
    }
    const bytes = await handle.readFile({ signal: opts.signal });
    return { ok: true, bytes, mode: st.mode & 0o7777 };
  } catch (err) {
    return { ok: false, code: 'unreadable', message: `cannot read ${rel}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).name}` };
  } finally {
    await handle.close();
  }
}

/**
 * The synchronous twin for hot loops (search reads thousands of small files): the bytes of a
 * regular file up to `maxBytes`, 'large' above it, 'special' for a FIFO, socket or device, or
 * undefined when it cannot be read.
 */
export function readRegularFileSync(abs: string, maxBytes: number): Uint8Array | 'large' | 'special' | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(abs, O_RDONLY | O_NONBLOCK);
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return st.isDirectory() ? undefined : 'special';
    if (st.size > maxBytes) return 'large';
    // Its own ArrayBuffer (not Buffer's shared pool), so it can be transferred to a worker.
    const buf = new Uint8Array(st.size);
    let off = 0;
    while (off < buf.length) {
      const n = fs.readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === buf.length ? buf : buf.slice(0, off);
  } catch (err) {
    // Opening a socket fails with ENXIO: it is special, not merely unreadable.
    return (err as NodeJS.ErrnoException).code === 'ENXIO' ? 'special' : undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
