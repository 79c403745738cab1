// The file tree, listed lazily: one directory at a time (only what is expanded), ignore rules
// applied, and a pure flattening of the expanded listings into the rows the tree pane shows.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IgnoreRules } from './ignore-rules';

export interface TreeEntry {
  name: string;
  /** Relative to the root, forward slashes ('' is the root itself). */
  rel: string;
  dir: boolean;
}

export interface TreeRow extends TreeEntry {
  depth: number;
  expanded: boolean;
}

export function joinRel(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

export function parentRel(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}

/** Lists one directory: folders first, then files, each alphabetical; ignored entries left out.
 * An unreadable or vanished directory lists as empty. */
export function listDir(root: string, dirRel: string, rules: IgnoreRules): TreeEntry[] {
  let dirents: fs.Dirent[];
  try {
    dirents = fs.readdirSync(path.join(root, dirRel), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: TreeEntry[] = [];
  for (const d of dirents) {
    let dir = d.isDirectory();
    if (d.isSymbolicLink()) {
      try {
        dir = fs.statSync(path.join(root, dirRel, d.name)).isDirectory();
      } catch {
        continue;
      }
    }
    const rel = joinRel(dirRel, d.name);
    if (rules.ignores(rel, dir)) continue;
    out.push({ name: d.name, rel, dir });
  }
  return out.sort((a, b) => (a.dir !== b.dir ? (a.dir ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Flattens the listings of expanded folders (depth-first) into display rows. Folders expanded
 * but not listed yet show as empty until their listing arrives. */
export function flattenTree(listings: Readonly<Record<string, readonly TreeEntry[]>>, expanded: ReadonlySet<string>, dirRel = ''): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (dir: string, depth: number) => {
    for (const e of listings[dir] ?? []) {
      const open = e.dir && expanded.has(e.rel);
      rows.push({ ...e, depth, expanded: open });
      if (open) walk(e.rel, depth + 1);
    }
  };
  walk(dirRel, 0);
  return rows;
}

/** Every ancestor folder of a path ('a/b/c.ts' → ['a', 'a/b']). */
export function ancestors(rel: string): string[] {
  const parts = rel.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
