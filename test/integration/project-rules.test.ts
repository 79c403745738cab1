// The project's rules in the prompt (issue 10, item 1): AGENTS.md goes into the stable system
// text — byte-identical on every request, so the server's prompt cache keeps working — cut to
// its first sections on an 8k window, counted as the gauge's `rules` share; doctor lists the
// rules file and the checks found, each with where it came from.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type RecordedRequest, type ScriptedServer } from '../support/scripted-server';
import { runCli } from '../support/cli-harness';

type Wire = { role: string; content: string };
const messagesOf = (r: RecordedRequest) => (r.body as { messages: Wire[] }).messages;

function workspace(agents: string): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-rules-')));
  fs.writeFileSync(path.join(root, 'AGENTS.md'), agents);
  fs.writeFileSync(path.join(root, 'a.js'), 'export const a = 1;\n');
  return root;
}

const longAgents = [
  '# House rules',
  'Indent with tabs. Never touch generated/.',
  ...Array.from({ length: 40 }, (_, i) => `## Topic ${i + 1}\n${'Explain every public function in a short comment above it. '.repeat(12)}`),
].join('\n\n');

describe('project rules in the prompt', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('AGENTS.md sits in the system text, identical on every step; a long one is cut on an 8k window, never overflowing', async () => {
    server = await startScriptedServer({
      kind: 'ollama',
      contextWindow: 8192,
      replies: [{ text: '<tool_call>{"name": "read_file", "arguments": {"path": "a.js"}}</tool_call>' }, { text: 'Done.' }],
    });
    const root = workspace(longAgents);
    const r = await runCli(['run', 'read a.js', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model', '--json'], {
      cwd: root,
      env: { XDG_CONFIG_HOME: path.join(root, '.no-config') },
    });
    expect(r.code).toBe(0);
    const systems = server.chatRequests().map((q) => messagesOf(q)[0]);
    expect(systems).toHaveLength(2);
    expect(systems[0].role).toBe('system');
    expect(systems[1]).toEqual(systems[0]);
    expect(systems[0].content).toContain('Project instructions from AGENTS.md');
    expect(systems[0].content).toContain('Indent with tabs.');
    expect(systems[0].content).not.toContain('## Topic 40');
    expect(systems[0].content).toMatch(/AGENTS\.md continues: \d+ more sections not shown here — read_file AGENTS\.md/);
    const budgets = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; report?: { rules?: number; system: number; window: number } })
      .filter((e) => e.type === 'budget');
    expect(budgets.length).toBeGreaterThan(0);
    const report = budgets[0].report!;
    expect(report.rules).toBeGreaterThan(200);
    expect(report.rules!).toBeLessThanOrEqual(Math.round(8192 * 0.08));
    expect(report.rules!).toBeLessThan(report.system);
  });

  it("a folder's own AGENTS.md is appended once after the model writes there, leaving the prefix as it was", async () => {
    const write = (p: string) => ({ text: `<tool_call>${JSON.stringify({ name: 'write_file', arguments: { path: p, content: 'x\n' } })}</tool_call>` });
    server = await startScriptedServer({ kind: 'ollama', replies: [write('api/a.js'), write('api/b.js'), { text: 'Done.' }] });
    const root = workspace('# Rules\nBe brief.\n');
    fs.mkdirSync(path.join(root, 'api'));
    fs.writeFileSync(path.join(root, 'api', 'AGENTS.md'), '# API rules\nEvery handler validates its input.\n');
    const r = await runCli(['run', 'add two files in api/', '--yes', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], {
      cwd: root,
      env: { XDG_CONFIG_HOME: path.join(root, '.no-config'), SMALLCODE_CHECKS: 'off' },
    });
    expect(r.code).toBe(0);
    const reqs = server.chatRequests().map(messagesOf);
    const notes = (i: number) => reqs[i].filter((m) => m.content.includes('Every handler validates its input.'));
    expect(notes(0)).toHaveLength(0);
    expect(notes(1)).toHaveLength(1);
    expect(notes(2)).toHaveLength(1); // once, not again for the second file
    expect(reqs[2].slice(0, reqs[1].length)).toEqual(reqs[1]);
  });

  it('doctor lists the rules file and the checks found, with their sources', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [{ text: 'ok' }] });
    const root = workspace('# Rules\n## Testing\nRun `npm run test:unit` before you commit.\n');
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ scripts: { test: 'jest' } }));
    const r = await runCli(['doctor', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], {
      cwd: root,
      env: { XDG_CONFIG_HOME: path.join(root, '.no-config') },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^rules\s+AGENTS\.md$/m);
    expect(r.stdout).toMatch(/^checks\s+1 found/m);
    expect(r.stdout).toMatch(/^\s+test:unit\s+npm run test:unit {2}← AGENTS\.md "Testing"$/m);
    const off = await runCli(['doctor', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model', '--json'], {
      cwd: root,
      env: { XDG_CONFIG_HOME: path.join(root, '.no-config'), SMALLCODE_CHECKS: 'off' },
    });
    expect((JSON.parse(off.stdout) as { project: { checks: unknown[]; checksNote: string } }).project).toMatchObject({
      checks: [],
      checksNote: 'checks are off (SMALLCODE_CHECKS=off)',
    });
  });
});
