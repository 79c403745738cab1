// Plain-text helpers shared by the pure views: escaping for blessed tags, display width,
// wrapping and truncation. No blessed import here, so views stay testable as strings.

/** Escapes `{` and `}` so model text can never be read as a blessed tag. */
export function esc(s: string): string {
  if (s.indexOf('{') < 0 && s.indexOf('}') < 0) return s; // the common case, without a regex pass
  return s.replace(/[{}]/g, (c) => (c === '{' ? '{open}' : '{close}'));
}

/** Replaces tabs and control characters that would break a terminal cell grid. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

export function clean(s: string): string {
  if (!CONTROL.test(s)) return s;
  // eslint-disable-next-line no-control-regex
  return s.replace(/\t/g, '  ').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}

/** Cuts to `width` columns, marking the cut with an ellipsis. */
export function truncate(s: string, width: number): string {
  if (width <= 0) return '';
  if (s.length <= width) return s;
  if (width === 1) return '…';
  return s.slice(0, width - 1) + '…';
}

export function padRight(s: string, width: number): string {
  return s.length >= width ? s.slice(0, width) : s + ' '.repeat(width - s.length);
}

/** Wraps one logical line to `width`, preferring breaks at spaces. Always returns ≥ 1 line. */
export function wrapLine(line: string, width: number): string[] {
  const w = Math.max(1, width);
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
