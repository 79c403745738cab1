// A reply cut off by the output cap (Ollama `done_reason: "length"`, OpenAI `finish_reason:
// "length"`) is never reported as a finished answer: the model is asked to finish it, and if it
// keeps being cut the turn ends as `cut` with exit code 8.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { runCli } from '../support/cli-harness';

const workspace = () => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-cut-')));
type Ev = { type: string; reason?: string; text?: string };
const events = (stdout: string): Ev[] =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Ev);
const body = (s: ScriptedServer, i: number) => JSON.stringify(s.chatRequests()[i].body);

describe('a reply cut off by the output cap', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('Ollama: asks the model to continue a cut answer and reports the whole answer', async () => {
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [{ text: 'The function adds two num', finish: 'length' }, { text: 'bers and returns the sum.' }],
    });
    const r = await runCli(['run', 'explain add', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], { cwd: workspace() });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('The function adds two numbers and returns the sum.');
    expect(body(server, 1)).toMatch(/cut off at the output limit.*Continue exactly where it stopped/);
  });

  it('llama.cpp: exits 8 when every reply is cut, never "done"', async () => {
    server = await startScriptedServer({ kind: 'llamacpp', replies: () => ({ text: 'Step one: we begin by', finish: 'length' }) });
    const r = await runCli(['run', 'explain', '--json', '--provider', 'openai', '--base-url', server.url, '--model', 'test-model'], { cwd: workspace() });
    expect(r.code).toBe(8);
    const end = events(r.stdout).at(-1);
    expect(end).toMatchObject({ type: 'turn.end', reason: 'cut' });
    expect(end?.text).toMatch(/cut off by the output limit .*3 times in a row; the answer is incomplete/);
    expect(server.chatRequests()).toHaveLength(3);
  });

  it('never runs a call from a cut reply: the model is asked to send it again, shorter', async () => {
    const cut = { text: '<tool_call>{"name": "write_file", "arguments": {"path": "a.txt", "content": "hello wor', finish: 'length' as const };
    const whole = { text: '<tool_call>{"name": "write_file", "arguments": {"path": "a.txt", "content": "hello world\\n"}}</tool_call>' };
    server = await startScriptedServer({ kind: 'ollama', replies: [cut, whole, { text: 'Written.' }] });
    const root = workspace();
    const r = await runCli(['run', 'write a.txt', '--yes', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], { cwd: root });
    expect(r.code).toBe(0);
    // No constrained retry and no partial write: the second request is the model's next step.
    expect((server.chatRequests()[1].body as { format?: unknown }).format).toBeUndefined();
    expect(body(server, 1)).toMatch(/before your tool call was complete, so nothing was run/);
    expect(fs.readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe('hello world\n');
  });

  it('the last step cut ends as cut, not as a finished answer or a step-cap stop', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: () => ({ text: 'Almost', finish: 'length' }) });
    const r = await runCli(['run', 'x', '--max-steps', '1', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], { cwd: workspace() });
    expect(r.code).toBe(8);
    expect(r.stderr).toMatch(/cut/);
  });
});
