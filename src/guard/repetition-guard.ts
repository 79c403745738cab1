// Cuts a generation that has fallen into a loop: the same words, lines or characters repeated
// back to back. Fed streamed deltas; O(delta) work per push, fixed memory.
//
// Degenerate loops repeat a unit EXACTLY, period after period; natural repetitive text (JSON
// arrays, import lists, tables, closing braces) varies somewhere in each period or stays short.
// So we track exact periodicity of the word stream (units up to `n` words) and of the raw
// character stream (units up to 16 chars), and cut only when the periodic run covers enough text.

export interface RepetitionOptions {
  /** Longest repeated unit detected, in whitespace-separated words (default 48). */
  n?: number;
  /** Back-to-back repeats of a short unit (< 8 words) that cut (default 8); long units need half, at least 3. */
  threshold?: number;
  /** Minimum size of the repeated run, in non-space characters, before a word loop is cut (default 320;
   * generated code such as long `| { [k: string]: unknown; }` unions reaches ~220). */
  window?: number;
}

export type RepetitionVerdict = { stop: true; message: string; unit: string; count: number } | { stop: false };

export interface RepetitionGuard {
  push(delta: string): RepetitionVerdict;
  reset(): void;
}

const CHAR_PERIODS = 16;
const CHAR_MASK = 31; // ring size 32 > CHAR_PERIODS
/** A character loop must cover this many characters (long separator lines and indentation stay below it). */
const CHAR_SPAN = 256;
/** Whitespace and rule characters need more: Markdown tables pad wide columns with hundreds of
 * spaces and dashes. */
const BLANK_SPAN = 1024;
const RULE_UNIT = /^[\s\-=_*#~+|.:─━═]*$/;
const MAX_WORD = 200;

export function createRepetitionGuard(opts: RepetitionOptions = {}): RepetitionGuard {
  const maxP = Math.max(1, opts.n ?? 48);
  const threshold = Math.max(2, opts.threshold ?? 8);
  const minSpan = Math.max(1, opts.window ?? 320);

  let words: string[] = []; // ring of the last maxP + 1 words
  let wordCount = 0;
  let wordRuns = new Int32Array(maxP + 1);
  let word = '';
  let wordLen = 0;
  let chars = new Int32Array(CHAR_MASK + 1); // ring of the last char codes
  let charCount = 0;
  let charRuns = new Int32Array(CHAR_PERIODS + 1);
  let stopped: RepetitionVerdict = { stop: false };

  const wordAt = (back: number) => words[(wordCount - 1 - back + words.length * 4) % words.length];

  function verdict(unit: string, count: number): RepetitionVerdict {
    const shown = unit.length > 60 ? `${unit.slice(0, 57)}...` : unit;
    return {
      stop: true,
      unit,
      count,
      message: `You repeated '${shown.replace(/\n/g, '\\n')}' ${count} times; stop repeating it. Continue with the next step or give your answer.`,
    };
  }

  function pushWord(w: string): RepetitionVerdict {
    words[wordCount % words.length] = w;
    wordCount++;
    for (let p = 1; p <= maxP && p < wordCount; p++) {
      wordRuns[p] = wordAt(0) === wordAt(p) ? wordRuns[p] + 1 : 0;
      const run = wordRuns[p];
      if (run < p) continue;
      const repeats = Math.floor(run / p) + 1;
      const needed = p < 8 ? threshold : Math.max(3, Math.ceil(threshold / 2));
      if (repeats < needed) continue;
      let unitChars = 0;
      const unit: string[] = [];
      for (let k = p - 1; k >= 0; k--) {
        unitChars += wordAt(k).length;
        unit.push(wordAt(k));
      }
      if (unitChars * repeats >= minSpan) return verdict(unit.join(' '), repeats);
    }
    return { stop: false };
  }

  function pushChar(c: number): RepetitionVerdict {
    const at = charCount & CHAR_MASK;
    chars[at] = c;
    charCount++;
    const limit = Math.min(CHAR_PERIODS, charCount - 1);
    for (let p = 1; p <= limit; p++) {
      if (chars[(at - p) & CHAR_MASK] !== c) {
        charRuns[p] = 0;
        continue;
      }
      charRuns[p]++;
      if (charRuns[p] + p >= CHAR_SPAN) {
        let unit = '';
        for (let k = p - 1; k >= 0; k--) unit += String.fromCharCode(chars[(at - k) & CHAR_MASK]);
        if (charRuns[p] + p < BLANK_SPAN && RULE_UNIT.test(unit)) continue;
        return verdict(unit, Math.floor((charRuns[p] + p) / p));
      }
    }
    return { stop: false };
  }

  function reset(): void {
    words = new Array<string>(maxP + 1).fill('');
    wordCount = 0;
    wordRuns = new Int32Array(maxP + 1);
    word = '';
    wordLen = 0;
    chars = new Int32Array(CHAR_MASK + 1);
    charCount = 0;
    charRuns = new Int32Array(CHAR_PERIODS + 1);
    stopped = { stop: false };
  }
  reset();

  return {
    push(delta) {
      if (stopped.stop) return stopped;
      for (let i = 0; i < delta.length; i++) {
        const c = delta.charCodeAt(i);
        const v = pushChar(c);
        if (v.stop) return (stopped = v);
        const space = c === 32 || c === 10 || c === 13 || c === 9;
        if (!space) {
          if (wordLen < MAX_WORD) word += delta[i];
          wordLen++;
        } else if (wordLen > 0) {
          const w = pushWord(word);
          word = '';
          wordLen = 0;
          if (w.stop) return (stopped = w);
        }
      }
      return { stop: false };
    },
    reset,
  };
}
