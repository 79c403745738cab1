// What the agent tells the model when the same file keeps failing to patch: first the real
// region with line numbers, then (small files) a checked whole-file rewrite, then escalation
// or the user.
import * as fs from 'node:fs';
import { resolveInWorkspace } from '../workspace/jail';

export interface StuckAdvice {
  note?: string;
  escalate?: boolean;
  askUser?: boolean;
}

const SMALL_FILE_LINES = 200;

function numbered(text: string): string {
  const lines = text.split(/\r?\n/);
  const width = String(lines.length).length;
  return lines.map((l, i) => `${String(i + 1).padStart(width)} | ${l}`).join('\n');
}

export async function stuckAdvice(root: string, relPath: string, action: string, canEscalate: boolean): Promise<StuckAdvice> {
  const jailed = resolveInWorkspace(root, relPath);
  let content: string | undefined;
  if (jailed.ok) {
    try {
      content = await fs.promises.readFile(jailed.abs, 'utf8');
    } catch {
      content = undefined;
    }
  }
  const lines = content === undefined ? 0 : content.split(/\r?\n/).length;
  const small = content !== undefined && lines < SMALL_FILE_LINES;
  switch (action) {
    case 'show_region':
      if (content === undefined) return { note: `${relPath} does not exist: create it with write_file.` };
      return small
        ? { note: `Edits to ${relPath} failed 3 times. Here is the file exactly as it is now; copy SEARCH text from it verbatim (without the "N | " prefixes):\n${numbered(content)}` }
        : { note: `Edits to ${relPath} failed 3 times. read_file ${relPath} with start_line/end_line around the place you want to change, then copy the SEARCH text verbatim.` };
    case 'offer_write_file':
      if (small) return { note: `${relPath} has only ${lines} lines: instead of edit_file you may rewrite it completely with write_file — the FULL new content, with no "..." or "existing code" placeholders.` };
      return canEscalate ? { escalate: true, note: 'Handing this step to a stronger model.' } : { askUser: true };
    case 'escalate':
      return canEscalate ? { escalate: true, note: 'Handing this step to a stronger model.' } : { askUser: true };
    case 'ask_user':
      return { askUser: true };
    default:
      return {};
  }
}
