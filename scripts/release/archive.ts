// Writes one release folder as a .tar.gz (modes kept: the launcher and Node stay executable) or
// a .zip (for Windows), and hashes the result for SHA256SUMS.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tar from 'tar';
import * as yazl from 'yazl';

function files(dir: string, rel = ''): string[] {
  return fs
    .readdirSync(path.join(dir, rel), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? files(dir, path.posix.join(rel, e.name)) : [path.posix.join(rel, e.name)]));
}

/** Archives `parent/name/` as `file`, the folder itself as the archive's top entry. */
export async function writeArchive(parent: string, name: string, file: string, kind: 'tar.gz' | 'zip', level: number): Promise<void> {
  if (kind === 'tar.gz') {
    await tar.c({ file, cwd: parent, gzip: { level }, portable: true }, [name]);
    return;
  }
  const zip = new yazl.ZipFile();
  const root = path.join(parent, name);
  for (const rel of files(root)) {
    const full = path.join(root, rel);
    zip.addFile(full, `${name}/${rel}`, { mode: fs.statSync(full).mode, compressionLevel: level });
  }
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(file);
    out.on('close', resolve).on('error', reject);
    zip.outputStream.on('error', reject).pipe(out);
  });
}

export function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
