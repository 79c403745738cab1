// Runs a rendered edit through the real engine (proposeEdit on a real temp workspace) and judges
// it: the intended bytes, a refusal, or wrong bytes. Shared by the property tests and the bench.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { type ProposeResult, proposeEdit } from '../../../src/patch';
import type { PatchCase } from './patch-case';
import type { Rendered } from './patch-render';

export type Verdict =
  | { kind: 'exact'; strategies: string[] }
  | { kind: 'refused'; code: string; hint: string }
  | { kind: 'wrong'; got: string; strategies: string[] };

export function makeWorkspace(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-props-')));
}

export function writeCase(root: string, c: PatchCase): void {
  for (const f of fs.readdirSync(root)) if (f.startsWith('file.')) fs.rmSync(path.join(root, f));
  fs.writeFileSync(path.join(root, c.name), c.before, 'utf8');
}

export function judge(c: PatchCase, result: ProposeResult): Verdict {
  if (!result.ok) return { kind: 'refused', code: result.refusal.code, hint: `${result.refusal.reason}\n${result.refusal.hint}` };
  const got = result.proposal.after;
  return got === c.after ? { kind: 'exact', strategies: result.proposal.strategies } : { kind: 'wrong', got, strategies: result.proposal.strategies };
}

export async function runRendered(root: string, c: PatchCase, r: Rendered): Promise<Verdict> {
  return judge(c, await proposeEdit(root, c.name, r.edit));
}

/** Start offsets of every occurrence of `needle` in `hay`, overlapping ones included. */
export function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  if (needle === '') return out;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** 1-based line numbers of offsets in `text`. */
export function lineNumbers(text: string, offsets: number[]): number[] {
  return offsets.map((o) => text.slice(0, o).split('\n').length);
}

/** A readable account of a failing case, for the assertion message. */
export function describeCase(c: PatchCase, r: Rendered, v: Verdict): string {
  const edit = r.edit.kind === 'text' ? r.edit.text : JSON.stringify(r.edit);
  const shown = (t: string) =>
    t
      .replace(/\r/g, '\u240d')
      .replace(/\t/g, '\u2192')
      .replace(/\ufeff/g, '\u2060BOM');
  const got =
    v.kind === 'wrong'
      ? `\n--- want → got (${v.strategies.join(',')}):\n${createTwoFilesPatch('want', 'got', shown(c.after), shown(v.got), '', '', { context: 2 })}`
      : v.kind === 'refused'
        ? `\n--- refused (${v.code}): ${v.hint}`
        : '';
  const from = Math.max(0, c.start - 3);
  const excerpt = c.lines.slice(from, c.end + 3).map((l, i) => `${String(from + i + 1).padStart(5)}: ${shown(l)}`);
  return `${r.dialect}/${r.drift} on ${c.source} (${JSON.stringify(c.layout)}), lines ${c.start + 1}-${c.end}, ${c.kind}\n--- file around the region:\n${excerpt.join('\n')}\n--- edit:\n${shown(edit)}${got}`;
}
