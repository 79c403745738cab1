// The command path of approval, end to end through the agent with a scripted model: `a` (the
// 'always' answer on a file change) never approves a command, 'always' on a command allows that
// exact command line for the session, and the allow-list is judged on the parsed command.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { runCli } from '../support/cli-harness';
import { createAgent } from '../../src/agent/controller';
import { createProvider } from '../../src/providers/index';
import type { AgentEvent, ApprovalRequest } from '../../src/agent/events';
import { createCommandRunner } from '../../src/sandbox/command-runner';

const workspace = (prefix: string) => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
const command = (cmd: string) => ({ toolCalls: [{ name: 'run_command', arguments: { command: cmd } }] });

describe('approving commands in the workbench agent', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  function interactiveAgent(root: string, answer: (r: ApprovalRequest) => 'once' | 'always' | 'reject') {
    const agent = createAgent({
      root,
      provider: createProvider({ provider: 'ollama', baseUrl: server.url, model: 'test-model' }),
      toolMode: 'native',
      maxSteps: 10,
      interactive: true,
      autoApprove: false,
      allowlist: [],
      commands: createCommandRunner({ root, hostEnv: process.env }),
    });
    const asked: ApprovalRequest[] = [];
    agent.subscribe((e: AgentEvent) => {
      if (e.type !== 'approval.needed') return;
      asked.push(e.request);
      // The event comes just before the request is queued (same tick): answer right after it.
      const request = e.request;
      setImmediate(() => agent.resolve(request.id, answer(request)));
    });
    return { agent, asked };
  }

  it('"approve the rest of this turn" on a file change does not approve the commands after it', async () => {
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [
        { toolCalls: [{ name: 'write_file', arguments: { path: 'a.txt', content: 'a\n' } }] },
        { toolCalls: [{ name: 'write_file', arguments: { path: 'b.txt', content: 'b\n' } }] },
        command('touch ran.txt'),
        { text: 'Done.' },
      ],
    });
    const root = workspace('sc-approve-rest-');
    const { agent, asked } = interactiveAgent(root, (r) => (r.risk === 'write' ? 'always' : 'reject'));
    await agent.submit('make two files and run something');
    expect(asked.map((r) => r.risk)).toEqual(['write', 'exec']);
    expect(fs.existsSync(path.join(root, 'b.txt'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'ran.txt'))).toBe(false);
    expect(asked[1].command).toEqual({ command: 'touch ran.txt', cwd: root, sandbox: expect.stringMatching(/bwrap|sandbox-exec|none/) });
  });

  it('"always allow this command" allows that exact command line for the session, never a longer one', async () => {
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [
        command('echo hi >> log.txt'),
        command('echo hi  >> log.txt'),
        command('echo hi >> log.txt'),
        command('echo hi >> log.txt; touch x'),
        { text: 'Done.' },
      ],
    });
    const root = workspace('sc-approve-always-');
    const { agent, asked } = interactiveAgent(root, (r) => (r.call.arguments.command === 'echo hi >> log.txt' ? 'always' : 'reject'));
    await agent.submit('log twice');
    expect(asked.map((r) => r.call.arguments.command)).toEqual(['echo hi >> log.txt', 'echo hi  >> log.txt', 'echo hi >> log.txt; touch x']);
    expect(fs.readFileSync(path.join(root, 'log.txt'), 'utf8')).toBe('hi\nhi\n');
    expect(fs.existsSync(path.join(root, 'x'))).toBe(false);
  });
});

describe('the allow-list in a headless run (no --yes)', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  const run = (root: string, env: Record<string, string>) =>
    runCli(['run', 'test it', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], { cwd: root, env });

  it('runs an allow-listed command, but not one with a newline or a git -c alias after it', async () => {
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [command('git status --short'), command('git status\ntouch pwned-newline'), command("git -c alias.x='!touch pwned-alias' x"), { text: 'Done.' }],
    });
    const root = workspace('sc-allow-e2e-');
    const r = await run(root, { SMALLCODE_ALLOW: 'git' });
    expect(fs.existsSync(path.join(root, 'pwned-newline'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'pwned-alias'))).toBe(false);
    const results = server.chatRequests().map((q) => JSON.stringify(q.body));
    expect(results[1]).toMatch(/\$ git status --short/);
    expect(results[2]).toMatch(/This command was NOT run/);
    expect(results[3]).toMatch(/This command was NOT run/);
    expect(r.code).toBe(5);
  });

  it('ignores SMALLCODE_ALLOW from the workspace .env, saying so in one line', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [command("sh -c 'touch pwned-env'"), { text: 'Done.' }] });
    const root = workspace('sc-allow-dotenv-');
    fs.writeFileSync(path.join(root, '.env'), 'SMALLCODE_ALLOW=sh\n');
    const r = await run(root, {});
    expect(fs.existsSync(path.join(root, 'pwned-env'))).toBe(false);
    expect(r.stderr).toMatch(/\.env: ignored SMALLCODE_ALLOW — settings that widen what runs unasked/);
  });
});
