// The workspace's state as one key: every file's path, size and mtime under the folders the
// ignore rules keep, hashed. Two equal keys mean no file changed, so a baseline measured on one
// still holds on the other. It runs once a turn and must stay cheap (the bench's check-loop row):
// a synchronous walk that never enters ignored folders and reads only the .gitignore files its
// own listings show (no failed reads for the folders that have none).
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { ALWAYS_IGNORED } from '../workspace/ignore-rules';

/** Past this many files the key covers only the first ones (a huge tree is still keyed, roughly). */
const MAX_FILES = 50_000;

interface Matcher {
  /** The folder of the .gitignore, '' for the root. */
  base: string;
  ig: Ignore;
}

function readIgnore(root: string, dir: string): Ignore | undefined {
  try {
    return ignore().add(fs.readFileSync(path.join(root, dir, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

const ignoredBy = (matchers: Matcher[], rel: string): boolean => matchers.some((m) => m.ig.ignores(`${m.base === '' ? rel : rel.slice(m.base.length + 1)}/`));

export function treeState(root: string): string {
  const hash = crypto.createHash('sha1');
  const stack: { dir: string; matchers: Matcher[] }[] = [{ dir: '', matchers: [] }];
  let n = 0;
  while (stack.length > 0 && n < MAX_FILES) {
    const { dir, matchers: inherited } = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    let matchers = inherited;
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      const ig = readIgnore(root, dir);
      if (ig) matchers = [...inherited, { base: dir, ig }];
    }
    for (const e of entries) {
      const rel = dir === '' ? e.name : `${dir}/${e.name}`;
      if (e.isDirectory()) {
        if (!ALWAYS_IGNORED.includes(e.name) && !ignoredBy(matchers, rel)) stack.push({ dir: rel, matchers });
      } else if (e.isFile()) {
        n++;
        const st = fs.statSync(path.join(root, rel), { throwIfNoEntry: false });
        hash.update(st ? `${rel}\0${st.size}\0${st.mtimeMs}\n` : `${rel}\0gone\n`);
      } else if (e.isSymbolicLink()) hash.update(`${rel}\0link\n`); // never followed out of the workspace
    }
  }
  return hash.digest('hex');
}
