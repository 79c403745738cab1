// Bookkeeping that matches the server: every prompt is the previous prompt, then the model's reply,
// then what is new — a strict append-only log a prefix-caching server reuses whole (llama.cpp keeps
// the generated reply in its cache too) — and a call the model wrote as text is stored once.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type RecordedRequest, type ScriptedServer } from '../support/scripted-server';
import { runCli } from '../support/cli-harness';

type Wire = { role: string; content: string; tool_calls?: { function: { name: string } }[] };
const messagesOf = (r: RecordedRequest) => (r.body as { messages: Wire[] }).messages;
const textCall = (name: string, args: Record<string, unknown>) => ({ text: `<tool_call>${JSON.stringify({ name, arguments: args })}</tool_call>` });

function workspace(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-layout-')));
  fs.writeFileSync(path.join(root, 'a.js'), 'export const a = 1;\n');
  return root;
}

describe('the prompt is an append-only log', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('each request extends the previous one and the reply to it, with the plan and routed tools noted only when they change', async () => {
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [
        textCall('update_plan', {
          items: [
            { text: 'read a.js', done: false },
            { text: 'change a', done: false },
          ],
        }),
        textCall('read_file', { path: 'a.js' }),
        textCall('edit_file', { path: 'a.js', search: 'a = 1', replace: 'a = 2' }),
        textCall('list_files', { path: '.' }),
        textCall('list_files', { path: '.' }),
        { text: 'Done.' },
      ],
    });
    const r = await runCli(['run', 'plan it, then change a in a.js', '--yes', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], {
      cwd: workspace(),
    });
    expect(r.code).toBe(0);
    const reqs = server.chatRequests().map(messagesOf);
    expect(reqs).toHaveLength(6);
    for (let i = 1; i < reqs.length; i++) {
      const prev = reqs[i - 1];
      expect(reqs[i].slice(0, prev.length)).toEqual(prev);
      expect(reqs[i][prev.length].role).toBe('assistant');
    }
    const last = reqs.at(-1)!;
    const notes = last.filter((m) => m.content.startsWith('Tools for this step:'));
    expect(notes.length).toBeGreaterThan(1);
    expect(notes.length).toBeLessThan(reqs.length); // unchanged notes are not repeated
    expect(last.some((m) => m.content.includes('Plan (.smallcode/TODO.md): 0/2 done'))).toBe(true);
  });

  it('native tools: a call the model wrote as text is stored once, as the tool call', async () => {
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [{ text: 'Reading it.\n<tool_call>{"name": "read_file", "arguments": {"path": "a.js"}}</tool_call>' }, { text: 'Done.' }],
    });
    const r = await runCli(['run', 'read a.js', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], {
      cwd: workspace(),
      env: { SMALLCODE_TOOLS: 'native' },
    });
    expect(r.code).toBe(0);
    const assistant = messagesOf(server.chatRequests()[1]).filter((m) => m.role === 'assistant');
    expect(assistant).toHaveLength(1);
    expect(assistant[0].tool_calls?.map((c) => c.function.name)).toEqual(['read_file']);
    expect(assistant[0].content).not.toContain('<tool_call>');
  });
});
