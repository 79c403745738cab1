// Per-text lookup structures shared by every rung (and the already-applied check). Everything is
// lazy: a distinctive word of the search line finds the few file lines worth normalising.
import { collapseWhitespace, typographicToAscii } from './normalize';

export const lenientKey = (line: string): string => collapseWhitespace(typographicToAscii(line));

const WORDS = /[A-Za-z0-9_]+/g;
const WORD_CHAR = /[A-Za-z0-9_]/;

export class FileIndex {
  private lenientCache: (string | undefined)[];
  private starts: number[] | undefined;
  private blankInfo: { nonBlank: number[]; pos: Int32Array } | undefined;
  private readonly norms = new Map<(l: string) => string, (string | undefined)[]>();

  constructor(
    readonly text: string,
    readonly lines: string[],
  ) {
    this.lenientCache = new Array(lines.length);
  }

  lenient(i: number): string {
    return (this.lenientCache[i] ??= lenientKey(this.lines[i]));
  }

  allLenient(): string[] {
    return this.lines.map((_, i) => this.lenient(i));
  }

  /** Indices of non-blank lines, and each line's position among them (-1 for blank lines). */
  get nonBlank(): number[] {
    return this.blanks().nonBlank;
  }

  get nonBlankPos(): Int32Array {
    return this.blanks().pos;
  }

  private blanks(): { nonBlank: number[]; pos: Int32Array } {
    if (this.blankInfo) return this.blankInfo;
    const nonBlank: number[] = [];
    const pos = new Int32Array(this.lines.length).fill(-1);
    this.lines.forEach((l, i) => {
      if (l.trim() !== '' && this.lenient(i) !== '') {
        pos[i] = nonBlank.length;
        nonBlank.push(i);
      }
    });
    return (this.blankInfo = { nonBlank, pos });
  }

  lineOf(offset: number): number {
    if (!this.starts) {
      this.starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Lines (ascending) whose lenient key equals that of `line`. Every rung's normal form keeps
   * letters and digits, so a file line can only match if it contains the line's longest word.
   */
  linesLike(line: string): number[] {
    const key = lenientKey(line);
    const word = (line.match(WORDS) ?? []).reduce((a, b) => (b.length > a.length ? b : a), '');
    const out: number[] = [];
    if (word.length < 2) {
      for (let i = 0; i < this.lines.length; i++) if (this.lenient(i) === key) out.push(i);
      return out;
    }
    for (let at = this.text.indexOf(word); at >= 0; at = this.text.indexOf(word, at + word.length)) {
      if (WORD_CHAR.test(this.text[at - 1] ?? ' ') || WORD_CHAR.test(this.text[at + word.length] ?? ' ')) continue;
      const i = this.lineOf(at);
      if (out[out.length - 1] !== i && this.lenient(i) === key) out.push(i);
    }
    return out;
  }

  /** The rung's normal form of line i, computed once. */
  norm(fn: (l: string) => string, i: number): string {
    let cache = this.norms.get(fn);
    if (!cache) this.norms.set(fn, (cache = new Array(this.lines.length)));
    return (cache[i] ??= fn(this.lines[i]));
  }
}
