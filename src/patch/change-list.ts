// The changes of a session as one list for the changes view: each journaled change with its
// diff and whether it stands or was undone on its own. Revert entries are bookkeeping, not rows.
import type { ChangeRecord } from './types';
import { readStored, storedBytes } from './journal';
import { undoneIds } from './selective-undo';
import { unifiedDiff } from './unified-diff';

const text = (b64: string | null | undefined) => storedBytes(b64)?.toString('utf8') ?? null;

/** Changes whose id is in `ids` (all when undefined), oldest first. */
export async function listChanges(root: string, ids?: ReadonlySet<number>): Promise<ChangeRecord[]> {
  const stored = await readStored(root);
  const undone = undoneIds(stored);
  const out: ChangeRecord[] = [];
  for (const e of stored) {
    if (e.undoes !== undefined || (ids && !ids.has(e.id))) continue;
    const after = text(e.after);
    const d = e.after === undefined ? null : unifiedDiff(e.path, text(e.before), after ?? '');
    out.push({
      id: e.id,
      path: e.path,
      time: e.time,
      state: undone.has(e.id) ? 'undone' : 'applied',
      diff: d?.diff ?? null,
      added: d?.added ?? 0,
      removed: d?.removed ?? 0,
    });
  }
  return out;
}
