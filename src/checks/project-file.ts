// Reads a small project file (package.json, go.mod, AGENTS.md …) for discovery: undefined when it
// is missing, not a regular file or too large to be a config file. Never follows it outside.
import * as fs from 'node:fs';
import * as path from 'node:path';

const MAX_BYTES = 256 * 1024;

export function readProjectFile(root: string, rel: string): string | undefined {
  const abs = path.join(root, rel);
  try {
    const st = fs.lstatSync(abs);
    if (!st.isFile() || st.size > MAX_BYTES) return undefined;
    return fs.readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

export function projectFileExists(root: string, rel: string): boolean {
  try {
    return fs.lstatSync(path.join(root, rel)).isFile();
  } catch {
    return false;
  }
}
