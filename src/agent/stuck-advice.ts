// What the agent tells the model when the same file keeps failing to patch: first the real
// region with line numbers, then (small files) a checked whole-file rewrite, then escalation
// or the user.
import { assertNever } from '../util/assert-never';
import type { StuckAction } from '../guard/stuck-patch-guard';
import { resolveInWorkspace } from '../workspace/jail';
import { readTextFile, splitLines } from '../workspace/text-file';
import { numberLine } from '../tools/read-file';

export interface StuckAdvice {
  note?: string;
  escalate?: boolean;
  askUser?: boolean;
}

const SMALL_FILE_LINES = 200;
/** Larger files are never shown whole here; read_file with a range is suggested instead. */
const MAX_BYTES = 1_000_000;

/** The same numbering read_file uses, so the model copies it back the same way. */
function numbered(lines: string[]): string {
  return lines.map((l, i) => numberLine(i + 1, l)).join('\n');
}

export async function stuckAdvice(root: string, relPath: string, action: StuckAction, canEscalate: boolean): Promise<StuckAdvice> {
  const jailed = resolveInWorkspace(root, relPath);
  const file = jailed.ok ? await readTextFile(jailed.abs, relPath, MAX_BYTES) : undefined;
  const lines = file?.ok ? splitLines(file.text) : undefined;
  const small = lines !== undefined && lines.length < SMALL_FILE_LINES;
  switch (action) {
    case 'show_region':
      if (file && !file.ok && file.code === 'not_found') return { note: `${relPath} does not exist: create it with write_file.` };
      return small
        ? {
            note: `Edits to ${relPath} failed 3 times. Here is the file exactly as it is now; copy SEARCH text from it verbatim (without the line numbers):\n${numbered(lines)}`,
          }
        : {
            note: `Edits to ${relPath} failed 3 times. read_file ${relPath} with start_line/end_line around the place you want to change, then copy the SEARCH text verbatim.`,
          };
    case 'offer_write_file':
      if (small)
        return {
          note: `${relPath} has only ${lines.length} lines: instead of edit_file you may rewrite it completely with write_file — the FULL new content, with no "..." or "existing code" placeholders.`,
        };
      return canEscalate ? { escalate: true, note: 'Handing this step to a stronger model.' } : { askUser: true };
    case 'escalate':
      return canEscalate ? { escalate: true, note: 'Handing this step to a stronger model.' } : { askUser: true };
    case 'ask_user':
      return { askUser: true };
    case 'hint':
      return {};
    default:
      return assertNever(action);
  }
}
