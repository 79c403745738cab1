// Reads the Gemma / FunctionGemma call form `call:NAME{key:<escape>text<escape>,n:3}` (also with
// Gemma 4's `<|"|>` string delimiters or plain quotes) into a name and an arguments object.
import { parseLooseJson } from './loose-json';

const DELIMS = ['<escape>', '<|"|>'];

export interface GemmaCall {
  name: string;
  args: unknown;
  end: number;
}

/** `start` points at `call:`. Undefined when the braces never close (a cut-off call); null when
 * they close around something unreadable (`call:NAME{...}` in prose). */
export function parseGemmaCall(s: string, start: number): GemmaCall | null | undefined {
  const m = /^call:\s*([A-Za-z_][\w.-]*)\s*\{/.exec(s.slice(start, start + 130));
  if (!m) return null;
  const open = start + m[0].length - 1;
  let depth = 0;
  let json = '';
  for (let i = open; i < s.length; i++) {
    const d = DELIMS.find((x) => s.startsWith(x, i));
    if (d) {
      const close = s.indexOf(d, i + d.length);
      if (close < 0) return undefined;
      json += JSON.stringify(s.slice(i + d.length, close));
      i = close + d.length - 1;
      continue;
    }
    const ch = s[i];
    if (ch === '"') {
      const close = closingQuote(s, i);
      if (close < 0) return undefined;
      json += s.slice(i, close + 1);
      i = close;
      continue;
    }
    if (ch === '{' || ch === '[') depth++;
    if (ch === '}' || ch === ']') depth--;
    json += ch;
    if (depth === 0) {
      const parsed = parseLooseJson(quoteKeys(json));
      return parsed && typeof parsed.value === 'object' ? { name: m[1], args: parsed.value, end: i + 1 } : null;
    }
  }
  return undefined;
}

function closingQuote(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === '"') return j;
  }
  return -1;
}

/** `{path:"a",n:3}` → `{"path":"a","n":3}` (keys outside strings only). */
function quoteKeys(json: string): string {
  return json.replace(/("(?:[^"\\]|\\.)*")|([{,]\s*)([A-Za-z_][\w-]*)\s*:/g, (_m, str: string | undefined, pre: string, key: string) =>
    str !== undefined ? str : `${pre}"${key}":`,
  );
}
