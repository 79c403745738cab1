// Which paths the tree, listings, searches and the watcher skip: always .git, node_modules and
// .smallcode, plus the root .gitignore and any nested .gitignore met while walking.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const ALWAYS_IGNORED = ['.git', 'node_modules', '.smallcode'];

export interface IgnoreRules {
  /** `rel` uses forward slashes, relative to the root; folders may end with '/'. */
  ignores(rel: string, isDir: boolean): boolean;
  /** Forgets a folder's .gitignore ('' is the root's) so the next check reads it again (edited). */
  reload(dirRel: string): void;
}

function readGitignore(dirAbs: string): string | undefined {
  try {
    return fs.readFileSync(path.join(dirAbs, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
}

/** Builds the rules for a workspace; nested .gitignore files are read lazily, once each. */
export function loadIgnoreRules(root: string): IgnoreRules {
  const perDir = new Map<string, Ignore | null>();
  const rulesFor = (dirRel: string): Ignore | null => {
    if (perDir.has(dirRel)) return perDir.get(dirRel)!;
    const text = readGitignore(path.join(root, dirRel));
    const ig = text === undefined ? null : ignore().add(text);
    perDir.set(dirRel, ig);
    return ig;
  };
  return {
    reload(dirRel: string): void {
      perDir.delete(dirRel);
    },
    ignores(rel: string, isDir: boolean): boolean {
      const clean = rel.replace(/\\/g, '/').replace(/^\.\/|\/$/g, '');
      if (clean === '' || clean === '.') return false;
      const parts = clean.split('/');
      if (parts.some((p) => ALWAYS_IGNORED.includes(p))) return true;
      // Check against every ancestor's .gitignore, each with the path relative to it.
      for (let i = 0; i < parts.length; i++) {
        const dirRel = parts.slice(0, i).join('/');
        const ig = rulesFor(dirRel);
        if (!ig) continue;
        const sub = parts.slice(i).join('/') + (isDir ? '/' : '');
        if (ig.ignores(sub)) return true;
      }
      return false;
    },
  };
}
