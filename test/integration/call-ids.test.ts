// Call ids are the agent's, unique in the session, whatever the server names its calls; the
// server's own id still goes back on the wire; tool results carry their whole output for the UI
// (issue 14 items 1 and 3). The real CLI (`run --json`), the real clients, a scripted server.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { runCli } from '../support/cli-harness';

function workspace(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-ids-')));
  fs.writeFileSync(path.join(root, 'long.txt'), `${Array.from({ length: 4000 }, (_, i) => `line ${i} of a long file`).join('\n')}\n`);
  // Digits are a token each: a read of these overflows the model's share, so the agent cuts it.
  fs.writeFileSync(
    path.join(root, 'digits.txt'),
    `${Array.from({ length: 3000 }, (_, i) => `${String(i).padStart(6, '0')}${'9876543210'.repeat(4)}`).join('\n')}\n`,
  );
  return root;
}

type Event = {
  type: string;
  id?: string;
  call?: { id: string };
  details?: { kind: string; output?: { text: string; cutForModel?: { from: number; to: number } } };
};
const events = (stdout: string): Event[] =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Event);

describe('call ids and tool results', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('mints unique ids when the server repeats or omits them, so every patch keeps its own id', async () => {
    const write = (p: string) => ({ toolCalls: [{ name: 'write_file', arguments: { path: p, content: `${p}\n` } }], toolIds: [null] });
    server = await startScriptedServer({ kind: 'ollama', replies: [write('one.txt'), write('two.txt'), { text: 'Both written.' }] });
    const root = workspace();
    const r = await runCli(['run', 'write two files', '--yes', '--json', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], {
      cwd: root,
    });
    expect(r.code).toBe(0);
    const all = events(r.stdout);
    const proposed = all.filter((e) => e.type === 'tool.proposed').map((e) => e.call?.id);
    const applied = all.filter((e) => e.type === 'patch.applied').map((e) => e.id);
    expect(proposed).toHaveLength(2);
    expect(new Set(proposed).size).toBe(2);
    expect(applied).toEqual(proposed);
  });

  it('keeps the server id on the wire: the native result references the id the server gave', async () => {
    server = await startScriptedServer({
      kind: 'llamacpp',
      replies: [{ toolCalls: [{ name: 'read_file', arguments: { path: 'long.txt', end_line: 3 } }], toolIds: ['call_1'] }, { text: 'Read it.' }],
    });
    const root = workspace();
    const r = await runCli(['run', 'read it', '--json', '--provider', 'openai', '--base-url', server.url, '--model', 'test-model'], {
      cwd: root,
      env: { SMALLCODE_TOOLS: 'native' },
    });
    expect(r.code).toBe(0);
    const second = server.chatRequests()[1].body as { messages: { role: string; tool_calls?: { id: string }[]; tool_call_id?: string }[] };
    const asked = second.messages.find((m) => m.role === 'assistant' && m.tool_calls);
    const answered = second.messages.find((m) => m.role === 'tool');
    expect(asked?.tool_calls?.[0].id).toBe('call_1');
    expect(answered?.tool_call_id).toBe('call_1');
    const proposed = events(r.stdout).find((e) => e.type === 'tool.proposed');
    expect(proposed?.call?.id).not.toBe('call_1');
  });

  it('sends tool.result with its details and the whole output, marking what the model did not get', async () => {
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [{ toolCalls: [{ name: 'read_file', arguments: { path: 'digits.txt' } }] }, { text: 'Read.' }],
    });
    const root = workspace();
    const r = await runCli(
      ['run', 'read digits.txt', '--json', '--context', '4096', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'],
      {
        cwd: root,
      },
    );
    expect(r.code).toBe(0);
    const result = events(r.stdout).find((e) => e.type === 'tool.result');
    expect(result?.details?.kind).toBe('read');
    const output = result?.details?.output;
    expect(output?.text).toContain(`1\t000000${'9876543210'.repeat(4)}`);
    const sent = JSON.stringify(server.chatRequests()[1].body);
    const lines = output?.text.split('\n') ?? [];
    const cut = output?.cutForModel;
    expect(cut).toBeDefined();
    if (!cut) return;
    expect(cut.to).toBeGreaterThan(cut.from);
    const inJson = (line: string) => JSON.stringify(line).slice(1, -1); // the tab after the number is escaped
    expect(sent).toContain(inJson(lines[0]));
    expect(sent).not.toContain(inJson(lines[cut.from])); // the first line the model did not get
    expect(sent).toContain(inJson(lines[cut.from - 1]));
  });
});
