// Guards that know a retry from a loop, end to end through `smallcode run --json`: an unchanged
// re-read costs one line, a re-read after a change or a failed attempt is not a repeat, the same
// call with the same result is, and the stop message names the real cause.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type RecordedRequest, type ScriptedReply, type ScriptedServer } from '../support/scripted-server';
import { runCli } from '../support/cli-harness';

function workspace(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-retry-loop-')));
  for (const [p, c] of Object.entries(files)) fs.writeFileSync(path.join(root, p), c);
  return root;
}
type Ev = { type: string; kind?: string; reason?: string; text?: string };
const events = (stdout: string): Ev[] =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Ev);
const messagesOf = (r: RecordedRequest) => (r.body as { messages: { role: string; content: string }[] }).messages;
const lastResult = (r: RecordedRequest) =>
  messagesOf(r)
    .filter((m) => m.content.startsWith('<tool_result'))
    .at(-1)?.content ?? '';
const read = (p: string): ScriptedReply => ({ toolCalls: [{ name: 'read_file', arguments: { path: p } }] });
const run = (server: ScriptedServer, root: string, task: string) =>
  runCli(['run', task, '--yes', '--json', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], { cwd: root });

const CODE = 'export function f() {\n  return 1;\n}\n';

describe('a retry is not a loop', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('answers a re-read of an unchanged file with one line naming the earlier step and lines', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [read('a.js'), read('a.js'), { text: 'Done.' }] });
    const r = await run(server, workspace({ 'a.js': CODE }), 'look at a.js');
    expect(r.code).toBe(0);
    const reqs = server.chatRequests();
    expect(lastResult(reqs[1])).toContain('return 1;');
    expect(lastResult(reqs[2])).toMatch(/a\.js is unchanged since your read at step 1 \(lines 1–3\)/);
    expect(lastResult(reqs[2])).not.toContain('return 1;');
  });

  it('sends the whole text again after our own edit and after a change on disk', async () => {
    const root = workspace({ 'a.js': CODE });
    server = await startScriptedServer({
      kind: 'ollama',
      replies: (_req, i) => {
        if (i === 3) fs.writeFileSync(path.join(root, 'a.js'), CODE.replace('1', '3')); // someone edits the file
        const script = [
          read('a.js'),
          { toolCalls: [{ name: 'edit_file', arguments: { path: 'a.js', search: 'return 1;', replace: 'return 2;' } }] },
          read('a.js'),
          read('a.js'),
          { text: 'Done.' },
        ];
        return script[i] ?? { text: 'Done.' };
      },
    });
    const r = await run(server, root, 'change f in a.js');
    expect(r.code).toBe(0);
    const reqs = server.chatRequests();
    expect(lastResult(reqs[3])).toContain('return 2;');
    expect(lastResult(reqs[4])).toContain('return 3;');
  });

  it('does not call re-reads between unreadable edits a loop (the failure in issue 11)', async () => {
    // A small model reads, sends an edit whose JSON cannot be read, re-reads, and so on.
    const broken = { text: '<tool_call>{"name": "edit_file", "arguments": {"path": "a.js", "search": "return 1;", "replace": "return {' };
    const script = [read('a.js'), broken, read('a.js'), broken, read('a.js'), broken, read('a.js')];
    script.push({ toolCalls: [{ name: 'edit_file', arguments: { path: 'a.js', search: 'return 1;', replace: 'return 2;' } }] }, { text: 'Done.' });
    let i = 0;
    server = await startScriptedServer({
      kind: 'ollama',
      // The constrained retry of each unreadable reply answers with prose (still no call).
      replies: (req) => ((req.body as { format?: unknown }).format ? { text: 'sorry' } : (script[i++] ?? { text: 'Done.' })),
    });
    const root = workspace({ 'a.js': CODE });
    const r = await run(server, root, 'make f return 2');
    const ev = events(r.stdout);
    expect(ev.filter((e) => e.type === 'guard' && e.kind === 'repeated_call')).toEqual([]);
    expect(ev.at(-1)).toMatchObject({ type: 'turn.end', reason: 'done' });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'a.js'), 'utf8')).toContain('return 2;');
  });

  it('does not call re-reads between failed edits a loop', async () => {
    // Each edit is read fine but does not match the file; the model re-reads and tries again.
    const miss = (n: number): ScriptedReply => ({
      toolCalls: [{ name: 'edit_file', arguments: { path: 'a.js', search: `return ${n}0;`, replace: 'return 2;' } }],
    });
    const good: ScriptedReply = { toolCalls: [{ name: 'edit_file', arguments: { path: 'a.js', search: 'return 1;', replace: 'return 2;' } }] };
    server = await startScriptedServer({ kind: 'ollama', replies: [read('a.js'), miss(3), read('a.js'), miss(4), read('a.js'), good, { text: 'Done.' }] });
    const root = workspace({ 'a.js': CODE });
    const r = await run(server, root, 'make f return 2');
    const ev = events(r.stdout);
    expect(ev.filter((e) => e.type === 'guard' && e.kind === 'repeated_call')).toEqual([]);
    expect(ev.at(-1)).toMatchObject({ type: 'turn.end', reason: 'done' });
    expect(fs.readFileSync(path.join(root, 'a.js'), 'utf8')).toContain('return 2;');
  });

  it('names an edit written as an unreadable SEARCH/REPLACE block as the cause', async () => {
    // Cline markers in prose with the ======= line missing: meant as an edit, cannot be read.
    const broken = { text: 'a.js\n------- SEARCH\n  return 1;\n  return 2;\n+++++++ REPLACE\n' };
    server = await startScriptedServer({ kind: 'ollama', replies: (req) => ((req.body as { format?: unknown }).format ? { text: 'sorry' } : broken) });
    const r = await run(server, workspace({ 'a.js': CODE }), 'edit a.js');
    expect(r.code).toBe(4);
    expect(events(r.stdout).at(-1)?.text).toMatch(/^The model's edit could not be read 2 times in a row: .*=======/s);
  });

  it('stops the same call with the same result, naming that cause', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: () => ({ toolCalls: [{ name: 'list_files', arguments: { path: '.' } }] }) });
    const r = await run(server, workspace({ 'a.js': CODE }), 'list the files');
    expect(r.code).toBe(6);
    const end = events(r.stdout).at(-1);
    expect(end).toMatchObject({ type: 'turn.end', reason: 'stuck' });
    expect(end?.text).toMatch(/^The model repeated the same call with the same result \d times \(list_files \.\)/);
  });

  it('names an unreadable edit as the cause when the turn stops on it', async () => {
    const broken = { text: '<tool_call>{"name": "edit_file", "arguments": {"path": "a.js", "search": "x' };
    server = await startScriptedServer({ kind: 'ollama', replies: (req) => ((req.body as { format?: unknown }).format ? { text: 'sorry' } : broken) });
    const r = await run(server, workspace({ 'a.js': CODE }), 'edit a.js');
    expect(r.code).toBe(4);
    expect(events(r.stdout).at(-1)?.text).toMatch(/^The model's edit could not be read 2 times in a row/);
  });
});
