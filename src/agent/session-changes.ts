// The agent's side of the changes view: which journal entries this session applied, and undo /
// redo of any one of them (patch/selective-undo.ts). The model is told of each, like of `undo`.
import type { ChangeRecord } from '../patch/types';
import type { EventBus } from './event-bus';
import type { HistoryStore } from './history-store';
import { listChanges, redoChange, revertChange } from '../patch/index';
import { noteMessage } from './history-format';

/** Outcome of an undo or redo from the changes view: ok, or why not (one line for the user). */
export type ChangeActionResult = { ok: true; path: string } | { ok: false; reason: string };

export interface SessionChanges {
  changes(): Promise<ChangeRecord[]>;
  undoChange(id: number): Promise<ChangeActionResult>;
  redoChange(id: number): Promise<ChangeActionResult>;
}

export function createSessionChanges(root: string, bus: EventBus, history: HistoryStore): SessionChanges {
  const applied = new Set<number>();
  bus.subscribe((e) => {
    if (e.type === 'patch.applied') applied.add(e.journalId);
  });

  async function act(id: number, redo: boolean): Promise<ChangeActionResult> {
    const r = redo ? await redoChange(root, id) : await revertChange(root, id);
    const verb = redo ? 'redo' : 'undo';
    if (!r.ok) {
      bus.emit({ type: 'notice', level: 'warn', message: `${verb}: ${r.reason}` });
      return r;
    }
    // A redo reverts the revert: the change it names is the one the user sees come back.
    const path = r.reverted.path;
    bus.emit({ type: redo ? 'change.redone' : 'change.undone', journalId: id, path });
    history.append(
      noteMessage(
        redo
          ? `The user re-applied an earlier change to ${path} that they had undone; read ${path} again before editing it.`
          : `The user undid one of your earlier changes to ${path} (later changes were kept); read ${path} again before editing it.`,
      ),
    );
    return { ok: true, path };
  }

  return {
    changes: () => listChanges(root, applied),
    undoChange: (id) => act(id, false),
    redoChange: (id) => act(id, true),
  };
}
