// `smallcode bench --suite core` with a scripted model that replays the reference answers as
// native tool calls: the built-in suite, the real agent and edit tools (CRLF and tab-indented
// files included), the checks with the TypeScript the bench finds — all pass.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type RecordedRequest, type ScriptedReply, type ScriptedServer } from '../support/scripted-server';
import { runCli } from '../support/cli-harness';
import { DOCTOR_PROMPT } from '../../src/providers/doctor';
import type { BenchReport } from '../../src/bench/report';
import { coreTasks } from '../bench/solve-with-reference';
import { REFERENCES } from '../bench/core-references';

const TASKS = ['js-crlf-parse', 'py-tabs-express', 'ts-leap-year'];

/** Finds the task by its instruction and sends the next reference call not yet answered. */
function oracle(r: RecordedRequest): ScriptedReply {
  const messages = (r.body as { messages: { role: string; content: string | null }[] }).messages;
  if (messages.length === 1 && messages[0].content === DOCTOR_PROMPT) return { text: 'ok' };
  const all = messages.map((m) => m.content ?? '').join('\n');
  const task = coreTasks().find((t) => all.includes(t.instruction));
  if (!task) return { text: 'I do not know this task.' };
  const done = (all.match(/<tool_result name="(edit_file|write_file)">/g) ?? []).length;
  const next = REFERENCES[task.id][done];
  return next ? { toolCalls: [{ name: next.name, arguments: next.arguments }] } : { text: 'Done.' };
}

describe('smallcode bench --suite core with the reference answers', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('passes every chosen task through the real agent', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: oracle });
    const cwd = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-bench-core-')));
    const r = await runCli(
      [
        'bench',
        '--suite',
        'core',
        '--tasks',
        TASKS.join(','),
        '--jobs',
        '2',
        '--json',
        '--provider',
        'ollama',
        '--base-url',
        server.url,
        '--model',
        'test-model',
      ],
      { cwd },
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as BenchReport;
    const [m] = report.models;
    expect(m.tasks.map((t) => [t.id, t.passed ? 'passed' : `${t.reason}: ${t.tries[0]?.digest}`])).toEqual(
      TASKS.slice()
        .sort()
        .map((id) => [id, 'passed']),
    );
    expect(m.edits_refused).toBe(0);
    // The default report folder is under the workspace's .smallcode/.
    const [stamp] = fs.readdirSync(path.join(cwd, '.smallcode', 'bench'));
    expect(fs.existsSync(path.join(cwd, '.smallcode', 'bench', stamp, 'report.md'))).toBe(true);
  }, 180_000);
});
