// Serialises argument values the way damaged model output writes them: single quotes (Python repr),
// trailing commas, raw newlines in strings, Python literals, pretty-printed or with literal `\n`s.
export interface Damage {
  singleQuotes: boolean;
  trailingCommas: boolean;
  rawNewlines: boolean;
  pythonLiterals: boolean;
  pretty: boolean;
  /** Pretty-printed with the two characters `\n` between tokens (Qwen3.5's damage). */
  literalNewlines: boolean;
}

export const NO_DAMAGE: Damage = {
  singleQuotes: false,
  trailingCommas: false,
  rawNewlines: false,
  pythonLiterals: false,
  pretty: false,
  literalNewlines: false,
};

/** The named damages of `d`, for messages and the bench. */
export function damageNames(d: Damage): string[] {
  return (Object.keys(d) as (keyof Damage)[]).filter((k) => d[k]);
}

export function serialize(v: unknown, d: Damage = NO_DAMAGE, depth = 0): string {
  const nl = d.literalNewlines ? '\\n' : d.pretty ? '\n' : '';
  const pad = (n: number) => (d.pretty || d.literalNewlines ? '  '.repeat(n) : '');
  const sep = d.pretty || d.literalNewlines ? '' : ' ';
  const comma = d.trailingCommas ? ',' : '';
  if (typeof v === 'string') return quote(v, d);
  if (typeof v === 'boolean') return d.pythonLiterals ? (v ? 'True' : 'False') : String(v);
  if (v === null || v === undefined) return d.pythonLiterals ? 'None' : 'null';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const items = v.map((x) => pad(depth + 1) + serialize(x, d, depth + 1));
    return `[${nl}${items.join(`,${sep}${nl}`)}${comma}${nl}${pad(depth)}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  const items = entries.map(([k, x]) => `${pad(depth + 1)}${quote(k, d)}: ${serialize(x, d, depth + 1)}`);
  return `{${nl}${items.join(`,${sep}${nl}`)}${comma}${nl}${pad(depth)}}`;
}

/** A JSON string, or Python's repr-style single-quoted one; raw newlines and tabs on request. */
export function quote(s: string, d: Damage = NO_DAMAGE): string {
  const q = d.singleQuotes ? "'" : '"';
  let out = '';
  for (const ch of s) {
    if (ch === '\\') out += '\\\\';
    else if (ch === q) out += `\\${q}`;
    else if (ch === '\n') out += d.rawNewlines ? '\n' : '\\n';
    else if (ch === '\t') out += d.rawNewlines ? '\t' : '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch < ' ') out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return q + out + q;
}
