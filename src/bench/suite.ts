// Loads and validates a suite folder: every sub-folder (except `_…` and `.…`) is a task with a
// task.json. The first problem found is returned with its file and field, never thrown.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REQUIREMENTS, type BenchTask, type Requirement, type SuiteLoad, type SuiteProblem } from './suite-types';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const DEFAULT_CHECK_TIMEOUT_S = 60;
const MAX_TIMEOUT_S = 3600;

type Fields = Record<string, unknown>;
type Checked<T> = { ok: true; value: T } | { ok: false; problem: SuiteProblem };

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

const bad = (file: string, field: string, message: string): { ok: false; problem: SuiteProblem } => ({ ok: false, problem: { file, field, message } });

function seconds(v: unknown, file: string, field: string, fallback?: number): Checked<number> {
  if (v === undefined && fallback !== undefined) return { ok: true, value: fallback };
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > MAX_TIMEOUT_S) {
    return bad(file, field, `"${field}" must be a number of seconds between 1 and ${MAX_TIMEOUT_S}, got ${JSON.stringify(v)}`);
  }
  return { ok: true, value: v };
}

function strings(v: unknown, file: string, field: string): Checked<string[]> {
  if (v === undefined) return { ok: true, value: [] };
  if (!Array.isArray(v) || v.some((t) => typeof t !== 'string' || t.trim() === '')) {
    return bad(file, field, `"${field}" must be a list of words, e.g. ["js", "fix"], got ${JSON.stringify(v)}`);
  }
  return { ok: true, value: v as string[] };
}

/** One task folder → a task, or the first problem with it. */
export function loadTask(dir: string): Checked<BenchTask> {
  const file = path.join(dir, 'task.json');
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return { ok: false, problem: { file, message: 'missing: every task folder needs a task.json with id, instruction, check, timeout_s and tags' } };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    return { ok: false, problem: { file, message: `not valid JSON (${err instanceof Error ? err.message : String(err)})` } };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { ok: false, problem: { file, message: 'must be a JSON object' } };
  const f = json as Fields;
  if (typeof f.id !== 'string' || !ID.test(f.id))
    return bad(file, 'id', `"id" must be a name of letters, digits, ".", "_" or "-", got ${JSON.stringify(f.id)}`);
  if (typeof f.instruction !== 'string' || f.instruction.trim() === '') return bad(file, 'instruction', '"instruction" must be the task text for the model');
  if (typeof f.check !== 'string' || f.check.trim() === '')
    return bad(file, 'check', '"check" must be a shell command that exits 0 when the task is solved, e.g. "node --test"');
  const timeout = seconds(f.timeout_s, file, 'timeout_s');
  if (!timeout.ok) return timeout;
  const checkTimeout = seconds(f.check_timeout_s, file, 'check_timeout_s', DEFAULT_CHECK_TIMEOUT_S);
  if (!checkTimeout.ok) return checkTimeout;
  const tags = strings(f.tags, file, 'tags');
  if (!tags.ok) return tags;
  const requires = strings(f.requires, file, 'requires');
  if (!requires.ok) return requires;
  const unknown = requires.value.find((r) => !(REQUIREMENTS as readonly string[]).includes(r));
  if (unknown) return bad(file, 'requires', `"requires" may list ${REQUIREMENTS.join(', ')}; "${unknown}" is not one of them`);
  if (f.max_steps !== undefined && (typeof f.max_steps !== 'number' || !Number.isInteger(f.max_steps) || f.max_steps <= 0)) {
    return bad(file, 'max_steps', `"max_steps" must be a positive whole number, got ${JSON.stringify(f.max_steps)}`);
  }
  const workspaceDir = path.join(dir, 'workspace');
  if (!isDir(workspaceDir)) return bad(file, 'workspace', `the task folder needs a workspace/ folder with the starting files (${workspaceDir})`);
  const checkDir = path.join(dir, 'check');
  return {
    ok: true,
    value: {
      id: f.id,
      instruction: f.instruction,
      check: f.check,
      timeoutS: timeout.value,
      checkTimeoutS: checkTimeout.value,
      ...(typeof f.max_steps === 'number' ? { maxSteps: f.max_steps } : {}),
      tags: tags.value,
      requires: requires.value as Requirement[],
      dir,
      workspaceDir,
      ...(isDir(checkDir) ? { checkDir } : {}),
    },
  };
}

export function loadSuite(dir: string, name = path.basename(dir)): SuiteLoad {
  if (!isDir(dir)) return { ok: false, problem: { file: dir, message: 'not a folder: a suite is a folder of task folders' } };
  const entries = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !/^[_.]/.test(e.name))
    .map((e) => e.name)
    .sort();
  if (entries.length === 0)
    return { ok: false, problem: { file: dir, message: 'no task folders in it (each needs task.json, workspace/ and optionally check/)' } };
  const tasks: BenchTask[] = [];
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const loaded = loadTask(path.join(dir, entry));
    if (!loaded.ok) return loaded;
    const other = seen.get(loaded.value.id);
    if (other) return bad(path.join(dir, entry, 'task.json'), 'id', `"id" "${loaded.value.id}" is already used by ${other}`);
    seen.set(loaded.value.id, path.join(dir, entry, 'task.json'));
    tasks.push(loaded.value);
  }
  return { ok: true, suite: { name, dir, tasks } };
}

/** One line for the user: where, which field, what is wrong. */
export function describeProblem(p: SuiteProblem): string {
  return `bad suite: ${p.file}${p.field ? ` (field "${p.field}")` : ''}: ${p.message}`;
}

/** `--tasks`: comma-separated id globs (`py-*`) or `tag:NAME`; a task matching any is kept. */
export function filterTasks(tasks: BenchTask[], pattern: string | undefined): BenchTask[] {
  if (!pattern || pattern.trim() === '') return tasks;
  const parts = pattern
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const globs = parts
    .filter((p) => !p.startsWith('tag:'))
    .map(
      (p) =>
        new RegExp(
          `^${p
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')
            .replace(/\?/g, '.')}$`,
        ),
    );
  const tags = parts.filter((p) => p.startsWith('tag:')).map((p) => p.slice(4));
  return tasks.filter((t) => globs.some((g) => g.test(t.id)) || tags.some((tag) => t.tags.includes(tag)));
}
