// The disk-writing primitives other than the atomic whole-file write: appending to a log, making
// a folder, removing a file. Every write SmallCode makes goes through src/workspace/ (a test
// enforces it), so what the tool may change on disk is visible in one folder.
import * as fs from 'node:fs';

/** Appends synchronously: the bytes are on disk before the caller's next step (crash safety). */
export function appendSync(file: string, text: string): void {
  fs.appendFileSync(file, text);
}

/** Appends; `exclusive` creates the file and fails if it already exists. */
export async function append(file: string, text: string, opts: { exclusive?: boolean } = {}): Promise<void> {
  await fs.promises.appendFile(file, text, opts.exclusive ? { flag: 'wx' } : undefined);
}

export async function makeDir(dir: string): Promise<void> {
  await fs.promises.mkdir(dir, { recursive: true });
}

/** Removes a file; a missing file is not an error. */
export async function removeFile(file: string): Promise<void> {
  await fs.promises.rm(file, { force: true });
}
