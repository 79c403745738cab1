// /clear and cancel during a turn, through the real agent and a scripted model server: /clear
// stops the stream first and leaves an empty history (nothing of the stopped turn appended after
// it), and a request cancelled with its turn is not reported as words the user said.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { createAgent } from '../../src/agent/controller';
import { createProvider } from '../../src/providers/index';
import type { AgentEvent } from '../../src/agent/events';
import { createCommandRunner } from '../../src/sandbox/command-runner';

const workspace = () => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-clear-')));

describe('clearing and cancelling a running turn', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  function agentFor(root: string) {
    const agent = createAgent({
      root,
      provider: createProvider({ provider: 'ollama', baseUrl: server.url, model: 'test-model' }),
      toolMode: 'native',
      maxSteps: 5,
      interactive: true,
      autoApprove: false,
      allowlist: [],
      commands: createCommandRunner({ root, hostEnv: process.env }),
    });
    const events: AgentEvent[] = [];
    agent.subscribe((e) => events.push(e));
    return { agent, events };
  }

  it('/clear while the model streams stops the turn, and the history stays empty afterwards', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [{ text: 'a long answer that keeps on going and going', hang: true }] });
    const { agent, events } = agentFor(workspace());
    const turn = agent.submit('talk');
    while (!events.some((e) => e.type === 'model.delta')) await new Promise((r) => setTimeout(r, 5));
    agent.clear();
    const outcome = await turn;
    expect(outcome.reason).toBe('cancelled');
    expect(agent.history()).toEqual([]);
    const types = events.map((e) => e.type);
    // The turn ends before the "cleared" notice: nothing of it arrives after the clear.
    expect(types.lastIndexOf('turn.end')).toBeLessThan(events.findIndex((e) => e.type === 'notice' && e.message === 'conversation cleared'));
    expect(agent.busy()).toBe(false);
  });

  it('/clear with no turn running clears at once', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [{ text: 'hello' }] });
    const { agent, events } = agentFor(workspace());
    await agent.submit('hi');
    expect(agent.history().length).toBeGreaterThan(0);
    agent.clear();
    expect(agent.history()).toEqual([]);
    expect(events[events.length - 1]).toEqual({ type: 'notice', level: 'info', message: 'conversation cleared' });
  });

  it('a request cancelled with its turn resolves without feedback (the UI shows no "you said")', async () => {
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [{ toolCalls: [{ name: 'run_command', arguments: { command: 'touch x' } }] }, { text: 'ok' }],
    });
    const { agent, events } = agentFor(workspace());
    agent.subscribe((e) => {
      if (e.type === 'approval.needed') setImmediate(() => agent.cancel());
    });
    await agent.submit('run it');
    const resolved = events.find((e) => e.type === 'approval.resolved');
    expect(resolved).toEqual({ type: 'approval.resolved', id: expect.any(String), decision: 'reject', feedback: undefined });
  });
});
