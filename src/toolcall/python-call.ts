// Reads one pythonic call `name(a=1, b="x", c=[1, 2])` with literal arguments only. A bare
// identifier as a value (`read_file(path)`) is a signature in prose, not a call, and fails.

export interface PyCall {
  name: string;
  kwargs: Record<string, unknown>;
  positional: unknown[];
  end: number;
}

class Reader {
  constructor(
    readonly s: string,
    public i: number,
  ) {}
  ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }
  peek(): string {
    return this.s[this.i] ?? '';
  }
}

const FAIL = Symbol('fail');
type Val = unknown | typeof FAIL;

/** Parses a call starting exactly at `start`; undefined when it is not a literal-argument call. */
export function parsePyCall(s: string, start: number): PyCall | undefined {
  const nm = /^[A-Za-z_][\w.]*/.exec(s.slice(start, start + 120));
  if (!nm) return undefined;
  const r = new Reader(s, start + nm[0].length);
  r.ws();
  if (r.peek() !== '(') return undefined;
  r.i++;
  const kwargs: Record<string, unknown> = {};
  const positional: unknown[] = [];
  for (;;) {
    r.ws();
    if (r.peek() === ')') {
      r.i++;
      return { name: nm[0], kwargs, positional, end: r.i };
    }
    const key = /^([A-Za-z_]\w*)\s*=(?!=)/.exec(s.slice(r.i, r.i + 100));
    if (key) r.i += key[0].length;
    const v = value(r, 0);
    if (v === FAIL) return undefined;
    if (key) kwargs[key[1]] = v;
    else if (Object.keys(kwargs).length > 0) return undefined;
    else positional.push(v);
    r.ws();
    if (r.peek() === ',') r.i++;
    else if (r.peek() !== ')') return undefined;
  }
}

function value(r: Reader, depth: number): Val {
  if (depth > 20) return FAIL;
  r.ws();
  const c = r.peek();
  if (c === '"' || c === "'") return str(r);
  if ((c === 'r' || c === 'f' || c === 'b') && (r.s[r.i + 1] === '"' || r.s[r.i + 1] === "'")) {
    r.i++;
    const v = str(r, c === 'r');
    if (c !== 'f' || typeof v !== 'string') return v;
    // An f-string that interpolates (`f"{root}/a.ts"`) is a code expression, not a literal.
    const plain = v.replace(/\{\{|\}\}/g, '');
    return /[{}]/.test(plain) ? FAIL : v.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  }
  if (c === '[' || c === '(') return list(r, c === '[' ? ']' : ')', depth);
  if (c === '{') return dict(r, depth);
  const lit = /^(?:True|False|None|true|false|null|[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?![\w.])/.exec(r.s.slice(r.i, r.i + 40));
  if (!lit) return FAIL;
  r.i += lit[0].length;
  const t = lit[0];
  if (t === 'True' || t === 'true') return true;
  if (t === 'False' || t === 'false') return false;
  if (t === 'None' || t === 'null') return null;
  return Number(t);
}

const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"' };

function str(r: Reader, raw = false): Val {
  const q = r.peek();
  const triple = r.s.startsWith(q.repeat(3), r.i);
  const close = triple ? q.repeat(3) : q;
  r.i += close.length;
  let out = '';
  while (r.i < r.s.length) {
    if (r.s.startsWith(close, r.i)) {
      r.i += close.length;
      return out;
    }
    const ch = r.s[r.i];
    if (ch === '\\' && !raw) {
      const n = r.s[r.i + 1] ?? '';
      out += ESC[n] ?? '\\' + n;
      r.i += 2;
      continue;
    }
    if (ch === '\n' && !triple) return FAIL;
    out += ch;
    r.i++;
  }
  return FAIL;
}

function list(r: Reader, close: string, depth: number): Val {
  r.i++;
  const out: unknown[] = [];
  for (;;) {
    r.ws();
    if (r.peek() === close) {
      r.i++;
      return out;
    }
    const v = value(r, depth + 1);
    if (v === FAIL) return FAIL;
    out.push(v);
    r.ws();
    if (r.peek() === ',') r.i++;
    else if (r.peek() !== close) return FAIL;
  }
}

function dict(r: Reader, depth: number): Val {
  r.i++;
  const out: Record<string, unknown> = {};
  for (;;) {
    r.ws();
    if (r.peek() === '}') {
      r.i++;
      return out;
    }
    const k = value(r, depth + 1);
    if (k === FAIL || typeof k !== 'string') return FAIL;
    r.ws();
    if (r.peek() !== ':') return FAIL;
    r.i++;
    const v = value(r, depth + 1);
    if (v === FAIL) return FAIL;
    out[k] = v;
    r.ws();
    if (r.peek() === ',') r.i++;
    else if (r.peek() !== '}') return FAIL;
  }
}
