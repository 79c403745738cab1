// `smallcode undo [N] [--list] [--cwd DIR]`: lists the undo journal, or reverts the last N applied
// changes (refused if a file changed since; never outside the workspace, whatever the journal says).
// The workbench's `u` key and `/undo` call the same engine.
import { listJournal, undo } from '../../patch';
import { resolveRoot } from '../../config/config';
import type { ParsedArgs } from '../args';

export interface UndoIo {
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export async function undoCommand(args: ParsedArgs, io: UndoIo): Promise<number> {
  const list = args.values.list;
  const n = args.positionals.length ? Number(args.positionals[0]) : 1;
  const root = resolveRoot(args.values.cwd, io.cwd);
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
