// The workspace's state as one key: every file's path, size and mtime under the folders the
// ignore rules keep, hashed. Two equal keys mean no file changed, so a baseline measured on one
// still holds on the other. A synchronous walk: it runs once or twice a turn and must stay cheap
// (the bench's check-loop row); ignored folders (node_modules, build output) are never entered.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadIgnoreRules } from '../workspace/ignore-rules';

/** Past this many files the key covers only the first ones (a huge tree is still keyed, roughly). */
const MAX_FILES = 50_000;

export function treeState(root: string): string {
  const rules = loadIgnoreRules(root);
  const hash = crypto.createHash('sha1');
  const dirs = [''];
  let n = 0;
  while (dirs.length > 0 && n < MAX_FILES) {
    const dir = dirs.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const rel = dir === '' ? e.name : `${dir}/${e.name}`;
      // Symlinks are keyed by name only: never followed out of the workspace.
      if (e.isDirectory()) {
        if (!rules.ignores(rel, true)) dirs.push(rel);
      } else if (e.isFile()) {
        n++;
        try {
          const st = fs.statSync(path.join(root, rel));
          hash.update(`${rel}\0${st.size}\0${st.mtimeMs}\n`);
        } catch {
          hash.update(`${rel}\0gone\n`);
        }
      } else if (e.isSymbolicLink()) hash.update(`${rel}\0link\n`);
    }
  }
  return hash.digest('hex');
}
