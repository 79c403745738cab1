// Contract of the patch engine as the rest of SmallCode sees it: an edit is first *proposed*
// (pure: new content + diff, nothing written), then *applied* atomically and journaled.

export type RefusalCode =
  | 'no_match'
  | 'ambiguous'
  | 'malformed'
  | 'already_applied'
  | 'stale'
  | 'binary'
  | 'not_found'
  | 'too_large'
  /** Another SmallCode process kept the workspace's apply lock past the wait. */
  | 'locked';

/** Errors the model can fix are values. `message` is written for the model. */
export interface Refusal {
  code: RefusalCode;
  /** One line: what went wrong. */
  reason: string;
  /** What to do next, with line numbers / the closest region / the expected form. */
  hint: string;
}

/** One str_replace-style change: `search` may be part of a line; `replaceAll` replaces every verbatim occurrence. */
export interface SearchReplacePair {
  search: string;
  replace: string;
  replaceAll?: boolean;
}

/** Any edit the model (or the user) can express. */
export type EditInput =
  | ({ kind: 'search_replace' } & SearchReplacePair)
  /** Several changes to one file (an `edits` list): all apply, or none. */
  | { kind: 'pairs'; pairs: SearchReplacePair[] }
  /** Free text in any supported dialect: SEARCH/REPLACE blocks, unified diff, apply-patch. */
  | { kind: 'text'; text: string }
  /** Whole-file content (new files, or checked rewrites of small files). */
  | { kind: 'write'; content: string };

export interface Proposal {
  /** Path relative to the workspace root, with forward slashes. */
  path: string;
  /** Content on disk when proposed (null: the file does not exist yet). */
  before: string | null;
  /** sha256 of the bytes on disk when proposed (null: did not exist). */
  beforeHash: string | null;
  /** Exact content that will be written (line endings, BOM and final newline preserved). */
  after: string;
  /** Unified diff of before → after, exactly what will be written. */
  diff: string;
  added: number;
  removed: number;
  /** Names of the matcher rungs / dialects that succeeded, for logs and the UI. */
  strategies: string[];
  /** The edit as the engine read it: a re-check after the file changed applies exactly these
   * blocks again, never a re-reading of the model's arguments. */
  edit?: { blocks: ParsedBlock[]; writeContent?: string };
}

export type ProposeResult = { ok: true; proposal: Proposal } | { ok: false; refusal: Refusal };

export interface JournalEntry {
  id: number;
  path: string;
  time: string;
  beforeHash: string | null;
  /** null: the change removed the file (an undone file creation). */
  afterHash: string | null;
  /** Set on the entry that undid change `undoes` on its own (the changes view's undo/redo). */
  undoes?: number;
}

/** One applied change as the changes view lists it. `diff` null: an old entry without its text. */
export interface ChangeRecord {
  id: number;
  path: string;
  time: string;
  state: 'applied' | 'undone';
  diff: string | null;
  added: number;
  removed: number;
}

export type ApplyResult = { ok: true; entry: JournalEntry } | { ok: false; refusal: Refusal };

/** `skipped`: entries for changes that were never written (the process died first), dropped. */
export type UndoResult = { ok: true; reverted: JournalEntry[]; skipped?: JournalEntry[] } | { ok: false; reason: string };

/** One located change: `search` (lines to find, LF endings) becomes `replace`. */
export interface EditBlock {
  kind: 'replace';
  search: string;
  replace: string;
  /** True for tool arguments: the search may be part of a line (str_replace semantics). */
  substring?: boolean;
  /** A context line (apply-patch `@@ def foo():`) that precedes the region; used to disambiguate. */
  anchor?: string;
  /** The region ends at the end of the file (apply-patch `*** End of File`). */
  atEnd?: boolean;
  /** Hunks of one diff apply top to bottom: prefer a match after the previous hunk. */
  ordered?: boolean;
  /** Tool argument `replace_all`: every verbatim occurrence is replaced (exact rung only). */
  replaceAll?: boolean;
}

/** A lazy snippet: file text where `// ... existing code ...` lines stand for unchanged code. */
export interface LazyBlock {
  kind: 'lazy';
  text: string;
}

/** Whole-file content (apply-patch `*** Add File:`). */
export interface WriteBlock {
  kind: 'write';
  content: string;
  /** Came from a bare fenced code block: must look like the whole file (same first and last line). */
  fromSnippet?: boolean;
}

export type ParsedBlock = EditBlock | LazyBlock | WriteBlock;

/** The edits for one file found in an edit text, in order. */
export interface ParsedEdit {
  path?: string;
  dialect: string;
  blocks: ParsedBlock[];
}
