// The patches pane: the queue (file, +/−, status) and the selected patch's coloured diff, side by
// side when the pane itself is wide enough, long lines wrapped or scrolled sideways.
import type { PatchEntry, UiState } from './state';
import { paint, type Theme, type ThemeRole } from './theme';
import { esc, padRight, truncate, wrapText } from './text';
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

type PatchesState = Pick<UiState, 'patches' | 'selectedPatch' | 'diffWrap' | 'diffCol'>;

export function patchesView(state: PatchesState, width: number, theme: Theme): string[] {
  const key = `${state.selectedPatch}|${width}|${theme.name}|${state.diffWrap}|${state.diffCol}`;
  if (last && last.patches === state.patches && last.key === key) return last.lines;
  const lines = buildPatchesView(state, width, theme);
  last = { patches: state.patches, key, lines };
  return lines;
}

function buildPatchesView(state: PatchesState, width: number, theme: Theme): string[] {
  if (!state.patches.length) return [paint(theme, 'dim', 'No changes proposed yet.')];
  const out = state.patches.map((p, i) => patchQueueLine(p, i === state.selectedPatch, width, theme));
  const sel = state.patches[state.selectedPatch];
  if (sel) {
    out.push(paint(theme, 'dim', '─'.repeat(Math.max(1, width))));
    if (sel.reason) out.push(...wrapText(`rejected: ${sel.reason}`, width).map((l) => paint(theme, 'fail', esc(l))));
    out.push(...diffLines(sel.proposal.diff, width, theme, { wrap: state.diffWrap, col: state.diffCol }));
  }
  return out;
}
