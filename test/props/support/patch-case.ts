// One intended change to a real file, as data: the file's lines and layout, the region it
// touches (context, old lines, context) and the new lines — and the exact bytes it must produce.
import * as fc from 'fast-check';
import { corpusWindow } from './corpus';

export interface Layout {
  crlf: boolean;
  bom: boolean;
  /** The file is indented with tabs (converted from a consistent space indentation). */
  tabs: boolean;
  finalNewline: boolean;
}

export type ChangeKind = 'modify' | 'insert' | 'delete' | 'replace';

export interface PatchCase {
  /** The corpus file the text came from (for reports and golden cases). */
  source: string;
  /** File name in the workspace; its extension follows the source's. */
  name: string;
  layout: Layout;
  /** Plain (LF, no BOM) lines of the file. */
  lines: string[];
  /** Region [start, end) of `lines` the edit's search covers: ctxBefore + old + ctxAfter lines. */
  start: number;
  end: number;
  ctxBefore: number;
  ctxAfter: number;
  /** The lines that replace the old (changed) lines. */
  fresh: string[];
  kind: ChangeKind;
  /** Bytes on disk before and the bytes the intended change produces. */
  before: string;
  after: string;
}

export interface CaseChoices {
  file: number;
  window: number;
  at: number;
  ctxBefore: number;
  ctxAfter: number;
  old: number;
  kind: number;
  salt: number;
  crlf: boolean;
  bom: boolean;
  tabs: boolean;
  finalNewline: boolean;
}

export const caseChoices: fc.Arbitrary<CaseChoices> = fc.record({
  file: fc.nat({ max: 1_000_000 }),
  window: fc.nat({ max: 1_000_000 }),
  at: fc.nat({ max: 1_000_000 }),
  ctxBefore: fc.integer({ min: 0, max: 4 }),
  ctxAfter: fc.integer({ min: 0, max: 3 }),
  old: fc.integer({ min: 0, max: 3 }),
  kind: fc.nat({ max: 3 }),
  salt: fc.nat({ max: 9999 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  tabs: fc.boolean(),
  finalNewline: fc.boolean(),
});

export const indentOf = (line: string) => /^[ \t]*/.exec(line)![0];

/** The indentation unit when every indented line uses spaces in multiples of 2 or 4; else 0. */
function spaceUnit(lines: string[]): number {
  const widths = lines.filter((l) => l.trim() !== '').map((l) => indentOf(l));
  if (widths.some((w) => w.includes('\t'))) return 0;
  const used = widths.map((w) => w.length).filter((n) => n > 0);
  if (used.length === 0) return 0;
  if (used.every((n) => n % 4 === 0)) return 4;
  if (used.every((n) => n % 2 === 0)) return 2;
  return 0;
}

function toTabs(lines: string[], unit: number): string[] {
  return lines.map((l) => {
    const w = indentOf(l);
    return l.trim() === '' ? l : '\t'.repeat(w.length / unit) + l.slice(w.length);
  });
}

/** Plain lines + layout → the bytes on disk. */
export function diskText(lines: string[], layout: Layout): string {
  if (lines.length === 0) return layout.bom ? '\uFEFF' : '';
  const eol = layout.crlf ? '\r\n' : '\n';
  return (layout.bom ? '\uFEFF' : '') + lines.join(eol) + (layout.finalNewline ? eol : '');
}

function freshLines(kind: ChangeKind, old: string[], around: string, salt: number, unit: string): string[] {
  const tag = `zq${salt}`;
  const indent = indentOf(old.find((l) => l.trim() !== '') ?? around);
  switch (kind) {
    case 'modify':
      return old.map((l, i) => (l.trim() === '' ? `${indent}${tag}_${i}` : `${l.trimEnd()} /* ${tag} */`));
    case 'insert':
      return [...old, `${indent}${tag}_added(1, "two");`];
    case 'delete':
      return [];
    case 'replace':
      return [`${indent}if (${tag}) {`, `${indent}${unit}return '${tag}';`, `${indent}}`];
  }
}

/** Builds the case the choices describe, or null when they describe no usable change. */
export function buildCase(c: CaseChoices, maxLines = 80): PatchCase | null {
  const win = corpusWindow(c.file, c.window, maxLines);
  // A last blank line without a final line break is the same text as a final line break.
  let lines = win.lines.slice();
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const unit = spaceUnit(lines);
  const tabs = c.tabs && unit > 0;
  if (tabs) lines = toTabs(lines, unit);
  const layout: Layout = { crlf: c.crlf, bom: c.bom, tabs, finalNewline: c.finalNewline };
  const kinds: ChangeKind[] = ['modify', 'insert', 'delete', 'replace'];
  let kind = kinds[c.kind];
  // An insertion needs no old line; every other change replaces at least one.
  const oldCount = kind === 'insert' ? c.old : Math.max(1, c.old);
  const first = c.at % lines.length;
  const oldStart = first;
  const oldEnd = Math.min(lines.length, oldStart + oldCount);
  const start = Math.max(0, oldStart - c.ctxBefore);
  const end = Math.min(lines.length, oldEnd + c.ctxAfter);
  if (end === start) return null;
  if (kind === 'insert' && oldEnd === oldStart && start === end) return null;
  const old = lines.slice(oldStart, oldEnd);
  if (kind !== 'insert' && old.length === 0) kind = 'insert';
  const around = lines[Math.min(lines.length - 1, oldStart)];
  const tabIndented = tabs || lines.some((l) => l.startsWith('\t'));
  const fresh = freshLines(kind, old, around, c.salt, tabIndented ? '\t' : ' '.repeat(unit || 2));
  const afterLines = [...lines.slice(0, oldStart), ...fresh, ...lines.slice(oldEnd)];
  const ext = (/\.(js|cjs|mjs|ts|json|md)$/.exec(win.file)?.[1] ?? 'txt').replace(/^[cm]js$/, 'js');
  return {
    source: win.file,
    name: `file.${ext}`,
    layout,
    lines,
    start,
    end,
    ctxBefore: oldStart - start,
    ctxAfter: end - oldEnd,
    fresh,
    kind,
    before: diskText(lines, layout),
    after: diskText(afterLines, layout),
  };
}

export const search = (c: PatchCase) => c.lines.slice(c.start, c.end);
export const old = (c: PatchCase) => c.lines.slice(c.start + c.ctxBefore, c.end - c.ctxAfter);
export const replacement = (c: PatchCase) => [...c.lines.slice(c.start, c.start + c.ctxBefore), ...c.fresh, ...c.lines.slice(c.end - c.ctxAfter, c.end)];

/**
 * The case with a repeat of its search text added at line `at` (outside the region): as lines of
 * their own, one level deeper, or (one-line searches) inside a longer line.
 */
export function withRepeat(c: PatchCase, at: number, inside: boolean): PatchCase {
  const text = search(c);
  const q = at % (c.lines.length + 1);
  const pos = q >= c.start && q <= c.end ? c.end : q;
  const copy = inside && text.length === 1 ? [`const again = [${text[0]}];`] : text.map((l) => (l === '' ? l : `  ${l}`));
  const lines = [...c.lines.slice(0, pos), ...copy, ...c.lines.slice(pos)];
  const shift = pos <= c.start ? copy.length : 0;
  const start = c.start + shift;
  const end = c.end + shift;
  const oldStart = start + c.ctxBefore;
  const oldEnd = end - c.ctxAfter;
  const afterLines = [...lines.slice(0, oldStart), ...c.fresh, ...lines.slice(oldEnd)];
  return { ...c, lines, start, end, before: diskText(lines, c.layout), after: diskText(afterLines, c.layout) };
}

/** The region's lines, trimmed, occur at another place too — whole, or inside longer lines there
 * (a drifted `\t}` is verbatim part of another line's `\t};`). */
export function hasWhitespaceTwin(lines: string[], start: number, end: number): boolean {
  const t = lines.map((l) => l.trim());
  const want = t.slice(start, end).join('\n');
  for (let i = 0; i + (end - start) <= t.length; i++)
    if (
      i !== start &&
      t
        .slice(i, i + end - start)
        .join('\n')
        .includes(want)
    )
      return true;
  return false;
}
