// The argument names of edits, in preference order, and the reading of one search/replace pair:
// the one table behind edit_file's arguments and the JSON/XML edit dialect (tool-args.ts).
import type { SearchReplacePair } from './types';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
export const firstKey = (o: Obj, keys: string[]): string | undefined => keys.find((k) => o[k] !== undefined && o[k] !== null);

/** Names for the text to find, then for its replacement, in preference order. */
export const SEARCH_KEYS = [
  'search',
  'old_str',
  'old_string',
  'oldString',
  'old_text',
  'oldText',
  'old',
  'search_text',
  'original',
  'old_content',
  'find',
  'before',
];
export const REPLACE_KEYS = [
  'replace',
  'new_str',
  'new_string',
  'newString',
  'new_text',
  'newText',
  'new',
  'replacement',
  'replace_with',
  'replace_text',
  'new_content',
  'updated',
  'after',
];
/** Arguments that hold a whole edit text (SEARCH/REPLACE blocks, a diff, an apply-patch envelope). */
export const TEXT_KEYS = ['diff', 'patch', 'edit', 'changes', 'input'];
export const PATH_KEYS = ['path', 'file_path', 'filePath', 'file', 'filename', 'file_name', 'target_file', 'absolute_path', 'relative_path'];
export const LIST_KEYS = ['edits', 'changes', 'replacements'];

/** One search/replace pair from an object, or why it cannot be one. */
export function pairOf(o: Obj): SearchReplacePair | string | undefined {
  const sk = firstKey(o, SEARCH_KEYS);
  if (sk === undefined) return undefined;
  const search = text(o[sk]);
  if (search === undefined) return `"${sk}" must be text`;
  if (search === '') return `"${sk}" is empty: to create a file use write_file, otherwise give the exact text to replace`;
  const rk = firstKey(o, REPLACE_KEYS);
  const replace = rk === undefined ? undefined : text(o[rk]);
  if (replace === undefined) return 'missing argument "replace": the new text (use "" to delete the search text)';
  const all = o.replace_all === true || o.replaceAll === true || o.replace_all === 'true';
  return { search, replace, ...(all ? { replaceAll: true } : {}) };
}
