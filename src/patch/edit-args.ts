// Every name a model (or another agent's tool set) gives the parts of an edit in tool arguments,
// read in this one place: old_str/new_str and kin, an `edits` list, replace_all, and an edit text
// in any dialect under `diff`, `patch` or any edit argument. The parser leaves them untouched.
import type { EditInput, ParsedEdit, SearchReplacePair } from './types';
import { LIST_KEYS, PATH_KEYS, REPLACE_KEYS, SEARCH_KEYS, TEXT_KEYS, firstKey, isObj, pairOf, text, type Obj } from './edit-arg-names';
import { parseEditText } from './parse-edit-text';
import { looksLikeApplyPatch } from './dialects/apply-patch';
import { looksLikeSearchReplace } from './dialects/search-replace';
import { looksLikeUnifiedDiff } from './dialects/unified-diff';

export type EditArgs =
  | { ok: true; path: string | undefined; edit: EditInput; args: Obj; repairs: string[] }
  | { ok: false; problem: string; repairs: string[] };

/** An edit text that needs no other argument: SEARCH/REPLACE blocks, a unified diff, a patch. */
function isEditText(v: string): boolean {
  return looksLikeSearchReplace(v) || looksLikeApplyPatch(v) || looksLikeUnifiedDiff(v);
}

function pathIn(o: Obj): string | undefined {
  for (const k of PATH_KEYS) {
    const v = o[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

/** The file an edit text names, when it names exactly one (`*** Update File: a.py`, `+++ b/a.py`). */
function pathInText(parsed: ParsedEdit[]): string | undefined {
  const named = [...new Set(parsed.map((e) => e.path).filter((p): p is string => !!p))];
  return named.length === 1 ? named[0] : undefined;
}

function fromText(t: string, key: string, path: string | undefined, repairs: string[]): EditArgs {
  const parsed = parseEditText(t);
  if ('code' in parsed) return { ok: false, problem: `the edit in "${key}" could not be read: ${parsed.reason}. ${parsed.hint}`, repairs };
  const p = path ?? pathInText(parsed);
  if (key !== 'diff') repairs.push(`${key} → diff`);
  return { ok: true, path: p, edit: { kind: 'text', text: t }, args: { ...(p ? { path: p } : {}), diff: t }, repairs };
}

/**
 * Reads edit_file's arguments in whatever form they came: the canonical result is
 * `{path, search, replace[, replace_all]}`, `{path, edits: [{search, replace}…]}` or `{path, diff}`
 * — and reading a canonical result again gives the same edit.
 */
export function readEditArgs(args: Obj): EditArgs {
  const repairs: string[] = [];
  const path = pathIn(args);
  const sk = firstKey(args, SEARCH_KEYS);
  const rk = firstKey(args, REPLACE_KEYS);
  // A whole edit text in an argument meant for one side: {"search": "<<<<<<< SEARCH …"}, {"replace": "@@ …"}.
  for (const k of [sk, rk]) {
    const v = k === undefined ? undefined : text(args[k]);
    const other = k === sk ? rk : sk;
    const otherEmpty = other === undefined || text(args[other]) === '' || text(args[other]) === v;
    if (v !== undefined && k !== undefined && otherEmpty && isEditText(v)) return fromText(v, k as string, path, repairs);
  }
  let result: EditArgs | undefined;
  const pair = pairOf(args);
  if (typeof pair === 'string') return { ok: false, problem: pair, repairs };
  if (pair) {
    if (sk !== 'search' || (rk !== undefined && rk !== 'replace')) repairs.push(`${sk}/${rk ?? 'replace'} → search/replace`);
    const canonical: Obj = { path, search: pair.search, replace: pair.replace, ...(pair.replaceAll ? { replace_all: true } : {}) };
    result = { ok: true, path, edit: { kind: 'search_replace', ...pair }, args: canonical, repairs };
  }
  const lk = LIST_KEYS.find((k) => Array.isArray(args[k]));
  if (!result && lk) {
    const list = (args[lk] as unknown[]).filter(isObj).map(pairOf);
    const bad = list.find((p): p is string => typeof p === 'string');
    if (bad) return { ok: false, problem: `in "${lk}": ${bad}`, repairs };
    const pairs = list.filter((p): p is SearchReplacePair => p !== undefined && typeof p !== 'string');
    if (pairs.length > 0) {
      const canonical = pairs.map((p) => ({ search: p.search, replace: p.replace, ...(p.replaceAll ? { replace_all: true } : {}) }));
      result = { ok: true, path, edit: { kind: 'pairs', pairs }, args: { path, edits: canonical }, repairs };
    }
  }
  if (!result) {
    // `content` (write_file's argument) counts only when it holds an edit text, never as a new file.
    const isText = (k: string) => typeof args[k] === 'string' && (args[k] as string).trim() !== '' && (k !== 'content' || isEditText(args[k] as string));
    const tk = [...TEXT_KEYS, 'content'].find(isText);
    if (tk) result = fromText(args[tk] as string, tk, path, repairs);
  }
  if (!result) return { ok: false, problem: 'missing argument "search": the exact text to replace, copied from read_file (without the line numbers)', repairs };
  if (result.ok && result.path === undefined)
    return { ok: false, problem: 'missing argument "path": the file to change, relative to the workspace root', repairs };
  return result;
}
