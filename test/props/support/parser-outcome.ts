// Judges one generated case: the parser read back exactly the call that was rendered, reported the
// text unreadable, missed it silently, or read a different call (the one outcome never allowed).
import fc from 'fast-check';
import { parseToolCalls } from '../../../src/toolcall/index';
import type { ParseResult } from '../../../src/toolcall/index';
import { allTools, toolSpecs } from '../../../src/tools/registry';
import { readEditArgs } from '../../../src/patch/edit-args';
import { parseSearchReplace } from '../../../src/patch/dialects/search-replace';
import type { EditInput } from '../../../src/patch/types';
import { DIALECTS, type Dialect, EDIT_BLOCK, type Rendered } from './parser-dialects';
import { type Damage, damageNames } from './parser-render';
import { type GenCall, genCall } from './parser-values';

export const TOOLS = toolSpecs(allTools());

export type Outcome = 'exact' | 'unreadable' | 'missed' | 'wrong';

export function parseRendered(r: Rendered): ParseResult {
  return parseToolCalls(r.text, r.native, { tools: TOOLS });
}

export function outcomeOf(call: GenCall, res: ParseResult): Outcome {
  if (res.calls.length === 0) return res.intendedButUnreadable ? 'unreadable' : 'missed';
  if (res.calls.length === 1 && res.calls[0].name === call.name && comparable(call.name, res.calls[0].arguments) === comparable(call.name, call.arguments))
    return 'exact';
  return 'wrong';
}

/** What a call means: its arguments, except that an edit is the edit the patch engine reads from
 * them (the parser hands SEARCH/REPLACE text over as `diff`; `search`/`replace` say the same). */
export function comparable(name: string, args: Record<string, unknown>): string {
  if (name !== 'edit_file') return canonical(args);
  const read = readEditArgs(args);
  if (!read.ok) return canonical(args);
  return canonical({ path: read.path, pairs: pairsOf(read.edit) ?? read.edit });
}

/** The search/replace pairs an edit stands for, however it was written; undefined for other edits. */
function pairsOf(edit: EditInput): { search: string; replace: string }[] | undefined {
  if (edit.kind === 'search_replace') return [{ search: edit.search, replace: edit.replace }];
  if (edit.kind === 'pairs') return edit.pairs.map((p) => ({ search: p.search, replace: p.replace }));
  if (edit.kind !== 'text') return undefined;
  const parsed = parseSearchReplace(edit.text);
  if (!Array.isArray(parsed)) return undefined;
  // A block's lines end in a line break; the arguments' text need not.
  const line = (t: string) => t.replace(/\n$/, '');
  return parsed.flatMap((e) => e.blocks.flatMap((b) => (b.kind === 'replace' ? [{ search: line(b.search), replace: line(b.replace) }] : [])));
}

/** JSON with sorted keys, so argument order never matters. */
export function canonical(v: unknown): string {
  const sort = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(sort)
      : x && typeof x === 'object'
        ? Object.fromEntries(
            Object.keys(x)
              .sort()
              .map((k) => [k, sort((x as Record<string, unknown>)[k])]),
          )
        : x;
  return JSON.stringify(sort(v));
}

export const genDamage: fc.Arbitrary<Damage> = fc.record({
  singleQuotes: fc.boolean(),
  trailingCommas: fc.boolean(),
  rawNewlines: fc.boolean(),
  pythonLiterals: fc.boolean(),
  pretty: fc.boolean(),
  literalNewlines: fc.boolean(),
});

export interface GenCase {
  call: GenCall;
  /** The dialect's name (a name keeps fast-check's counterexamples short). */
  dialect: string;
  damage: Damage;
}

const ALL = [...DIALECTS, EDIT_BLOCK];

export function dialectNamed(name: string): Dialect {
  return ALL.find((d) => d.name === name) as Dialect;
}

/** A call, a dialect and (for JSON dialects) a damage; `text` draws the string values. */
export function genCase(dialects: Dialect[] = DIALECTS, text?: fc.Arbitrary<string>): fc.Arbitrary<GenCase> {
  return fc
    .record({ call: genCall(text), dialect: fc.constantFrom(...dialects.map((d) => d.name)), damage: genDamage })
    .map((c) => (dialectNamed(c.dialect).json ? c : { ...c, damage: { ...NONE } }));
}

/** The case rendered, or undefined when its dialect cannot express the call. */
export function renderCase(c: GenCase): Rendered | undefined {
  return dialectNamed(c.dialect).render(c.call, c.damage);
}

const NONE: Damage = { singleQuotes: false, trailingCommas: false, rawNewlines: false, pythonLiterals: false, pretty: false, literalNewlines: false };

/** One line saying what went wrong, for a failing property. */
export function describeCase(c: GenCase, r: Rendered, res: ParseResult): string {
  const got = res.calls.map((x) => `${x.name} ${canonical(x.arguments)} [${x.strategy}]`).join('; ') || `no call (unreadable=${res.intendedButUnreadable})`;
  return `${c.dialect} damage=[${damageNames(c.damage).join(',')}]\nexpected ${c.call.name} ${canonical(c.call.arguments)}\ngot      ${got}\ntext: ${JSON.stringify(r.text).slice(0, 600)}`;
}
