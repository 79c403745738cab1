// The approval dialog: what is asked (a change with its diff, or a command with its working
// directory), warnings (stale, changed on disk), where in the diff the view is ("lines 13–24 of
// 300"), and a footer naming the keys of this kind of request from the keymap. While the user
// writes in the input the dialog's keys are off, and the footer says how to answer instead.
import type { ApprovalRequest } from '../agent/events';
import type { UiState } from './state';
import { KEYMAP, keyLabel, type When } from './keymap';
import { paint, type Theme } from './theme';
import { displayWidth, esc, truncate, wrapText } from './text';
import { diffLines } from './diff-view';
import { mainArg } from './chat-view';
import { writingInput } from './status-view';

/** Lines in the compact (not full) diff view. */
export const COMPACT_DIFF_LINES = 12;

type DialogState = Pick<
  UiState,
  'approvals' | 'patches' | 'fullDiff' | 'diffScroll' | 'diffCol' | 'diffWrap' | 'reason' | 'size' | 'focus' | 'input' | 'dialogFocus'
>;

/** The hinted keys of a scope group, as "y approve  n reject …" (short labels; help has the long ones). */
export function approvalKeysLine(theme: Theme, scopes: When[]): string {
  return KEYMAP.filter((b) => scopes.includes(b.when) && b.hint)
    .map((b) => `${paint(theme, 'key', keyLabel(b.keys[0]))} ${esc(b.short ?? b.label)}`)
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
  if (req.external) {
    const x = req.external;
    const args = JSON.stringify(req.call.arguments);
    return [
      paint(theme, 'title', esc(truncate(`Call ${x.tool} on MCP server ${x.server}?${more}`, width))),
      ...wrapText(args.length > 600 ? `${args.slice(0, 599)}…` : args, width).map((l) => paint(theme, 'code', esc(l))),
      paint(theme, 'dim', esc(truncate(x.from === 'workspace' ? 'a server from this workspace’s .mcp.json' : 'a server from your mcp.json', width))),
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
  const warn = (role: 'warn' | 'error', text: string) => out.push(...wrapText(text, width).map((l) => paint(theme, role, esc(l))));
  if (entry?.status === 'stale') warn('error', '⚠ stale: the file changed on disk and this change no longer applies — n to reject');
  else if (entry?.revalidated) warn('warn', '⚠ the file changed on disk: this is the change re-made against its new content');
  else if (entry?.changedOnDisk) warn('warn', '⚠ the file changed on disk since this was proposed — y re-checks it first');
  return out;
}

function footerLines(req: ApprovalRequest, state: DialogState, width: number, theme: Theme): string[] {
  const rule = paint(theme, 'dim', '─'.repeat(Math.max(1, width)));
  if (state.reason) return [rule, ...wrapKeys(approvalKeysLine(theme, ['reason']), width)];
  if (writingInput(state))
    return [
      rule,
      ...wrapText('You are typing a message, so keys go to the input. Esc, then answer here (y, n …).', width).map((l) => paint(theme, 'warn', esc(l))),
    ];
  const keys = wrapKeys(approvalKeysLine(theme, ['approval', req.command || req.external ? 'command' : 'change']), width);
  if (state.dialogFocus || width < 100) return [rule, ...keys];
  return [rule, ...keys, paint(theme, 'dim', esc(truncate('(a key answers when pressed on its own, not inside typing; Esc first answers at once)', width)))];
}

export interface ApprovalLayout {
  lines: string[];
  /** All diff rows and how many the dialog shows (for paging). */
  diffRows: number;
  diffRoom: number;
}

/** At most `height` lines: header, the scrolled diff with its position, the key footer. */
export function approvalLayout(state: DialogState, width: number, height: number, theme: Theme): ApprovalLayout {
  const req = state.approvals[0];
  if (!req) return { lines: [], diffRows: 0, diffRoom: 0 };
  const head = headerLines(req, state, width, theme);
  const footer = footerLines(req, state, width, theme);
  const room = Math.max(1, height - head.length - footer.length);
  if (!req.proposal) return { lines: [...head, ...footer], diffRows: 0, diffRoom: 0 };
  const all = diffLines(req.proposal.diff, width, theme, { wrap: state.diffWrap, col: state.diffCol });
  const fits = all.length <= Math.min(room, state.fullDiff ? room : COMPACT_DIFF_LINES);
  const limit = fits ? all.length : Math.max(1, (state.fullDiff ? room : Math.min(room, COMPACT_DIFF_LINES)) - 1);
  const start = Math.min(state.diffScroll, Math.max(0, all.length - limit));
  const body = all.slice(start, start + limit);
  if (!fits) {
    const where = `lines ${start + 1}–${start + body.length} of ${all.length}`;
    const how = state.fullDiff ? '↓/PgDn scroll' : 'd shows the full diff, ↓/PgDn scroll';
    const note = `${where} · ${how}${state.diffWrap ? '' : ' · ←/→ sideways'} · w ${state.diffWrap ? 'no wrap' : 'wrap'}`;
    body.push(paint(theme, 'dim', esc(truncate(note, width))));
  }
  return { lines: [...head, ...body, ...footer], diffRows: all.length, diffRoom: limit };
}

export function approvalView(state: DialogState, width: number, height: number, theme: Theme): string[] {
  return approvalLayout(state, width, height, theme).lines;
}

/** Keeps the key footer within the width: one line per binding group when narrow. */
function wrapKeys(line: string, width: number): string[] {
  const plainLen = displayWidth(line.replace(/\{[^}]*\}/g, ''));
  if (plainLen <= width) return [line];
  const parts = line.split('  ');
  const out: string[] = [];
  let cur = '';
  let curLen = 0;
  for (const p of parts) {
    const len = displayWidth(p.replace(/\{[^}]*\}/g, ''));
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
