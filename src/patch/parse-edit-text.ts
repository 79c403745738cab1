// Dialect detection: an ordered list of named parsers; the first whose markers appear decides
// (a malformed edit in a recognised dialect is refused with the expected form, not re-guessed).
import type { ParsedEdit, Refusal } from './types';
import { refusal } from './refusals';
import { normalizeModelText } from './text-format';
import { looksLikeApplyPatch, parseApplyPatch } from './dialects/apply-patch';
import { looksLikeSearchReplace, parseSearchReplace } from './dialects/search-replace';
import { looksLikeToolArgs, parseToolArgs } from './dialects/tool-args';
import { looksLikeUnifiedDiff, parseUnifiedDiff } from './dialects/unified-diff';
import { looksLikeLazy, looksLikeWholeFile, parseLazy, parseWholeFile } from './dialects/lazy';

interface Dialect {
  name: string;
  detect: (text: string) => boolean;
  parse: (text: string) => ParsedEdit[] | Refusal | undefined;
}

const DIALECTS: Dialect[] = [
  { name: 'apply_patch', detect: looksLikeApplyPatch, parse: parseApplyPatch },
  { name: 'search_replace', detect: looksLikeSearchReplace, parse: parseSearchReplace },
  { name: 'tool_args', detect: looksLikeToolArgs, parse: parseToolArgs },
  { name: 'unified_diff', detect: looksLikeUnifiedDiff, parse: parseUnifiedDiff },
  { name: 'lazy_snippet', detect: looksLikeLazy, parse: parseLazy },
  { name: 'whole_file', detect: looksLikeWholeFile, parse: parseWholeFile },
];

export const EXPECTED_FORMS =
  'Send the edit as SEARCH/REPLACE blocks:\n<<<<<<< SEARCH\n(exact lines from the file)\n=======\n(new lines)\n>>>>>>> REPLACE\n' +
  'or as a unified diff (@@ hunks with " ", "-", "+" lines), or as an apply-patch envelope (*** Begin Patch / *** Update File: path).';

export function parseEditText(text: string): ParsedEdit[] | Refusal {
  const plain = normalizeModelText(text);
  for (const d of DIALECTS) {
    if (!d.detect(plain)) continue;
    const parsed = d.parse(plain);
    if (parsed !== undefined) return parsed;
  }
  return refusal('malformed', 'no edit was found in the text (no SEARCH/REPLACE block, diff hunk or patch)', EXPECTED_FORMS);
}
