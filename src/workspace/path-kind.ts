// What a jailed path points at, so tools can answer "folder, not a file" without touching fs.
import * as fs from 'node:fs';

export type PathKind = 'file' | 'dir' | 'other' | 'missing';

/** Follows symlinks; `abs` should come from resolveInWorkspace. */
export function pathKind(abs: string): PathKind {
  try {
    const st = fs.statSync(abs);
    return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
  } catch {
    return 'missing';
  }
}
