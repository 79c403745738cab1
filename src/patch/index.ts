// The patch engine's public surface: propose an edit (pure w.r.t. disk), apply it atomically
// with a journal entry, revalidate, undo; plus the pure pieces the tools and the UI reuse.
export { proposeEdit, applyProposal, revalidate, blocksOf } from './engine';
export { listJournal } from './journal';
export { undo } from './undo';
export { revertChange, redoChange, undoneIds, type RevertResult } from './selective-undo';
export { listChanges } from './change-list';
export { recoverInterruptedWrites } from './apply-lock';
export { unifiedDiff } from './unified-diff';
export { checkWholeFile } from './whole-file';
export { parseEditText } from './parse-edit-text';
export { readEditArgs } from './edit-args';
export { applyBlocks } from './apply-edits';
export type * from './types';
