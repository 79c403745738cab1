// Plain-text helpers shared by the pure views: escaping for blessed tags, display width (string-width,
// by grapheme), wrapping and cutting by columns. No blessed import here, so views stay testable.
//
// Every line a view hands blessed must fit twice: in the terminal's cells, and in blessed's own count
// when it clips an unwrapped line (code units, plus one placeholder unit after each wide character).
// So a character costs the larger of the two: 1 for ASCII, 2 for CJK, 3 for an astral emoji (two
// surrogates and the placeholder; it covers 2 cells). Text that terminals draw at different widths —
// emoji ZWJ sequences, variation selectors, skin tones, keycaps, zero-width spaces — is simplified
// first by `terminalSafe`, so that what we measure is what every terminal draws.
import stringWidth from 'string-width';

/** Escapes `{` and `}` so model text can never be read as a blessed tag. */
export function esc(s: string): string {
  if (s.indexOf('{') < 0 && s.indexOf('}') < 0) return s; // the common case, without a regex pass
  return s.replace(/[{}]/g, (c) => (c === '{' ? '{open}' : '{close}'));
}

const CONTROL = /[\x00-\x1f\x7f]/;
const PLAIN = /^[\x20-\x7e]*$/;
/** ZWJ, variation selectors, skin-tone modifiers, the keycap mark, zero-width spaces, BOM, and the
 * bidi controls that would reorder the line. */
const UNSTABLE = /[\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\ufe0e|\ufe0f|\u20e3|\u{1f3fb}|\u{1f3fc}|\u{1f3fd}|\u{1f3fe}|\u{1f3ff}/gu;

/** Replaces tabs and control characters that would break a terminal cell grid. */
export function clean(s: string): string {
  if (PLAIN.test(s)) return s;
  const t = CONTROL.test(s) ? s.replace(/\t/g, '  ').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '') : s;
  return terminalSafe(t);
}

/** Simplifies what terminals disagree on: 👨‍👩‍👧 becomes 👨👩👧, ⚠️ becomes ⚠, 👍🏽 becomes 👍. */
export function terminalSafe(s: string): string {
  if (PLAIN.test(s)) return s;
  UNSTABLE.lastIndex = 0;
  return UNSTABLE.test(s) ? s.replace(UNSTABLE, '') : s;
}

const segmenter = new Intl.Segmenter();
const costCache = new Map<string, number>();

/** Columns one grapheme takes in a line we hand blessed (see the header). */
export function graphemeCost(g: string): number {
  if (g.length === 1 && g >= ' ' && g <= '~') return 1;
  const hit = costCache.get(g);
  if (hit !== undefined) return hit;
  const cells = stringWidth(g);
  let units = 0;
  for (const cp of g) units += cp.length + (stringWidth(cp) === 2 ? 1 : 0);
  const cost = cells === 0 ? 0 : Math.max(cells, units);
  if (costCache.size < 10_000) costCache.set(g, cost);
  return cost;
}

function* graphemes(s: string): Generator<string> {
  for (const seg of segmenter.segment(s)) yield seg.segment;
}

/** Display width in columns (as `graphemeCost` counts them). */
export function displayWidth(s: string): number {
  if (PLAIN.test(s)) return s.length;
  let w = 0;
  for (const g of graphemes(s)) w += graphemeCost(g);
  return w;
}

/** The longest prefix of `s` that fits in `width` columns, and its width. */
export function fitPrefix(s: string, width: number): { text: string; width: number } {
  if (PLAIN.test(s)) return s.length <= width ? { text: s, width: s.length } : { text: s.slice(0, Math.max(0, width)), width: Math.max(0, width) };
  let w = 0;
  let i = 0;
  for (const g of graphemes(s)) {
    const c = graphemeCost(g);
    if (w + c > width) break;
    w += c;
    i += g.length;
  }
  return { text: s.slice(0, i), width: w };
}

/** `s` without its first `cols` columns (a wide character cut in half is dropped, padded with a space). */
export function dropColumns(s: string, cols: number): string {
  if (cols <= 0) return s;
  if (PLAIN.test(s)) return s.slice(cols);
  let w = 0;
  let i = 0;
  for (const g of graphemes(s)) {
    if (w >= cols) break;
    w += graphemeCost(g);
    i += g.length;
  }
  return (w > cols ? ' '.repeat(w - cols) : '') + s.slice(i);
}

/** Cuts to `width` columns, marking the cut with an ellipsis. */
export function truncate(s: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(s) <= width) return s;
  if (width === 1) return '…';
  return `${fitPrefix(s, width - 1).text}…`;
}

/** Pads (or cuts) to exactly `width` columns. */
export function padRight(s: string, width: number): string {
  const w = displayWidth(s);
  if (w === width) return s;
  if (w < width) return s + ' '.repeat(width - w);
  const fit = fitPrefix(s, width);
  return fit.text + ' '.repeat(width - fit.width);
}

/** Wraps one logical line to `width` columns, preferring breaks at spaces. Always returns ≥ 1 line. */
export function wrapLine(line: string, width: number): string[] {
  const w = Math.max(1, width);
  if (PLAIN.test(line)) {
    if (line.length <= w) return [line];
    const out: string[] = [];
    let rest = line;
    while (rest.length > w) {
      let cut = rest.lastIndexOf(' ', w);
      if (cut <= w / 3) cut = w;
      out.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).replace(/^ /, '');
    }
    out.push(rest);
    return out;
  }
  const out: string[] = [];
  let rest = line;
  while (displayWidth(rest) > w) {
    const fit = fitPrefix(rest, w);
    let cut = fit.text.length;
    if (cut === 0) cut = [...graphemes(rest)][0].length; // a character wider than the line: show it anyway
    const space = rest.lastIndexOf(' ', cut);
    if (space > 0 && displayWidth(rest.slice(0, space)) > w / 3 && cut < rest.length) cut = space;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^ /, '');
  }
  out.push(rest);
  return out;
}

/** Wraps multi-line text. */
export function wrapText(text: string, width: number): string[] {
  return clean(text.replace(/\r\n/g, '\n'))
    .split('\n')
    .flatMap((l) => wrapLine(l, width));
}

/** Human token counts: 950, 12.3k, 1.2M. */
export function fmtTokens(n: number): string {
  if (n < 1000) return String(Math.round(n));
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}

/** The text a tagged (blessed) line shows: tags dropped, escaped braces restored. */
export function plainOf(tagged: string): string {
  if (tagged.indexOf('{') < 0) return tagged;
  return tagged.replace(/\{([^{}]*)\}/g, (_m, t: string) => (t === 'open' ? '{' : t === 'close' ? '}' : ''));
}
