// The guards end to end through `smallcode run --json`: a looping model is stopped, a patch that
// keeps failing follows the stuck strategy, and a repeating stream is cut short.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { runCli } from '../support/cli-harness';

function workspace(files: Record<string, string> = {}): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-guard-')));
  for (const [p, c] of Object.entries(files)) fs.writeFileSync(path.join(root, p), c);
  return root;
}

type Ev = { type: string; kind?: string; reason?: string; message?: string };
const events = (stdout: string): Ev[] =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Ev);
const bodyText = (s: ScriptedServer, i: number) => JSON.stringify(s.chatRequests()[i].body);

describe('guards', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('stops a model that repeats the same call, exit 6', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: () => ({ toolCalls: [{ name: 'read_file', arguments: { path: 'a.txt' } }] }) });
    const root = workspace({ 'a.txt': 'hello\n' });
    const r = await runCli(['run', 'read a.txt', '--json', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], { cwd: root });
    const ev = events(r.stdout);
    expect(ev.filter((e) => e.type === 'guard' && e.kind === 'repeated_call').length).toBeGreaterThanOrEqual(1);
    expect(ev.at(-1)).toMatchObject({ type: 'turn.end', reason: 'stuck' });
    expect(r.code).toBe(6);
    expect(server.chatRequests().length).toBeLessThan(8);
  });

  it('cuts a repeating stream, tells the model, and carries on', async () => {
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [{ text: 'Let me think. ' + 'I will check the file again. '.repeat(200), chunkDelayMs: 0 }, { text: 'The answer is 42.' }],
    });
    const root = workspace();
    const r = await runCli(['run', 'what is the answer', '--json', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], { cwd: root });
    const ev = events(r.stdout);
    expect(ev.some((e) => e.type === 'guard' && e.kind === 'repetition')).toBe(true);
    expect(r.code).toBe(0);
    expect(bodyText(server, 1)).toMatch(/repeat/i);
  });

  it('follows the stuck strategy when the same file fails to patch: region, then whole-file write', async () => {
    const original = 'export function add(a, b) {\n  return a + b;\n}\n';
    const failing = (n: number) => ({
      toolCalls: [{ name: 'edit_file', arguments: { path: 'math.js', search: `return a - b; // try ${n}`, replace: 'return a * b;' } }],
    });
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [
        failing(1),
        failing(2),
        failing(3),
        failing(4),
        { toolCalls: [{ name: 'write_file', arguments: { path: 'math.js', content: original.replace('a + b', 'a * b') } }] },
        { text: 'Done.' },
      ],
    });
    const root = workspace({ 'math.js': original });
    const r = await runCli(['run', 'make add multiply', '--yes', '--json', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], {
      cwd: root,
    });
    const ev = events(r.stdout);
    expect(ev.filter((e) => e.type === 'guard' && e.kind === 'stuck_patch').length).toBeGreaterThanOrEqual(2);
    // After the third failure the model sees the real file with line numbers…
    expect(bodyText(server, 3)).toMatch(/failed 3 times/);
    expect(bodyText(server, 3)).toMatch(/2 \| {3}return a \+ b;/);
    // …and after the fourth it is offered a whole-file rewrite.
    expect(bodyText(server, 4)).toMatch(/write_file/);
    expect(fs.readFileSync(path.join(root, 'math.js'), 'utf8')).toContain('a * b');
    expect(r.code).toBe(0);
  });
});
