// Every path the model names is resolved inside the workspace root, or refused. Symlinks are
// followed (realpath) so a link pointing out of the root is caught too.
import * as fs from 'node:fs';
import * as path from 'node:path';

export type JailResult = { ok: true; abs: string; rel: string } | { ok: false; message: string };

function isInside(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Realpath of the longest existing prefix of `abs`, with the missing tail re-attached. */
function realpathOfExistingPrefix(abs: string): string {
  let head = abs;
  const tail: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync(head), ...tail.reverse());
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return abs;
      tail.push(path.basename(head));
      head = parent;
    }
  }
}

/**
 * Resolves a model-supplied path against `root` (which must already be a realpath).
 * Absolute paths are accepted only when they already lie inside the root.
 */
export function resolveInWorkspace(root: string, requested: string): JailResult {
  if (typeof requested !== 'string' || requested.trim() === '') {
    return { ok: false, message: 'path is empty: give a path relative to the workspace root, e.g. "src/index.ts"' };
  }
  if (requested.includes('\0')) return { ok: false, message: 'path contains a NUL byte' };
  const cleaned = requested.trim().replace(/^["'`]|["'`]$/g, '');
  const abs = path.resolve(root, cleaned);
  if (!isInside(root, abs)) {
    return { ok: false, message: `path "${requested}" is outside the workspace ${root}: use a path inside it` };
  }
  const real = realpathOfExistingPrefix(abs);
  if (!isInside(root, real)) {
    return { ok: false, message: `path "${requested}" leads outside the workspace through a symlink: refused` };
  }
  const rel = path.relative(root, real).split(path.sep).join('/');
  return { ok: true, abs: real, rel: rel === '' ? '.' : rel };
}

/** Folders whose files act outside the sandbox or steer SmallCode itself: a git hook or
 * `core.fsmonitor` in any `.git/` (nested repositories too) runs code the next time the user runs
 * git; our own folder holds the undo journal and the workspace's settings. */
function protectedDir(rel: string): string | undefined {
  const parts = rel.toLowerCase().split('/');
  if (parts.includes('.git')) return '.git';
  if (parts[0] === '.smallcode') return '.smallcode';
  return undefined;
}

/** As resolveInWorkspace, and refuses paths the model may read but never write. */
export function resolveWritable(root: string, requested: string): JailResult {
  const jailed = resolveInWorkspace(root, requested);
  if (!jailed.ok) return jailed;
  const dir = protectedDir(jailed.rel);
  if (dir) {
    return {
      ok: false,
      message: `path "${requested}" is inside ${dir}/, which the model may not change (files there run code outside the sandbox or steer undo): change another file${dir === '.smallcode' ? ' (the plan is changed with update_plan)' : ''}, or ask the user to make this change`,
    };
  }
  return jailed;
}
