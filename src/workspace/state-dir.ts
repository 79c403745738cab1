// `.smallcode/` holds SmallCode's own state (session logs, the undo journal, the plan). The logs
// and the journal are machine-local, so the folder ignores them itself and the user's
// `git status` stays clean; the plan stays visible so a team may commit it if they like.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const STATE_DIR = '.smallcode';
const IGNORE = '# SmallCode state: session logs and the undo journal are local to this machine.\nsessions/\njournal/\n';

export function ensureStateDir(root: string): void {
  const dir = path.join(root, STATE_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const ignoreFile = path.join(dir, '.gitignore');
  if (!fs.existsSync(ignoreFile)) {
    try {
      fs.writeFileSync(ignoreFile, IGNORE, { flag: 'wx' });
    } catch {
      // Another process wrote it first, or the folder is read-only: nothing to do.
    }
  }
}
