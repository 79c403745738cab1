// Model profiles through the agent: the session runs with its model's profile, SMALLCODE_TOOLS=auto
// follows the profile's tool protocol, and /model switching re-applies the new model's profile.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAgent } from '../../src/agent/controller';
import type { AgentEvent } from '../../src/agent/events';
import { createProvider } from '../../src/providers/create-provider';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';

let server: ScriptedServer;
afterEach(() => server?.close());

test('/model re-applies profiles; auto tool mode follows them', async () => {
  server = await startScriptedServer({
    kind: 'ollama',
    models: ['qwen2.5-coder:7b', 'gpt-oss:20b'],
    thinking: true,
    replies: [{ text: 'one' }, { text: 'two' }],
  });
  const make = (model: string) => createProvider({ provider: 'ollama', baseUrl: server.url, model });
  const agent = createAgent({
    root: fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-profile-agent-'))),
    provider: make('qwen2.5-coder:7b'),
    toolMode: 'auto',
    maxSteps: 3,
    interactive: false,
    autoApprove: false,
    allowlist: [],
    providerFor: make,
  });
  const events: AgentEvent[] = [];
  agent.subscribe((e) => events.push(e));

  expect(await agent.submit('hello')).toMatchObject({ reason: 'done', text: 'one' });
  agent.setModel('gpt-oss:20b');
  expect(await agent.submit('again')).toMatchObject({ reason: 'done', text: 'two' });

  const [first, second] = server.chatRequests().map((r) => r.body as { model: string; options: Record<string, unknown>; think?: unknown; tools?: unknown[] });
  expect(first).toMatchObject({ model: 'qwen2.5-coder:7b', options: { temperature: 0.7, top_p: 0.8, top_k: 20, repeat_penalty: 1.1 } });
  expect(first.think).toBeUndefined();
  expect(first.tools).toBeUndefined(); // Qwen2.5-Coder: the text protocol
  expect(second).toMatchObject({ model: 'gpt-oss:20b', options: { temperature: 1, top_p: 1 }, think: 'low' });
  expect(second.options.top_k).toBeUndefined();
  expect(second.tools?.length).toBeGreaterThan(0); // gpt-oss: native calls
  const starts = events.flatMap((e) => (e.type === 'session.start' ? [e.info.profile?.name] : []));
  expect(starts).toEqual(['Qwen2.5-Coder', 'gpt-oss (Harmony)']);
});
