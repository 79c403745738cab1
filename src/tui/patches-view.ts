// The patches pane: the queue (file, +/−, status) and the selected patch's coloured diff.
import type { PatchEntry, UiState } from './state';
import { paint, type Theme, type ThemeRole } from './theme';
import { esc, padRight, truncate } from './text';
import { diffLines } from './diff-view';

const STATUS_ROLE: Record<PatchEntry['status'], ThemeRole> = {
  pending: 'warn',
  applied: 'ok',
  rejected: 'fail',
  stale: 'fail',
  undone: 'dim',
};

export function patchQueueLine(p: PatchEntry, selected: boolean, width: number, theme: Theme): string {
  const status = p.status === 'pending' && p.changedOnDisk ? 'changed on disk' : p.status;
  const counts = `+${p.proposal.added} −${p.proposal.removed}`;
  const nameW = Math.max(4, width - counts.length - status.length - 5);
  const name = esc(padRight(truncate(p.path, nameW), nameW));
  const line = `${selected ? paint(theme, 'selected', '▶') : ' '} ${name} ${paint(theme, 'diffAdd', `+${p.proposal.added}`)} ${paint(theme, 'diffDel', `−${p.proposal.removed}`)} ${paint(theme, STATUS_ROLE[p.status], status)}`;
  return line;
}

let last: { patches: UiState['patches']; key: string; lines: string[] } | undefined;

export function patchesView(state: Pick<UiState, 'patches' | 'selectedPatch' | 'size'>, width: number, theme: Theme): string[] {
  const key = `${state.selectedPatch}|${width}|${state.size.cols}|${theme.name}`;
  if (last && last.patches === state.patches && last.key === key) return last.lines;
  const lines = buildPatchesView(state, width, theme);
  last = { patches: state.patches, key, lines };
  return lines;
}

function buildPatchesView(state: Pick<UiState, 'patches' | 'selectedPatch' | 'size'>, width: number, theme: Theme): string[] {
  if (!state.patches.length) return [paint(theme, 'dim', 'No changes proposed yet.')];
  const out = state.patches.map((p, i) => patchQueueLine(p, i === state.selectedPatch, width, theme));
  const sel = state.patches[state.selectedPatch];
  if (sel) {
    out.push(paint(theme, 'dim', '─'.repeat(Math.max(1, width))));
    if (sel.reason) out.push(paint(theme, 'fail', esc(truncate(`rejected: ${sel.reason}`, width))));
    out.push(...diffLines(sel.proposal.diff, width, theme, state.size.cols));
  }
  return out;
}
