// `smallcode undo [--list] [N]`: lists the undo journal, or reverts the last N applied changes
// (refused if a file changed since; never outside the workspace, whatever the journal says). The
// workbench's `u` key and `/undo` call the same engine.
import * as fs from 'node:fs';
import { listJournal, undo } from '../../patch';

export interface UndoIo {
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const USAGE = 'usage: smallcode undo [--list] [N]';

export async function undoCommand(args: string[], io: UndoIo): Promise<number> {
  let list = false;
  let n = 1;
  for (const a of args) {
    if (a === '--list' || a === '-l') list = true;
    else if (a === '--help' || a === '-h') {
      io.stdout.write(`${USAGE}\nReverts the last N changes applied by smallcode (default 1); --list shows the journal.\n`);
      return 0;
    } else if (/^\d+$/.test(a) && Number(a) > 0) n = Number(a);
    else {
      io.stderr.write(`smallcode undo: unknown argument "${a}"\n${USAGE}\n`);
      return 2;
    }
  }
  const root = fs.realpathSync(io.cwd);
  if (list) {
    const entries = await listJournal(root);
    if (entries.length === 0) io.stdout.write('the undo journal is empty\n');
    for (const e of entries.reverse())
      io.stdout.write(`${String(e.id).padStart(4)}  ${e.time}  ${e.beforeHash === null ? 'created ' : 'modified'}  ${e.path}\n`);
    return 0;
  }
  const result = await undo(root, n);
  if (!result.ok) {
    io.stderr.write(`smallcode undo: ${result.reason}\n`);
    return 1;
  }
  for (const e of result.skipped ?? []) io.stdout.write(`dropped change ${e.id} (${e.path}): it was never written, the process stopped first\n`);
  for (const e of result.reverted) io.stdout.write(`reverted change ${e.id}: ${e.path}\n`);
  return 0;
}
