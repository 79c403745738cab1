// Re-indents replacement lines to the file's indentation once the search has been located:
// learned from the pairs (search line indent → file line indent), tabs vs spaces kept.
// A whitespace-only line is re-indented like any other line (its whitespace is its indent), so
// every rung treats it the same way; only an empty line stays empty.
import { isBlank, leadingWhitespace } from './normalize';

function unitOf(indents: string[], fallback: number): number {
  const widths = [...new Set(indents.filter((i) => !i.includes('\t')).map((i) => i.length))].sort((a, b) => a - b);
  let unit = 0;
  for (let i = 1; i < widths.length; i++) {
    const d = widths[i] - widths[i - 1];
    if (d > 0 && (unit === 0 || d < unit)) unit = d;
  }
  if (unit === 0 && widths.length > 0 && widths[0] > 0) unit = widths[0];
  return unit > 0 && unit <= 8 ? unit : fallback;
}

/** [search indent, file indent] for each non-blank search line `map` places on a file line. */
export function indentPairs(search: string[], file: string[], map: (number | undefined)[]): [string, string][] {
  const pairs: [string, string][] = [];
  search.forEach((line, k) => {
    const f = map[k];
    if (f !== undefined && !isBlank(line)) pairs.push([leadingWhitespace(line), leadingWhitespace(file[f])]);
  });
  return pairs;
}

/**
 * The one indentation prefix every pair adds (sign 1) or removes (-1) in front of the search's
 * indentation — in front, as it is applied (in a file that mixes tabs and spaces, `\t` + `  ` is
 * not `  ` + `\t`); null when the pairs disagree. pairs: [indent in the search, indent in the file].
 */
export function uniformShift(pairs: [string, string][]): { delta: string; sign: 1 | -1 } | null {
  let shift: { delta: string; sign: 1 | -1 } | null = null;
  for (const [s, f] of pairs) {
    const sign = f.endsWith(s) ? 1 : s.endsWith(f) ? -1 : 0;
    if (sign === 0) return null;
    const delta = sign === 1 ? f.slice(0, f.length - s.length) : s.slice(0, s.length - f.length);
    if (shift && (delta !== shift.delta || sign !== shift.sign)) return null;
    shift = { delta, sign };
  }
  return shift ?? { delta: '', sign: 1 };
}

/** pairs: [indent in the search, indent of the file line it matched]. */
export function makeReindent(pairs: [string, string][]): (line: string) => string {
  if (pairs.every(([s, f]) => s === f)) return (line) => line;
  const map = new Map<string, string>();
  for (const [s, f] of pairs) if (!map.has(s)) map.set(s, f);
  const fileTabs = pairs.some(([, f]) => f.includes('\t'));
  const modelUnit = unitOf(
    pairs.map(([s]) => s),
    4,
  );
  const fileUnit = unitOf(
    pairs.map(([, f]) => f),
    modelUnit,
  );

  const uniform = uniformShift(pairs);
  const delta = uniform?.delta ?? null;
  const sign = uniform?.sign ?? 0;

  // A tab stands for as many spaces as the pairs show (two tabs for four spaces: two each).
  const perTab = (tabs: string, spaces: string) =>
    /^\t+$/.test(tabs) && /^ +$/.test(spaces) && spaces.length % tabs.length === 0 ? spaces.length / tabs.length : 0;
  const modelTab = pairs.map(([s, f]) => perTab(s, f)).find((n) => n > 0) ?? fileUnit;
  const modelSpaces = pairs.map(([s, f]) => perTab(f, s)).find((n) => n > 0) ?? modelUnit;
  const convert = (extra: string): string => {
    if (fileTabs && !extra.includes('\t')) return '\t'.repeat(Math.round(extra.length / modelSpaces));
    if (!fileTabs && extra.includes('\t')) return extra.replace(/\t/g, ' '.repeat(modelTab));
    if (!fileTabs && modelUnit !== fileUnit) return ' '.repeat(Math.round((extra.length / modelUnit) * fileUnit));
    return extra;
  };

  const pureConversion = pairs.some(([sp]) => sp !== '') && pairs.every(([sp, f]) => convert(sp) === f);

  return (line) => {
    if (line === '') return line;
    const indent = leadingWhitespace(line);
    const rest = line.slice(indent.length);
    const known = map.get(indent);
    if (known !== undefined) return known + rest;
    if (sign === 1 && delta !== null) return delta + indent + rest;
    if (sign === -1 && delta !== null && indent.startsWith(delta)) return indent.slice(delta.length) + rest;
    let best: string | null = null;
    for (const k of map.keys()) if (indent.startsWith(k) && (best === null || k.length > best.length)) best = k;
    if (best !== null) return map.get(best)! + convert(indent.slice(best.length)) + rest;
    // Shallower than every pair (a closing line written with tabs where the file has spaces):
    // when every pair is the same style conversion, that conversion applies here too.
    if (pureConversion) return convert(indent) + rest;
    return line;
  };
}
