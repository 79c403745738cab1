// Discovered checks are commands from the workspace: in the workbench they are asked about like
// run_command before they first run (the baseline, before the first change is applied); "always"
// holds for the session, a rejection is remembered (not asked again until /check), and a check
// the user configured runs unasked.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { createAgent } from '../../src/agent/controller';
import { createProvider } from '../../src/providers/index';
import type { AgentEvent, ApprovalRequest } from '../../src/agent/events';
import { createCommandRunner } from '../../src/sandbox/command-runner';
import type { ChecksSetting } from '../../src/checks/discover';

function workspace(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-checkapprove-')));
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ scripts: { test: 'node --test' } }));
  fs.writeFileSync(path.join(root, 'a.test.js'), "require('node:test')('a', () => {});\n");
  return root;
}

const write = (p: string) => ({ toolCalls: [{ name: 'write_file', arguments: { path: p, content: 'x\n' } }] });

describe('approving project checks in the workbench agent', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  function agentFor(root: string, setting: ChecksSetting, answer: (r: ApprovalRequest) => 'once' | 'always' | 'reject') {
    const agent = createAgent({
      root,
      provider: createProvider({ provider: 'ollama', baseUrl: server.url, model: 'test-model' }),
      toolMode: 'native',
      maxSteps: 10,
      interactive: true,
      autoApprove: false,
      allowlist: [],
      commands: createCommandRunner({ root, hostEnv: process.env }),
      checks: { setting, fixRounds: 3 },
    });
    const asked: ApprovalRequest[] = [];
    const checks: string[] = [];
    agent.subscribe((e: AgentEvent) => {
      if (e.type === 'check.finished') checks.push(`${e.phase} ${e.status}`);
      if (e.type !== 'approval.needed') return;
      asked.push(e.request);
      const request = e.request;
      setImmediate(() => agent.resolve(request.id, answer(request)));
    });
    return { agent, asked, checks };
  }

  it('asks before the first change is applied; "always" covers the verify run and the next turn', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [write('b.txt'), { text: 'Done.' }, write('c.txt'), { text: 'Done.' }] });
    const root = workspace();
    const { agent, asked, checks } = agentFor(root, { mode: 'auto' }, (r) => (r.risk === 'exec' ? 'always' : 'once'));
    await agent.submit('make b.txt');
    expect(asked.map((r) => `${r.risk} ${r.command?.command ?? r.proposal?.path}`)).toEqual(['exec npm test', 'write b.txt']);
    expect(asked[0].call.name).toBe('run_checks');
    expect(checks).toEqual(['baseline passed', 'verify passed']);
    await agent.submit('make c.txt');
    expect(asked.filter((r) => r.risk === 'exec')).toHaveLength(1);
  });

  it('a rejected check is skipped and not asked about again this session; /check asks again', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [write('b.txt'), { text: 'Done.' }] });
    const root = workspace();
    const { agent, asked, checks } = agentFor(root, { mode: 'auto' }, (r) => (r.risk === 'exec' ? 'reject' : 'once'));
    const outcome = await agent.submit('make b.txt');
    expect(outcome.reason).toBe('done');
    expect(asked.filter((r) => r.risk === 'exec')).toHaveLength(1);
    expect(checks).toEqual(['baseline skipped', 'verify skipped']);
    await agent.runChecks();
    expect(asked.filter((r) => r.risk === 'exec')).toHaveLength(2);
  });

  it('a configured check runs without asking', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [write('b.txt'), { text: 'Done.' }] });
    const root = workspace();
    const { agent, asked, checks } = agentFor(root, { mode: 'list', commands: ['node --test'] }, () => 'once');
    await agent.submit('make b.txt');
    expect(asked.map((r) => r.risk)).toEqual(['write']);
    expect(checks).toEqual(['baseline passed', 'verify passed']);
    expect(agent.checks().checks.map((c) => `${c.name} ← ${c.source}`)).toEqual(['node --test ← SMALLCODE_CHECKS']);
  });
});
