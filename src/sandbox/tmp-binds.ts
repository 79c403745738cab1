// The sandbox's /tmp is private, so files a command needs that live under the real /tmp (a
// SmallCode checkout there, the TypeScript a bench check uses, an approved MCP server's program)
// would vanish inside it. Their top folders under /tmp are bound back in, read-only.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Top folders under /tmp holding any of `paths`, except one holding the workspace (bound writable). */
export function tmpBindsFor(paths: readonly string[], root: string | undefined): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    if (!path.isAbsolute(p) || !fs.existsSync(p)) continue;
    const rel = path.relative('/tmp', fs.realpathSync(p));
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
    const top = path.join('/tmp', rel.split(path.sep)[0]);
    if (root && (top === root || root.startsWith(top + path.sep))) continue;
    out.add(top);
  }
  return [...out];
}
