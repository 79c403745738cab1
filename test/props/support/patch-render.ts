// Renders one intended change (patch-case.ts) in every dialect the engine accepts, with the drifts
// the matcher ladder claims to absorb. Copied lines (context and old lines) drift as a model
// copies them; drifts the engine translates back (indentation, tabs, quotes, numbers, CRLF) also
// apply to the new lines.
import type { EditInput } from '../../../src/patch';
import { indentOf, old, type PatchCase, replacement, search } from './patch-case';

export const DIALECTS = [
  'search_replace',
  'search_replace_cline',
  'original_updated',
  'old_str_json',
  'old_str_args',
  'unified_diff',
  'apply_patch',
  'apply_patch_anchor',
  'lazy_snippet',
  'search_replace_elided',
] as const;
export type Dialect = (typeof DIALECTS)[number];

export const DRIFTS = ['none', 'indent_more', 'indent_less', 'trailing_ws', 'tabs_spaces', 'whitespace_runs', 'line_numbers', 'smart_quotes', 'crlf'] as const;
export type Drift = (typeof DRIFTS)[number];

export interface Rendered {
  dialect: Dialect;
  drift: Drift;
  edit: EditInput;
  /** The edit pins its place itself (an `@@` line): ambiguity of the search alone is no refusal. */
  anchored: boolean;
}

interface Sides {
  search: string[];
  replace: string[];
  /** Which replace lines are new (not copied from the file). */
  freshAt: Set<number>;
}

const ELISION = '// ... existing code ...';

function commonIndent(lines: string[]): string {
  const ind = lines.filter((l) => l.trim() !== '').map(indentOf);
  if (ind.length === 0) return '';
  let p = ind[0];
  for (const i of ind) while (!i.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Applies a drift to both sides; null when the drift does not fit this case. */
function drifted(c: PatchCase, s: Sides, drift: Drift): Sides | null {
  const all = (f: (l: string, i: number, side: 'search' | 'replace') => string): Sides => ({
    search: s.search.map((l, i) => f(l, i, 'search')),
    replace: s.replace.map((l, i) => f(l, i, 'replace')),
    freshAt: s.freshAt,
  });
  const copied = (f: (l: string) => string): Sides => ({
    search: s.search.map(f),
    replace: s.replace.map((l, i) => (s.freshAt.has(i) ? l : f(l))),
    freshAt: s.freshAt,
  });
  switch (drift) {
    case 'none':
    case 'crlf':
      return s;
    case 'indent_more': {
      const tabbed = c.lines.some((l) => l.startsWith('\t'));
      return all((l) => (l === '' ? l : (tabbed ? '\t' : '    ') + l));
    }
    case 'indent_less': {
      const common = commonIndent([...s.search, ...s.replace]);
      if (common === '') return null;
      return all((l) => (l.startsWith(common) ? l.slice(common.length) : l));
    }
    case 'trailing_ws':
      return copied((l) => (/\s$/.test(l) ? l.trimEnd() : `${l}  `));
    case 'tabs_spaces': {
      const lines = [...s.search, ...s.replace];
      // The engine learns the translation from the search's own indented lines; without one
      // (or in a file that mixes both) the drift cannot be undone, so it is not claimed.
      if (!s.search.some((l) => /^[ \t]+\S/.test(l))) return null;
      if (c.lines.some((l) => l.startsWith('\t')) && c.lines.some((l) => l.startsWith('  '))) return null;
      if (c.layout.tabs) return all((l) => l.replace(/^\t+/, (t) => '    '.repeat(t.length)));
      if (!lines.some((l) => /^ {2}/.test(l))) return null;
      // Only a file indented in one consistent unit can be translated back.
      const unit = lines.some((l) => /^ +/.test(l) && indentOf(l).length % 4 !== 0) ? 2 : 4;
      if (lines.some((l) => indentOf(l).length % unit !== 0)) return null;
      return all((l) => l.replace(/^ +/, (sp) => '\t'.repeat(Math.floor(sp.length / unit)) + ' '.repeat(sp.length % unit)));
    }
    case 'whitespace_runs':
      if (!s.search.some((l) => /\S {2,}\S/.test(l))) return null;
      return copied((l) => l.replace(/(\S) {2,}(?=\S)/g, '$1 '));
    case 'line_numbers': {
      let n = c.start + 1;
      const number = (l: string) => `${String(n++).padStart(4)} | ${l}`;
      const searchN = s.search.map(number);
      n = c.start + 1;
      return { search: searchN, replace: s.replace.map(number), freshAt: s.freshAt };
    }
    case 'smart_quotes': {
      const text = [...s.search, ...s.replace].join('\n');
      if (/[^\x00-\x7f]/.test(text) || !/['"]/.test(s.search.join('\n'))) return null;
      let open = true;
      return all((l) => l.replace(/"/g, () => ((open = !open) ? '\u201D' : '\u201C')).replace(/'/g, '\u2019'));
    }
  }
}

function sides(c: PatchCase): Sides {
  const freshAt = new Set<number>();
  for (let i = 0; i < c.fresh.length; i++) freshAt.add(c.ctxBefore + i);
  return { search: search(c), replace: replacement(c), freshAt };
}

const block = (lines: string[]) => lines.map((l) => `${l}\n`).join('');

/** The unified diff / apply-patch body: context, "-" old lines, "+" new lines. */
function hunkBody(c: PatchCase, s: Sides): string[] {
  const nOld = old(c).length;
  const out: string[] = [];
  for (let i = 0; i < c.ctxBefore; i++) out.push(` ${s.search[i]}`);
  for (let i = 0; i < nOld; i++) out.push(`-${s.search[c.ctxBefore + i]}`);
  for (let i = 0; i < c.fresh.length; i++) out.push(`+${s.replace[c.ctxBefore + i]}`);
  for (let i = 0; i < c.ctxAfter; i++) out.push(` ${s.search[c.ctxBefore + nOld + i]}`);
  return out;
}

/** The nearest non-blank line above the region, when it occurs once in the file. */
function anchorOf(c: PatchCase): string | undefined {
  for (let i = c.start - 1; i >= 0; i--) {
    if (c.lines[i].trim() === '') continue;
    const line = c.lines[i];
    return c.lines.filter((l) => l.trim() === line.trim()).length === 1 ? line.trim() : undefined;
  }
  return undefined;
}

function render(c: PatchCase, s: Sides, dialect: Dialect, drift: Drift): { text: string; anchored?: boolean } | { edit: EditInput } | null {
  switch (dialect) {
    case 'search_replace':
      return { text: `${c.name}\n<<<<<<< SEARCH\n${block(s.search)}=======\n${block(s.replace)}>>>>>>> REPLACE\n` };
    case 'search_replace_cline':
      return { text: `------- SEARCH\n${block(s.search)}=======\n${block(s.replace)}+++++++ REPLACE\n` };
    case 'original_updated':
      return { text: `${c.name}\n<<<<<<< ORIGINAL\n${block(s.search)}=======\n${block(s.replace)}>>>>>>> UPDATED\n` };
    case 'old_str_json':
    case 'old_str_args': {
      // str_replace semantics: a deletion takes its line break with it.
      const oldStr = s.search.join('\n') + (s.replace.length === 0 ? '\n' : '');
      const newStr = s.replace.join('\n');
      if (dialect === 'old_str_args') return { edit: { kind: 'search_replace', search: oldStr, replace: newStr } };
      return { text: JSON.stringify({ path: c.name, old_str: oldStr, new_str: newStr }) };
    }
    case 'unified_diff': {
      // Line numbers are deliberately wrong: the engine ignores them.
      const from = c.start + 7;
      const body = hunkBody(c, s);
      return { text: `--- a/${c.name}\n+++ b/${c.name}\n@@ -${from},${c.end - c.start} +${from},${s.replace.length} @@\n${block(body)}` };
    }
    case 'apply_patch':
    case 'apply_patch_anchor': {
      const anchor = dialect === 'apply_patch_anchor' ? anchorOf(c) : undefined;
      if (dialect === 'apply_patch_anchor' && anchor === undefined) return null;
      const eof = c.end === c.lines.length ? '*** End of File\n' : '';
      const body = hunkBody(c, s);
      return {
        text: `*** Begin Patch\n*** Update File: ${c.name}\n@@${anchor ? ` ${anchor}` : ''}\n${block(body)}${eof}*** End Patch\n`,
        anchored: anchor !== undefined,
      };
    }
    case 'lazy_snippet': {
      // Without an unchanged line between the elision and the changed lines, a snippet says
      // "insert here", not "replace": only an insertion can be written that way.
      const head0 = c.start > 0 && c.ctxBefore === 0 && c.kind !== 'insert';
      const tail0 = c.end < c.lines.length && c.ctxAfter === 0 && c.kind !== 'insert';
      // Nor can it delete or change lines next to an elision when only blank lines stand between.
      const shown = (from: number, n: number) => c.lines.slice(from, from + n).some((l) => l.trim() !== '');
      if (c.kind !== 'insert' && ((c.start > 0 && !shown(c.start, c.ctxBefore)) || (c.end < c.lines.length && !shown(c.end - c.ctxAfter, c.ctxAfter))))
        return null;
      if (head0 || tail0) return null;
      // Only unchanged lines teach a snippet's indentation: tabs for spaces need an indented one.
      const context = [...c.lines.slice(c.start, c.start + c.ctxBefore), ...c.lines.slice(c.end - c.ctxAfter, c.end)];
      if (drift === 'tabs_spaces' && !context.some((l) => /^[ \t]+\S/.test(l))) return null;
      // Likewise smart quotes: only a context line with quotes shows the model changed them.
      if (drift === 'smart_quotes' && !context.some((l) => /['"]/.test(l))) return null;
      // A snippet of the whole file is a rewrite, taken as written: only layout drifts are undone.
      if (c.start === 0 && c.end === c.lines.length && drift !== 'none' && drift !== 'crlf') return null;
      // The elision line sits at the code's depth (a line-number prefix is not depth).
      const depth = (l: string | undefined) => indentOf((l ?? '').replace(/^\s*\d+ \| /, ''));
      const head = c.start > 0 ? [`${depth(s.replace[0])}${ELISION}`] : [];
      const tail = c.end < c.lines.length ? [`${depth(s.replace[s.replace.length - 1])}${ELISION}`] : [];
      const body = [...head, ...s.replace, ...tail];
      const fence = '`'.repeat(Math.max(3, ...body.map((l) => (/^\s*(`+)/.exec(l)?.[1].length ?? 0) + 1)));
      return { text: `${c.name}\n${fence}\n${block(body)}${fence}\n` };
    }
    case 'search_replace_elided': {
      // Context lines 1..ctxBefore-2 stand elided in both halves.
      if (c.ctxBefore < 3) return null;
      // Tabs for spaces are learned from indented lines the search shows; elided ones teach nothing.
      if (drift === 'tabs_spaces' && ![s.search[0], ...s.search.slice(c.ctxBefore - 1)].some((l) => /^[ \t]+\S/.test(l))) return null;
      const cut = (lines: string[]) => [lines[0], `${indentOf(lines[1])}${ELISION}`, ...lines.slice(c.ctxBefore - 1)];
      return { text: `<<<<<<< SEARCH\n${block(cut(s.search))}=======\n${block(cut(s.replace))}>>>>>>> REPLACE\n` };
    }
  }
}

/** Every rendering of the case (dialect × drift) that fits it. */
/** Drifts the engine undoes on new lines too; it can only learn them from a search they changed. */
const TRANSLATED: ReadonlySet<Drift> = new Set(['indent_more', 'indent_less', 'tabs_spaces', 'smart_quotes', 'line_numbers']);

export function renderings(c: PatchCase, drifts: readonly Drift[] = DRIFTS, dialects: readonly Dialect[] = DIALECTS): Rendered[] {
  const out: Rendered[] = [];
  for (const drift of drifts) {
    const s = drifted(c, sides(c), drift);
    if (!s) continue;
    if (TRANSLATED.has(drift) && s.search.join('\n') === search(c).join('\n')) continue;
    for (const dialect of dialects) {
      const r = render(c, s, dialect, drift);
      if (!r) continue;
      const crlf = (t: string) => (drift === 'crlf' ? t.replace(/\n/g, '\r\n') : t);
      if ('edit' in r) {
        const e = r.edit;
        out.push({ dialect, drift, anchored: false, edit: e.kind === 'search_replace' ? { ...e, search: crlf(e.search), replace: crlf(e.replace) } : e });
      } else out.push({ dialect, drift, anchored: r.anchored === true, edit: { kind: 'text', text: crlf(r.text) } });
    }
  }
  return out;
}
