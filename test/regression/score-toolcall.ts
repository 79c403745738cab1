// Regression scorer for the tool-call parser: every case in a corpus directory is run through the
// REAL CLI (`node bin/smallcode debug parse [--tools a,b]`, input on stdin) and the calls it prints
// are compared exactly with the expected ones (names and arguments deep-equal, no coercion:
// 5 and "5" differ). Needs a build first (`npx tsc -p tsconfig.build.json`; `npm test` does it).
//
// Case file: { "source": string, "tools": string[] | null, "input": string,
//              "expected": { "name": string, "arguments": object }[] }   (expected [] = negative)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface HeldoutCall {
  name: string;
  arguments: unknown;
}

export interface HeldoutCase {
  source: string;
  tools: string[] | null;
  input: string;
  expected: HeldoutCall[];
}

export interface HeldoutFailure {
  file: string;
  expected: HeldoutCall[];
  got: HeldoutCall[] | string;
}

export interface HeldoutScore {
  total: number;
  exact: number;
  negatives: number;
  falseCalls: number;
  failures: HeldoutFailure[];
}

const ROOT = process.env.SMALLCODE_ROOT ?? path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'smallcode');

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Strict structural equality: same JSON types, same keys (any order), same values. */
export function deepEqualStrict(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqualStrict(x, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
    return ka.every((k) => deepEqualStrict(a[k], b[k]));
  }
  return false;
}

function readCase(file: string): HeldoutCase {
  const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!isRecord(raw)) throw new Error(`${file}: not an object`);
  const { source, tools, input, expected } = raw;
  if (typeof source !== 'string' || typeof input !== 'string') throw new Error(`${file}: source/input must be strings`);
  if (tools !== null && !(Array.isArray(tools) && tools.every((t) => typeof t === 'string'))) {
    throw new Error(`${file}: tools must be null or a list of names`);
  }
  if (!Array.isArray(expected) || !expected.every((c) => isRecord(c) && typeof c.name === 'string' && isRecord(c.arguments))) {
    throw new Error(`${file}: expected must be a list of {name, arguments}`);
  }
  return { source, tools, input, expected: expected as HeldoutCall[] };
}

/** Runs one input through the CLI; returns the calls, or an error string if the CLI misbehaved. */
export function runDebugParse(input: string, tools: string[] | null): HeldoutCall[] | string {
  const args = [BIN, 'debug', 'parse', ...(tools ? ['--tools', tools.join(',')] : [])];
  const r = spawnSync(process.execPath, args, { input, encoding: 'utf8', cwd: ROOT, timeout: 20000 });
  if (r.error) return `spawn error: ${r.error.message}`;
  if (r.status !== 0) return `exit ${r.status}: ${r.stderr.trim()}`;
  try {
    const out: unknown = JSON.parse(r.stdout);
    if (!isRecord(out) || !Array.isArray(out.calls)) return `unexpected output: ${r.stdout.slice(0, 200)}`;
    return out.calls.map((c: unknown) => (isRecord(c) ? { name: String(c.name), arguments: c.arguments } : { name: '?', arguments: c }));
  } catch {
    return `unparseable output: ${r.stdout.slice(0, 200)}`;
  }
}

export function scoreToolcallCorpus(dir: string): HeldoutScore {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const score: HeldoutScore = { total: 0, exact: 0, negatives: 0, falseCalls: 0, failures: [] };
  for (const f of files) {
    const c = readCase(path.join(dir, f));
    const got = runDebugParse(c.input, c.tools);
    score.total++;
    if (c.expected.length === 0) score.negatives++;
    const ok = typeof got !== 'string' && deepEqualStrict(got, c.expected);
    if (ok) score.exact++;
    else score.failures.push({ file: f, expected: c.expected, got });
    if (c.expected.length === 0 && (typeof got === 'string' || got.length > 0)) score.falseCalls++;
  }
  return score;
}

// `npx ts-node`-free entry: `node -e` or jest import this; running the compiled file prints a report.
if (require.main === module) {
  const dir = process.argv[2] ?? path.join(ROOT, 'test', 'fixtures', 'regression-toolcall');
  const s = scoreToolcallCorpus(dir);
  for (const fl of s.failures) {
    process.stdout.write(`FAIL ${fl.file}\n  expected ${JSON.stringify(fl.expected)}\n  got      ${JSON.stringify(fl.got)}\n`);
  }
  const pct = s.total ? ((100 * s.exact) / s.total).toFixed(1) : '0';
  process.stdout.write(`exact ${s.exact}/${s.total} (${pct}%), negatives ${s.negatives}, false calls ${s.falseCalls}\n`);
}
