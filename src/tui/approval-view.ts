// The approval dialog: what is asked (a change with its diff, or a command with its working
// directory), warnings (stale, changed on disk), and a footer naming its keys from the keymap.
import type { ApprovalRequest } from '../agent/events';
import type { UiState } from './state';
import { KEYMAP, keyLabel } from './keymap';
import { paint, type Theme } from './theme';
import { esc, truncate, wrapText } from './text';
import { diffLines } from './diff-view';
import { mainArg } from './chat-view';

/** Lines in the compact (not full) diff view. */
export const COMPACT_DIFF_LINES = 12;

export function approvalKeysLine(theme: Theme, reason: boolean): string {
  const when = reason ? 'reason' : 'approval';
  return KEYMAP.filter((b) => b.when === when && b.hint)
    .map((b) => `${paint(theme, 'key', keyLabel(b.keys[0]))} ${b.label}`)
    .join('  ');
}

function headerLines(req: ApprovalRequest, state: Pick<UiState, 'patches' | 'approvals'>, width: number, theme: Theme): string[] {
  const more = state.approvals.length > 1 ? ` (1 of ${state.approvals.length})` : '';
  if (req.command) {
    return [
      paint(theme, 'title', esc(truncate(`Run this command?${more}`, width))),
      ...wrapText(`$ ${req.command.command}`, width).map((l) => paint(theme, 'code', esc(l))),
      paint(theme, 'dim', esc(truncate(`in ${req.command.cwd}`, width))),
    ];
  }
  const p = req.proposal;
  if (!p) {
    const arg = mainArg(req.call.arguments);
    return [paint(theme, 'title', esc(truncate(`Allow ${req.call.name} ${arg}?${more}`, width)))];
  }
  const verb = p.before === null ? 'Create' : 'Change';
  const out = [paint(theme, 'title', esc(truncate(`${verb} ${p.path}? (+${p.added} −${p.removed})${more}`, width)))];
  const entry = state.patches.find((x) => x.id === req.id) ?? state.patches.find((x) => x.path === p.path && x.status !== 'applied');
  if (entry?.status === 'stale')
    out.push(paint(theme, 'error', esc(truncate('⚠ stale: the file changed on disk and this change no longer applies — n to reject', width))));
  else if (entry?.revalidated)
    out.push(paint(theme, 'warn', esc(truncate('⚠ the file changed on disk: this is the change re-made against its new content', width))));
  else if (entry?.changedOnDisk)
    out.push(paint(theme, 'warn', esc(truncate('⚠ the file changed on disk since this was proposed — y re-checks it first', width))));
  return out;
}

/** Exactly `height` lines (or fewer when short): header, the scrolled diff, the key footer. */
export function approvalView(
  state: Pick<UiState, 'approvals' | 'patches' | 'fullDiff' | 'diffScroll' | 'reason' | 'size'>,
  width: number,
  height: number,
  theme: Theme,
): string[] {
  const req = state.approvals[0];
  if (!req) return [];
  const head = headerLines(req, state, width, theme);
  const footer = [paint(theme, 'dim', '─'.repeat(Math.max(1, width))), ...wrapKeys(approvalKeysLine(theme, !!state.reason), width)];
  const room = Math.max(1, height - head.length - footer.length);
  let body: string[] = [];
  if (req.proposal) {
    const all = diffLines(req.proposal.diff, width, theme, state.size.cols);
    const limit = state.fullDiff ? room : Math.min(room, COMPACT_DIFF_LINES);
    const start = Math.min(state.diffScroll, Math.max(0, all.length - limit));
    body = all.slice(start, start + limit);
    const hidden = all.length - body.length;
    if (hidden > 0) {
      const note = `… ${hidden} more diff lines (${state.fullDiff ? '↑/↓ scroll' : 'd shows the full diff'})`;
      if (body.length >= limit) body = body.slice(0, Math.max(0, limit - 1));
      body.push(paint(theme, 'dim', esc(truncate(note, width))));
    }
  }
  return [...head, ...body, ...footer];
}

/** Keeps the key footer within the width: one line per binding group when narrow. */
function wrapKeys(line: string, width: number): string[] {
  const plainLen = line.replace(/\{[^}]*\}/g, '').length;
  if (plainLen <= width) return [line];
  const parts = line.split('  ');
  const out: string[] = [];
  let cur = '';
  let curLen = 0;
  for (const p of parts) {
    const len = p.replace(/\{[^}]*\}/g, '').length;
    if (curLen && curLen + 2 + len > width) {
      out.push(cur);
      cur = '';
      curLen = 0;
    }
    cur += (curLen ? '  ' : '') + p;
    curLen += (curLen ? 2 : 0) + len;
  }
  if (cur) out.push(cur);
  return out;
}
