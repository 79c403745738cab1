// /compact on demand goes through the same summariser as automatic compaction: the model is
// asked for the fixed-template summary (continuing the cached prompt), and the history shrinks.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { createAgent } from '../../src/agent/controller';
import { createProvider } from '../../src/providers/index';
import type { AgentEvent } from '../../src/agent/events';

describe('/compact', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('asks the model for a summary and replaces the oldest turns with it', async () => {
    const summary = '[Summary of earlier conversation]\nGoal: learn the files\nDecisions: read a.txt twice\nFiles touched: a.txt\nOpen problems: none';
    server = await startScriptedServer({
      kind: 'ollama',
      replies: (req) => (JSON.stringify(req.body).includes('Pause the task') ? { text: summary } : { text: 'Noted. '.repeat(40) }),
    });
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-compact-')));
    const agent = createAgent({
      root,
      provider: createProvider({ provider: 'ollama', baseUrl: server.url, model: 'test-model' }),
      toolMode: 'auto',
      maxSteps: 3,
      interactive: false,
      autoApprove: false,
      allowlist: [],
    });
    const events: AgentEvent[] = [];
    agent.subscribe((e) => events.push(e));
    for (const t of ['first question about the project layout', 'second question about the tests', 'third question about the build']) await agent.submit(t);
    const before = agent.history().length;
    await agent.compact();
    expect(events.filter((e) => e.type === 'compaction')).toEqual([expect.objectContaining({ method: 'summary' })]);
    expect(agent.history().length).toBeLessThan(before);
    expect(agent.history()[0].content).toContain('Goal: learn the files');
    const summaryRequest = server.chatRequests().at(-1)!.body as { messages: { content: string }[]; options: { num_ctx: number } };
    expect(summaryRequest.options.num_ctx).toEqual(expect.any(Number));
    expect(summaryRequest.messages[1].content).toBe('first question about the project layout');
  });
});
