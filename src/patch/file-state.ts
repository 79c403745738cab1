// Reads a workspace file for the patch engine: bytes, hash and text, or a refusal for binary,
// oversized and non-regular files and for paths that leave the workspace or pass a symlink.
// The one place the engine resolves a relative path under the root (workspace/confined-file).
import type { Refusal } from './types';
import { assertNever } from '../util/assert-never';
import { readConfined } from '../workspace/confined-file';
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

export type FileStateResult = { ok: true; state: FileState } | { ok: false; refusal: Refusal };

export async function readFileState(root: string, relPath: string): Promise<FileStateResult> {
  const read = await readConfined(root, relPath, { maxBytes: MAX_BYTES });
  if (!read.ok) {
    switch (read.code) {
      case 'outside':
        return { ok: false, refusal: refusal('not_found', read.reason, 'Give the path of a file inside the workspace, relative to its root.') };
      case 'symlink':
        return { ok: false, refusal: refusal('not_found', read.reason, 'Edit the file the link points to, by its own path.') };
      case 'is_dir':
        return { ok: false, refusal: refusal('not_found', `"${relPath}" is a directory, not a file`, 'Give the path of a file.') };
      case 'special':
      case 'unreadable':
        return { ok: false, refusal: refusal('not_found', read.reason, 'Only regular text files can be edited; leave this one alone.') };
      case 'too_large':
        return {
          ok: false,
          refusal: refusal('too_large', `${read.reason}: too large to edit`, 'Edit a smaller file, or ask the user to make this change.'),
        };
      default:
        return assertNever(read.code);
    }
  }
  const { abs, bytes } = read;
  if (bytes === null) return { ok: true, state: { abs, bytes: null, hash: null, text: null } };
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok)
    return {
      ok: false,
      refusal: refusal('binary', `${relPath}: ${decoded.reason}`, 'Binary and non-UTF-8 files cannot be edited; leave this file alone or ask the user.'),
    };
  return { ok: true, state: { abs, bytes, hash: sha256(bytes), text: decoded.text } };
}
