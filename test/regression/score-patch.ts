// Regression scorer for the patch engine: every case folder in the corpus is run through the REAL
// CLI (`node bin/smallcode debug apply --file F --dry-run < edit.txt`) in a fresh temp directory.
//
// A case folder holds `before.<ext>`, `edit.txt`, `source.txt`, and either `after.<ext>` (the
// exact bytes expected on stdout; for an edit already present, after = before) or `refuse.txt`
// (the expected refusal code). An optional `path.txt` gives the file's path inside the temp
// workspace (for edits that name several files); otherwise the file is `file.<ext>`.
//
// The CLI runs from dist/: build first (`npx tsc -p tsconfig.build.json`; `npm test` does).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(REPO_ROOT, 'bin', 'smallcode');
export const CORPUS_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'regression-patch');

export type Outcome =
  /** exit 0 and stdout byte-equal to after. */
  | 'correct_apply'
  /** exit 1 on a case that must be refused. */
  | 'correct_refusal'
  /** exit 0 on a case that must be refused: the worst kind. */
  | 'wrong_apply'
  /** exit 1 on a case that should apply. */
  | 'missed_apply'
  /** exit 0 on a case that should apply, but the bytes differ from after. */
  | 'wrong_bytes'
  /** any other exit (usage error, crash, timeout). */
  | 'error';

export interface CaseResult {
  name: string;
  expected: 'apply' | 'refuse';
  /** For refusals: the code in refuse.txt. */
  expectedCode?: string;
  outcome: Outcome;
  exitCode: number | null;
  /** The code in "edit refused (CODE)", when the CLI refused. */
  refusalCode?: string;
  stdout: Buffer;
  stderr: string;
  expectedBytes?: Buffer;
  source: string;
}

export interface CorpusScore {
  total: number;
  correct: number;
  correctApplies: number;
  correctRefusals: number;
  wrongApplies: number;
  missedApplies: number;
  wrongBytes: number;
  errors: number;
  /** Refused as expected, but with another code than refuse.txt names (informational). */
  codeMismatches: number;
  /** correct / total, 0..1. */
  ratio: number;
  results: CaseResult[];
}

interface CaseFiles {
  name: string;
  dir: string;
  beforeFile: string;
  ext: string;
  afterFile?: string;
  refuseCode?: string;
  target: string;
  source: string;
}

function readCase(dir: string, name: string): CaseFiles {
  const files = fs.readdirSync(dir);
  const before = files.find((f) => f.startsWith('before.'));
  if (!before) throw new Error(`${name}: no before.<ext>`);
  if (!files.includes('edit.txt')) throw new Error(`${name}: no edit.txt`);
  const ext = before.slice('before.'.length);
  const after = files.find((f) => f.startsWith('after.'));
  const refuse = files.includes('refuse.txt') ? fs.readFileSync(path.join(dir, 'refuse.txt'), 'utf8').trim() : undefined;
  if ((after === undefined) === (refuse === undefined)) throw new Error(`${name}: needs exactly one of after.<ext> or refuse.txt`);
  const target = files.includes('path.txt') ? fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim() : `file.${ext}`;
  const source = files.includes('source.txt') ? fs.readFileSync(path.join(dir, 'source.txt'), 'utf8').trim() : '';
  return {
    name,
    dir,
    beforeFile: path.join(dir, before),
    ext,
    ...(after !== undefined ? { afterFile: path.join(dir, after) } : {}),
    ...(refuse !== undefined ? { refuseCode: refuse } : {}),
    target,
    source,
  };
}

export function listCases(dir: string = CORPUS_DIR): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function runCase(dir: string, name: string): CaseResult {
  const c = readCase(path.join(dir, name), name);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-regression-'));
  try {
    const file = path.join(work, c.target);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(c.beforeFile, file);
    const edit = fs.readFileSync(path.join(c.dir, 'edit.txt'));
    const run = spawnSync(process.execPath, [CLI, 'debug', 'apply', '--file', c.target, '--dry-run'], {
      cwd: work,
      input: edit,
      timeout: 20000,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1' },
    });
    const stdout = run.stdout ?? Buffer.alloc(0);
    const stderr = (run.stderr ?? Buffer.alloc(0)).toString('utf8');
    const exitCode = run.status;
    const refusalCode = /edit refused \(([a-z_]+)\)/.exec(stderr)?.[1];
    const expected: 'apply' | 'refuse' = c.afterFile !== undefined ? 'apply' : 'refuse';
    const expectedBytes = c.afterFile !== undefined ? fs.readFileSync(c.afterFile) : undefined;
    let outcome: Outcome;
    if (exitCode === 0) {
      if (expected === 'refuse') outcome = 'wrong_apply';
      else outcome = expectedBytes !== undefined && stdout.equals(expectedBytes) ? 'correct_apply' : 'wrong_bytes';
    } else if (exitCode === 1) {
      outcome = expected === 'refuse' ? 'correct_refusal' : 'missed_apply';
    } else {
      outcome = 'error';
    }
    return {
      name,
      expected,
      ...(c.refuseCode !== undefined ? { expectedCode: c.refuseCode } : {}),
      outcome,
      exitCode,
      ...(refusalCode !== undefined ? { refusalCode } : {}),
      stdout,
      stderr,
      ...(expectedBytes !== undefined ? { expectedBytes } : {}),
      source: c.source,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export function scorePatchCorpus(dir: string = CORPUS_DIR): CorpusScore {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js'))) {
    throw new Error('dist/ is not built: run `npx tsc -p tsconfig.build.json` first');
  }
  const results = listCases(dir).map((name) => runCase(dir, name));
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
  const correctApplies = count('correct_apply');
  const correctRefusals = count('correct_refusal');
  const correct = correctApplies + correctRefusals;
  return {
    total: results.length,
    correct,
    correctApplies,
    correctRefusals,
    wrongApplies: count('wrong_apply'),
    missedApplies: count('missed_apply'),
    wrongBytes: count('wrong_bytes'),
    errors: count('error'),
    codeMismatches: results.filter((r) => r.outcome === 'correct_refusal' && r.expectedCode !== undefined && r.refusalCode !== r.expectedCode).length,
    ratio: results.length === 0 ? 0 : correct / results.length,
    results,
  };
}

const show = (b: Buffer) => JSON.stringify(b.toString('utf8'));

/** A human-readable report: the totals, then every case that was not correct. */
export function formatScore(s: CorpusScore): string {
  const lines = [
    `regression patch corpus: ${s.correct}/${s.total} correct (${(100 * s.ratio).toFixed(1)}%)`,
    `  correct applies ${s.correctApplies}, correct refusals ${s.correctRefusals}, wrong applies ${s.wrongApplies}, ` +
      `missed applies ${s.missedApplies}, wrong bytes ${s.wrongBytes}, errors ${s.errors}, refusal-code mismatches ${s.codeMismatches}`,
  ];
  for (const r of s.results) {
    if (r.outcome === 'correct_apply') continue;
    if (r.outcome === 'correct_refusal') {
      if (r.expectedCode !== undefined && r.refusalCode !== r.expectedCode)
        lines.push(`  [code] ${r.name}: refused ${r.refusalCode ?? '?'}, expected ${r.expectedCode}`);
      continue;
    }
    lines.push(`  [${r.outcome}] ${r.name} (exit ${r.exitCode}) — ${r.source}`);
    if (r.outcome === 'wrong_bytes' && r.expectedBytes) lines.push(`      expected ${show(r.expectedBytes)}`, `      got      ${show(r.stdout)}`);
    if (r.outcome === 'wrong_apply') lines.push(`      applied as ${show(r.stdout)}`);
    const firstErr = r.stderr.split('\n').slice(0, 3).join(' | ');
    if (firstErr.trim() !== '') lines.push(`      stderr: ${firstErr}`);
  }
  return lines.join('\n');
}
