// Works around a blessed 0.1.81 bug: while building its 8-colour reduction table it fills the
// colour-match cache with 8-colour answers, so every theme colour that is exactly an xterm-256
// palette entry (#ffaf00, #5fafff, …) is later drawn as one of 8 basic colours. Emptying the
// cache once, before the first screen, restores true 256-colour output.

interface BlessedColors {
  _cache: Record<number, number>;
}

export function fixBlessedColors(): void {
  const colors = require('blessed/lib/colors') as BlessedColors;
  colors._cache = {};
}

// Works around blessed 0.1.81's wide-character model, which is older than today's terminals: it
// draws an astral emoji (😀) as one cell where every terminal uses two, so the rest of the line —
// and, as the chat scrolls, the lines around it — shift and garble. Here blessed's per-character
// width and its wide-character placeholder (parseContent puts a filler cell after each wide char)
// follow the same East Asian Width data string-width uses, astral characters included. Our views
// (text.ts) measure with the same rules, so blessed, the views and the terminal agree.
interface BlessedUnicode {
  charWidth(str: string | number, i?: number): number;
  codePointAt(str: string, i: number): number;
  combining: Record<number, boolean>;
  chars: { all: unknown };
}

const MAYBE_WIDE = /[\u1100-\uffff]/;

export function fixBlessedWidths(): void {
  const unicode = require('blessed/lib/unicode') as BlessedUnicode;
  const { eastAsianWidth } = require('get-east-asian-width') as typeof import('get-east-asian-width');
  const original = unicode.charWidth;
  const width = (cp: number): number => {
    if (cp === 0x09) return original(cp);
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || unicode.combining[cp]) return 0;
    return cp < 0x1100 ? 1 : eastAsianWidth(cp);
  };
  unicode.charWidth = (str, i) => width(typeof str === 'number' ? str : unicode.codePointAt(str, i ?? 0));
  // blessed only ever calls `content.replace(unicode.chars.all, '$1\x03')` (or '??' without full
  // unicode): an object with Symbol.replace stands in for its regex.
  unicode.chars.all = {
    [Symbol.replace](content: string, replacement: string): string {
      if (!MAYBE_WIDE.test(content)) return content;
      let out = '';
      for (const ch of content) {
        const cp = ch.codePointAt(0) ?? 0;
        if (cp >= 0x1100 && width(cp) === 2) out += replacement === '$1\x03' ? `${ch}\x03` : replacement;
        else out += ch;
      }
      return out;
    },
  };
}
