// Judges one generated case: the parser read back exactly the call that was rendered, reported the
// text unreadable, missed it silently, or read a different call (the one outcome never allowed).
import fc from 'fast-check';
import { parseToolCalls } from '../../../src/toolcall/index';
import type { ParseResult } from '../../../src/toolcall/index';
import { allTools, toolSpecs } from '../../../src/tools/registry';
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
  if (res.calls.length === 1 && res.calls[0].name === call.name && canonical(res.calls[0].arguments) === canonical(call.arguments)) return 'exact';
  return 'wrong';
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
