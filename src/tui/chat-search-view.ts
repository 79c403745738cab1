// The chat's search (`/` in the chat): which lines match the query (case-insensitive), which one
// is current (n / N step back and forth from the newest), and the lines with every match
// highlighted — the current one in inverse, the others underlined. Pure; memoized per query.
import { esc, plainOf } from './text';

export interface ChatMatches {
  /** Line numbers with a match, oldest first. */
  lines: number[];
  /** The current match's line (-1 when nothing matches). */
  current: number;
  /** 1-based position of the current match, counted from the oldest. */
  position: number;
}

let memo: { lines: readonly string[]; query: string; hits: number[] } | undefined;

function matchingLines(lines: readonly string[], query: string): number[] {
  if (memo && memo.lines === lines && memo.query === query) return memo.hits;
  const q = query.toLowerCase();
  const hits: number[] = [];
  lines.forEach((l, i) => {
    if (plainOf(l).toLowerCase().includes(q)) hits.push(i);
  });
  memo = { lines, query, hits };
  return hits;
}

/** `match` counts back from the newest match (0); it wraps around both ways. */
export function chatMatches(lines: readonly string[], query: string, match: number): ChatMatches {
  if (!query) return { lines: [], current: -1, position: 0 };
  const hits = matchingLines(lines, query);
  if (!hits.length) return { lines: hits, current: -1, position: 0 };
  const back = ((match % hits.length) + hits.length) % hits.length;
  const at = hits.length - 1 - back;
  return { lines: hits, current: hits[at], position: at + 1 };
}

/** One line with each occurrence of the query highlighted (its colours give way to the marks). */
export function highlightLine(line: string, query: string, current: boolean): string {
  const plain = plainOf(line);
  const lower = plain.toLowerCase();
  const q = query.toLowerCase();
  const [open, close] = current ? ['{inverse}', '{/inverse}'] : ['{underline}{bold}', '{/bold}{/underline}'];
  let out = '';
  let from = 0;
  for (let i = lower.indexOf(q); i >= 0 && q; i = lower.indexOf(q, i + q.length)) {
    out += esc(plain.slice(from, i)) + open + esc(plain.slice(i, i + q.length)) + close;
    from = i + q.length;
  }
  return out + esc(plain.slice(from));
}

/** The chat lines with the matches highlighted (a copy; only matching lines change). */
export function highlightChat(lines: readonly string[], query: string, m: ChatMatches): string[] {
  const out = lines.slice();
  for (const i of m.lines) out[i] = highlightLine(lines[i], query, i === m.current);
  return out;
}
