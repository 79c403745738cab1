// The edit pipeline end to end through `smallcode run --json` and the scripted model server: a
// SEARCH/REPLACE block written as prose (Cline markers) is an edit, not the final answer, and a
// Roo apply_diff with two blocks applies both.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { runCli } from '../support/cli-harness';

const CODE = 'export function f() {\n  return 1;\n}\n\nexport function g() {\n  return 10;\n}\n';

function workspace(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-edit-pipeline-')));
  fs.writeFileSync(path.join(root, 'a.js'), CODE);
  return root;
}
const run = (server: ScriptedServer, root: string) =>
  runCli(['run', 'change a.js', '--yes', '--json', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], { cwd: root });
const lastEvent = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1) as string) as { type: string; reason?: string };

describe('edits written in other agents’ forms', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('applies a Cline-marker block written as prose, then takes the next reply as the answer', async () => {
    const prose = 'I will change f.\n\na.js\n```\n------- SEARCH\n  return 1;\n=======\n  return 2;\n+++++++ REPLACE\n```\n';
    server = await startScriptedServer({ kind: 'ollama', replies: [{ text: prose }, { text: 'Done.' }] });
    const root = workspace();
    const r = await run(server, root);
    expect(lastEvent(r.stdout)).toMatchObject({ type: 'turn.end', reason: 'done' });
    expect(fs.readFileSync(path.join(root, 'a.js'), 'utf8')).toBe(CODE.replace('return 1;', 'return 2;'));
  });

  it('applies both blocks of a Roo apply_diff, as one edit', async () => {
    const diff =
      '<apply_diff>\n<path>a.js</path>\n<diff>\n<<<<<<< SEARCH\n:start_line:2\n-------\n  return 1;\n=======\n  return 2;\n>>>>>>> REPLACE\n\n' +
      '<<<<<<< SEARCH\n:start_line:6\n-------\n  return 10;\n=======\n  return 20;\n>>>>>>> REPLACE\n</diff>\n</apply_diff>';
    server = await startScriptedServer({ kind: 'ollama', replies: [{ text: diff }, { text: 'Done.' }] });
    const root = workspace();
    const r = await run(server, root);
    expect(lastEvent(r.stdout)).toMatchObject({ type: 'turn.end', reason: 'done' });
    expect(fs.readFileSync(path.join(root, 'a.js'), 'utf8')).toBe(CODE.replace('return 1;', 'return 2;').replace('return 10;', 'return 20;'));
    const applied = r.stdout.split('\n').filter((l) => l.includes('"patch.applied"'));
    expect(applied).toHaveLength(1);
  });

  it('tells the model about a call it could not use when another call of the same reply ran', async () => {
    // Two calls in one reply: a read that works and an edit without its replacement.
    const reply = {
      text:
        '<tool_call>\n{"name": "read_file", "arguments": {"path": "a.js"}}\n</tool_call>\n' +
        '<tool_call>\n{"name": "edit_file", "arguments": {"path": "a.js", "search": "return 1;"}}\n</tool_call>',
    };
    server = await startScriptedServer({ kind: 'ollama', replies: [reply, { text: 'Done.' }] });
    const r = await run(server, workspace());
    expect(lastEvent(r.stdout)).toMatchObject({ type: 'turn.end', reason: 'done' });
    const second = server.chatRequests()[1].body as { messages: { content: string }[] };
    const tail = second.messages.map((m) => m.content).join('\n');
    expect(tail).toContain('return 10;'); // the read ran
    expect(second.messages.at(-1)?.content).toMatch(/Not every tool call in your last reply could be used \(the others ran\)\. .*missing argument "replace"/s);
  });
});
