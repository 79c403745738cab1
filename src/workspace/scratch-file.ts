// A private scratch file outside the workspace (a fresh folder in the system temp dir), e.g. the copy
// of a proposed change the user edits in $EDITOR. Kept here because every disk write goes through
// src/workspace/ (a test enforces it).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ScratchFile {
  file: string;
  /** Removes the file and its folder; never throws. */
  remove(): Promise<void>;
}

/** `name` keeps the original's base name, so the editor picks the right syntax. */
export async function writeScratchFile(name: string, content: string): Promise<ScratchFile> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'smallcode-edit-'));
  const file = path.join(dir, path.basename(name) || 'change.txt');
  await fs.promises.writeFile(file, content, { mode: 0o600 });
  return { file, remove: () => fs.promises.rm(dir, { recursive: true, force: true }).catch(() => undefined) };
}
