// Reads a workspace file for the patch engine: bytes, hash and text, or a refusal for binary
// and oversized files. The one place the engine resolves a relative path under the root.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Refusal } from './types';
import { refusal } from './refusals';
import { decodeUtf8, sha256 } from './text-format';

const MAX_BYTES = 16 * 1024 * 1024;

export interface FileState {
  abs: string;
  /** null: the file does not exist. */
  bytes: Buffer | null;
  hash: string | null;
  text: string | null;
}

export function absInside(root: string, relPath: string): string | undefined {
  const abs = path.resolve(root, relPath);
  const rel = path.relative(root, abs);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : abs;
}

export async function readBytes(abs: string): Promise<Buffer | null> {
  try {
    return await fs.promises.readFile(abs);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export async function readFileState(root: string, relPath: string): Promise<{ ok: true; state: FileState } | { ok: false; refusal: Refusal }> {
  const abs = absInside(root, relPath);
  if (!abs)
    return { ok: false, refusal: refusal('not_found', `"${relPath}" is not a file inside the workspace`, 'Give a path relative to the workspace root.') };
  const stat = await fs.promises.stat(abs).catch(() => null);
  if (stat?.isDirectory()) return { ok: false, refusal: refusal('not_found', `"${relPath}" is a directory, not a file`, 'Give the path of a file.') };
  if (stat && stat.size > MAX_BYTES) {
    return {
      ok: false,
      refusal: refusal(
        'too_large',
        `${relPath} is ${Math.round(stat.size / 1048576)} MB, too large to edit`,
        'Edit a smaller file, or ask the user to make this change.',
      ),
    };
  }
  const bytes = await readBytes(abs);
  if (bytes === null) return { ok: true, state: { abs, bytes: null, hash: null, text: null } };
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok)
    return {
      ok: false,
      refusal: refusal('binary', `${relPath}: ${decoded.reason}`, 'Binary and non-UTF-8 files cannot be edited; leave this file alone or ask the user.'),
    };
  return { ok: true, state: { abs, bytes, hash: sha256(bytes), text: decoded.text } };
}
