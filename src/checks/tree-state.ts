// The workspace's state as one key: every non-ignored file's path, size and mtime, hashed. Two
// equal keys mean no file changed, so a baseline measured on one still holds on the other.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadIgnoreRules } from '../workspace/ignore-rules';
import { walkWorkspace } from '../workspace/walk';

/** Past this many files the key is still computed, but a walk this long says "large repo". */
const MAX_FILES = 50_000;

export async function treeState(root: string, signal?: AbortSignal): Promise<string> {
  const hash = crypto.createHash('sha1');
  let n = 0;
  for await (const e of walkWorkspace(root, '.', loadIgnoreRules(root), signal)) {
    if (e.isDir) continue;
    if (++n > MAX_FILES) break;
    try {
      const st = fs.statSync(path.join(root, e.rel));
      hash.update(`${e.rel}\0${st.size}\0${st.mtimeMs}\n`);
    } catch {
      hash.update(`${e.rel}\0gone\n`);
    }
  }
  return hash.digest('hex');
}
