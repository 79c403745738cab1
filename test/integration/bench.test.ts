// `smallcode bench` end to end: the real CLI and agent, a scripted llama.cpp-style server on
// 127.0.0.1, a 3-task suite in a temp dir whose checks really run (node --test). The model solves
// task 1, breaks task 2 and loops on task 3.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { startScriptedServer, type RecordedRequest, type ScriptedReply, type ScriptedServer } from '../support/scripted-server';
import { runCli, BIN } from '../support/cli-harness';
import { DOCTOR_PROMPT } from '../../src/providers/doctor';
import type { BenchReport } from '../../src/bench/report';

// Each test runs real agents and real check processes; on a loaded machine that takes a while.
jest.setTimeout(120_000);

function tempDir(prefix: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

function write(root: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
}

const HIDDEN_TEST = (mod: string, fn: string, args: string, expected: string) =>
  `const test = require('node:test');\nconst assert = require('node:assert');\nconst { ${fn} } = require('../${mod}');\n\ntest('${fn}(${args}) is ${expected}', () => {\n  assert.strictEqual(${fn}(${args}), ${expected});\n});\n`;

/** Three tasks: t1 add (fixable), t2 mul (the model breaks it), t3 loop (the model loops). */
function suite(): string {
  const dir = tempDir('sc-suite-');
  const task = (id: string, instruction: string) => JSON.stringify({ id, instruction, check: 'node --test test/', timeout_s: 60, tags: ['js'] });
  write(dir, {
    't1-add/task.json': task('t1-add', 'TASK-ADD: add() in add.js subtracts; make it add.'),
    't1-add/workspace/add.js': 'function add(a, b) {\n  return a - b;\n}\nmodule.exports = { add };\n',
    't1-add/check/test/add.test.js': HIDDEN_TEST('add', 'add', '2, 3', '5'),
    't2-mul/task.json': task('t2-mul', 'TASK-MUL: rename the parameters of mul() in mul.js to x and y.'),
    't2-mul/workspace/mul.js': 'function mul(a, b) {\n  return a * b;\n}\nmodule.exports = { mul };\n',
    't2-mul/check/test/mul.test.js': HIDDEN_TEST('mul', 'mul', '4, 5', '20'),
    't3-loop/task.json': task('t3-loop', 'TASK-LOOP: make neg() in neg.js return the negation.'),
    't3-loop/workspace/neg.js': 'function neg(a) {\n  return a;\n}\nmodule.exports = { neg };\n',
    't3-loop/check/test/neg.test.js': HIDDEN_TEST('neg', 'neg', '3', '-3'),
  });
  return dir;
}

interface Msg {
  role: string;
  content: string | null;
}
const messages = (r: RecordedRequest) => (r.body as { messages: Msg[] }).messages;
const text = (r: RecordedRequest) =>
  messages(r)
    .map((m) => m.content ?? '')
    .join('\n');
const isDoctor = (r: RecordedRequest) => messages(r).length === 1 && messages(r)[0].content === DOCTOR_PROMPT;
/** The messages after the first one containing `marker` (all of them when absent). */
const after = (r: RecordedRequest, marker: string) => {
  const ms = messages(r);
  const i = ms.findIndex((m) => (m.content ?? '').includes(marker));
  return ms
    .slice(i + 1)
    .map((m) => m.content ?? '')
    .join('\n');
};
const hasResult = (s: string, tool: string) => s.includes(`<tool_result name="${tool}">`);
const call = (name: string, args: Record<string, unknown>): ScriptedReply => ({ toolCalls: [{ name, arguments: args }], cachedPromptTokens: 100 });
const DIGEST = 'first failing test';

/** Replies by task (found in the prompt) and by how far that task has got (its tool results). */
function model(opts: { fixesMulFromDigest: boolean; hangOn?: string; onHang?: () => void }) {
  return (r: RecordedRequest): ScriptedReply => {
    if (isDoctor(r)) return { text: 'ok' };
    const all = text(r);
    if (opts.hangOn && all.includes(opts.hangOn)) {
      opts.onHang?.();
      return { text: 'thinking', hang: true };
    }
    if (all.includes('TASK-ADD')) {
      // A text call with a trailing comma: read only after a repair.
      if (!hasResult(all, 'read_file')) return { text: '<tool_call>{"name": "read_file", "arguments": {"path": "add.js",}}</tool_call>' };
      if (!hasResult(all, 'edit_file')) return call('edit_file', { path: 'add.js', search: 'return a - b;', replace: 'return a + b;' });
      return { text: 'Fixed add.' };
    }
    if (all.includes('TASK-MUL')) {
      if (all.includes(DIGEST)) {
        // The second try: only a model that reads the digest knows what broke.
        if (!opts.fixesMulFromDigest || hasResult(after(r, DIGEST), 'edit_file')) return { text: 'Fixed the operator.' };
        return call('edit_file', { path: 'mul.js', search: 'return x + y;', replace: 'return x * y;' });
      }
      if (!hasResult(all, 'write_file'))
        return call('write_file', { path: 'mul.js', content: 'function mul(x, y) {\n  return x + y;\n}\nmodule.exports = { mul };\n' });
      return { text: 'Renamed the parameters.' };
    }
    if (all.includes('TASK-LOOP')) return call('read_file', { path: 'neg.js' });
    return { text: 'Done.' };
  };
}

const flags = (server: ScriptedServer) => ['--provider', 'openai', '--base-url', server.url, '--model', 'test-model'];
const readReport = (out: string) => JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as BenchReport;

describe('smallcode bench', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('solves 1, fails 2 on its check, stops 3 as stuck: pass 1/3, reasons, report.json and report.md, exit 0', async () => {
    server = await startScriptedServer({ kind: 'llamacpp', replies: model({ fixesMulFromDigest: false }) });
    const cwd = tempDir('sc-bench-');
    const out = path.join(cwd, 'out');
    const r = await runCli(['bench', '--suite', suite(), '--out', out, ...flags(server)], { cwd });
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(r.code).toBe(0);
    const report = readReport(out);
    expect(report).toMatchObject({ schema: 1, tries: 1, complete: true, suite: { name: expect.stringMatching(/^sc-suite-/) } });
    const [m] = report.models;
    expect(m).toMatchObject({ model: 'test-model', passed: 1, total: 3, pass_at_1: 0.333, pass_at_2: null });
    const byId = Object.fromEntries(m.tasks.map((t) => [t.id, t]));
    expect(byId['t1-add']).toMatchObject({ passed: true, reason: 'passed', exit_code: 0, edits_applied: 1, repaired_calls: 1, passed_on_try: 1 });
    expect(byId['t1-add'].prompt_tokens).toBeGreaterThan(0);
    expect(byId['t1-add'].cached_prompt_tokens).toBe(100);
    expect(byId['t1-add'].tokens_per_second).toBe(100);
    expect(byId['t2-mul']).toMatchObject({ passed: false, reason: 'check_failed', exit_code: 0, edits_applied: 1 });
    expect(byId['t2-mul'].detail).toMatch(/mul\(4, 5\) is 20/);
    expect(byId['t2-mul'].tries[0].digest).toMatch(/# fail 1/);
    expect(byId['t3-loop']).toMatchObject({ passed: false, reason: 'stuck', exit_code: 6 });
    expect(byId['t3-loop'].guard_interventions).toBeGreaterThanOrEqual(2);
    for (const t of m.tasks) {
      expect(t).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          passed: expect.any(Boolean),
          reason: expect.any(String),
          steps: expect.any(Number),
          prompt_tokens: expect.any(Number),
          seconds: expect.any(Number),
          exit_code: expect.any(Number),
        }),
      );
      expect(fs.readFileSync(path.join(out, t.log!), 'utf8')).toContain(`# ${t.id}`);
    }
    const md = fs.readFileSync(path.join(out, 'report.md'), 'utf8');
    expect(md).toContain('| t2-mul | FAIL | check_failed |');
    expect(md).toMatch(/passed 1\/3 \(33 %\)/);
    // The terminal table on stdout; progress (one line per task off a terminal) on stderr.
    expect(r.stdout).toMatch(/t1-add\s+pass/);
    expect(r.stdout).toMatch(/t3-loop\s+FAIL\s+stuck/);
    expect(r.stderr).toMatch(/\[3\/3\]/);
    // The hidden check never reached the model's workspace.
    expect(server.chatRequests().some((q) => text(q).includes("require('node:test')"))).toBe(false);
  });

  it('--tries 2 gives task 2 a second turn carrying the digest, which the model needs to fix it; --json prints only JSON', async () => {
    server = await startScriptedServer({ kind: 'llamacpp', replies: model({ fixesMulFromDigest: true }) });
    const cwd = tempDir('sc-bench-');
    const out = path.join(cwd, 'out');
    const r = await runCli(['bench', '--suite', suite(), '--tries', '2', '--jobs', '2', '--json', '--out', out, ...flags(server)], { cwd });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as BenchReport;
    expect(report).toEqual(readReport(out));
    const [m] = report.models;
    expect(m).toMatchObject({ passed: 2, total: 3, pass_at_1: 0.333, pass_at_2: 0.667 });
    const mul = m.tasks.find((t) => t.id === 't2-mul')!;
    expect(mul).toMatchObject({ passed: true, passed_on_try: 2, reason: 'passed' });
    expect(mul.tries.map((t) => t.reason)).toEqual(['check_failed', 'passed']);
    const retry = server.chatRequests().find((q) => text(q).includes(DIGEST))!;
    const digestMessage = messages(retry).find((m) => (m.content ?? '').includes(DIGEST))!;
    expect(digestMessage).toMatchObject({ role: 'user' });
    expect(digestMessage.content).toContain('mul(4, 5) is 20');
    expect(digestMessage.content).toContain('# fail 1');
    expect(r.stderr).toBe(''); // no progress off a terminal in --json mode
  });

  it('--models a,b runs doctor and the tasks for each, then compares them side by side', async () => {
    server = await startScriptedServer({ kind: 'llamacpp', models: ['model-a', 'model-b'], replies: model({ fixesMulFromDigest: false }) });
    const cwd = tempDir('sc-bench-');
    const out = path.join(cwd, 'out');
    const r = await runCli(
      ['bench', '--suite', suite(), '--tasks', 't1-*', '--models', 'model-a,model-b', '--out', out, '--provider', 'openai', '--base-url', server.url],
      { cwd },
    );
    expect(r.code).toBe(0);
    const report = readReport(out);
    expect(report.models.map((m) => [m.model, m.passed, m.total])).toEqual([
      ['model-a', 1, 1],
      ['model-b', 1, 1],
    ]);
    const doctors = server
      .chatRequests()
      .filter(isDoctor)
      .map((q) => (q.body as { model: string }).model);
    expect(doctors).toEqual(['model-a', 'model-b']);
    expect(r.stdout).toMatch(/side by side:\ntask\s+model-a\s+model-b\n[- ]+\nt1-add\s+pass\s+pass\n/);
  });

  it('caps the agent and the check in time: a hanging model is a timeout, a hanging check is a check_timeout', async () => {
    server = await startScriptedServer({
      kind: 'llamacpp',
      replies: (r) => (isDoctor(r) ? { text: 'ok' } : text(r).includes('TASK-HANG') ? { text: 'thinking', hang: true } : { text: 'Done.' }),
    });
    const dir = tempDir('sc-suite-');
    write(dir, {
      'a-hang/task.json': JSON.stringify({ id: 'a-hang', instruction: 'TASK-HANG: anything', check: 'false', timeout_s: 1, tags: [] }),
      'a-hang/workspace/x.txt': 'x\n',
      'b-slow-check/task.json': JSON.stringify({
        id: 'b-slow-check',
        instruction: 'TASK-SLOW: anything',
        check: 'sleep 60 & wait',
        timeout_s: 60,
        check_timeout_s: 1,
        tags: [],
      }),
      'b-slow-check/workspace/x.txt': 'x\n',
    });
    const cwd = tempDir('sc-bench-');
    const r = await runCli(['bench', '--suite', dir, '--out', path.join(cwd, 'out'), ...flags(server)], { cwd });
    expect(r.code).toBe(0);
    const tasks = readReport(path.join(cwd, 'out')).models[0].tasks;
    expect(tasks.map((t) => [t.id, t.reason, t.exit_code])).toEqual([
      ['a-hang', 'timeout', 130],
      ['b-slow-check', 'check_timeout', 0],
    ]);
    expect(tasks[1].tries[0].check_exit_code).toBeNull();
  });

  it("without a server: doctor's one line, exit 1", async () => {
    const cwd = tempDir('sc-bench-');
    const r = await runCli(['bench', '--suite', suite(), '--provider', 'openai', '--base-url', 'http://127.0.0.1:9', '--model', 'm'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('127.0.0.1:9');
    expect(fs.existsSync(path.join(cwd, '.smallcode', 'bench'))).toBe(false);
  });

  it('a bad suite: one line naming the task file and the field, exit 9, before any server is asked', async () => {
    server = await startScriptedServer({ kind: 'llamacpp', replies: [] });
    const dir = suite();
    const file = path.join(dir, 't2-mul', 'task.json');
    fs.writeFileSync(file, JSON.stringify({ id: 't2-mul', instruction: 'x', check: 'node --test', timeout_s: 'soon', tags: [] }));
    const r = await runCli(['bench', '--suite', dir, ...flags(server)], { cwd: tempDir('sc-bench-') });
    expect(r.code).toBe(9);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('"timeout_s"');
    expect(server.requests).toHaveLength(0);
    const missing = await runCli(['bench', '--suite', 'no-such-suite', ...flags(server)], { cwd: tempDir('sc-bench-') });
    expect(missing.code).toBe(9);
    expect(missing.stderr).toMatch(/built-in: core/);
  });

  it('Ctrl-C stops cleanly: the running task is cancelled, the partial report is written, exit 130', async () => {
    let hung: () => void = () => undefined;
    const hanging = new Promise<void>((resolve) => (hung = resolve));
    server = await startScriptedServer({ kind: 'llamacpp', replies: model({ fixesMulFromDigest: false, hangOn: 'TASK-MUL', onHang: () => hung() }) });
    const cwd = tempDir('sc-bench-');
    const out = path.join(cwd, 'out');
    const child = spawn(process.execPath, [BIN, 'bench', '--suite', suite(), '--out', out, ...flags(server)], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await hanging;
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const report = readReport(out);
    expect(report.complete).toBe(false);
    expect(report.models[0].tasks.map((t) => t.id)).toEqual(['t1-add']);
    expect(report.models[0].skipped.map((s) => s.id)).toEqual(['t2-mul', 't3-loop']);
    expect(fs.readFileSync(path.join(out, 'report.md'), 'utf8')).toContain('stopped before the end');
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
