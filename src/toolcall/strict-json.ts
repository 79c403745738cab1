// The string-aware pre-pass before jsonrepair: one scan that knows where every string starts and
// ends, so code inside a value (`f() {`, backticks, regexes, quotes) is never read as structure.
import { opensSingleQuote } from './json-extent';

export interface StrictJson {
  /** The text with every string re-written as a JSON string literal and the damage outside
   * strings fixed (trailing commas, Python literals). */
  text: string;
  /** The same text with each string replaced by a placeholder (see unmaskStrings), for jsonrepair;
   * undefined when a string never closes (a cut-off value is not ours to complete). */
  masked?: string;
  /** The decoded strings, by placeholder index. */
  strings: string[];
  /** Named repairs applied: "single quotes", "trailing comma", "raw newlines in a string" … */
  repairs: string[];
}

const PH_OPEN = '\uE000';
const PH_CLOSE = '\uE001';
const ESCAPES: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const PYTHON: Record<string, string> = { True: 'true', False: 'false', None: 'null' };

/** Scans `t` once. A quote opens a string where a key or value may start; a quote of the same kind
 * closes it only when a delimiter (`,` `:` `}` `]`, another quote after a line break, or the end)
 * follows, so `'it's'` and `"say "hi""` stay one string. */
export function toStrictJson(t: string): StrictJson {
  const repairs = new Set<string>();
  const strings: string[] = [];
  const maskable = !t.includes(PH_OPEN) && !t.includes(PH_CLOSE);
  let text = '';
  let masked = '';
  let closed = true;
  let i = 0;
  while (i < t.length) {
    const c = t[i];
    if (c === '"' || (c === "'" && opensSingleQuote(t, i, true))) {
      const s = readString(t, i, repairs);
      if (c === "'") repairs.add('single quotes');
      if (!s.closed) closed = false;
      const literal = JSON.stringify(s.value);
      text += literal;
      masked += maskable && s.closed ? `"${PH_OPEN}${strings.length}${PH_CLOSE}"` : literal;
      strings.push(s.value);
      i = s.end;
      continue;
    }
    if (c === '\\' && (t[i + 1] === 'n' || t[i + 1] === 't' || t[i + 1] === 'r')) {
      // `"view_range": \n[1, 2]` (Qwen3.5, OpenHands software-agent-sdk#2488): whitespace.
      repairs.add('literal \\n between tokens');
      text += ' ';
      masked += ' ';
      i += 2;
      continue;
    }
    if (c === ',' && /^(?:\s|\\[ntr])*[}\]]/.test(t.slice(i + 1, i + 200))) {
      repairs.add('trailing comma');
      i++;
      continue;
    }
    const word = /^[A-Za-z_]\w*/.exec(t.slice(i, i + 40));
    if (word && !/\w/.test(t[i - 1] ?? '')) {
      const lit = PYTHON[word[0]];
      if (lit) repairs.add('Python literals');
      text += lit ?? word[0];
      masked += lit ?? word[0];
      i += word[0].length;
      continue;
    }
    text += c;
    masked += c;
    i++;
  }
  return { text, masked: maskable && closed ? masked : undefined, strings, repairs: [...repairs] };
}

/** Puts the strings back into a value parsed from `masked`. */
export function unmaskStrings(value: unknown, strings: string[]): unknown {
  const fill = (s: string) =>
    s.includes(PH_OPEN) ? s.replace(new RegExp(`${PH_OPEN}(\\d+)${PH_CLOSE}`, 'g'), (_m, n: string) => strings[Number(n)] ?? '') : s;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return fill(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [fill(k), walk(x)]));
    return v;
  };
  return walk(value);
}

/** True when a string value in `value` (parsed from `masked`) is not one placeholder: jsonrepair
 * made it from unquoted text or glued strings together (`"ls " + dir`). */
export function hasBareValue(value: unknown): boolean {
  if (typeof value === 'string') return !PLACEHOLDER.test(value);
  if (Array.isArray(value)) return value.some(hasBareValue);
  if (value && typeof value === 'object') return Object.values(value).some(hasBareValue);
  return false;
}

const PLACEHOLDER = new RegExp(`^${PH_OPEN}\\d+${PH_CLOSE}$`);

/** Reads the string whose opening quote is at `start`; `end` is just past its closing quote. A
 * string with an escape JSON does not know (`C:\Users`) takes every lone backslash literally. */
function readString(t: string, start: number, repairs: Set<string>): { value: string; end: number; closed: boolean } {
  const q = t[start];
  let end = t.length;
  let invalid = false;
  for (let i = start + 1; i < t.length; i++) {
    if (t[i] === '\\') {
      const n = t[i + 1] ?? '';
      if (!(n in ESCAPES) && !(n === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6)))) invalid = true;
      i++;
    } else if (t[i] === q && closesString(t, i + 1)) {
      end = i;
      break;
    }
  }
  if (invalid) repairs.add('raw backslashes');
  let value = '';
  for (let i = start + 1; i < end; i++) {
    const c = t[i];
    if (c === '\\' && i + 1 < end) {
      const n = t[i + 1];
      if (invalid) value += n === '\\' || n === q ? n : c + n;
      else if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) {
        value += String.fromCharCode(Number.parseInt(t.slice(i + 2, i + 6), 16));
        i += 4;
      } else value += ESCAPES[n];
      i++;
      continue;
    }
    if (c === q) repairs.add('unescaped quote in a string');
    else if (c < ' ') repairs.add('raw newlines in a string');
    value += c;
  }
  return end < t.length ? { value, end: end + 1, closed: true } : { value, end: t.length, closed: false };
}

/** What follows a closing quote: a delimiter, the end, or (after a line break) the next key.
 * Whitespace includes the two characters `\n` (literal escapes between tokens). */
function closesString(t: string, from: number): boolean {
  let i = from;
  let newline = false;
  for (;;) {
    if (i < t.length && /\s/.test(t[i])) newline ||= t[i] === '\n';
    else if (t[i] === '\\' && (t[i + 1] === 'n' || t[i + 1] === 'r' || t[i + 1] === 't')) newline ||= t[++i] === 'n';
    else break;
    i++;
  }
  if (i >= t.length) return true;
  const n = t[i];
  return n === ',' || n === ':' || n === '}' || n === ']' || (newline && (n === '"' || n === "'"));
}
