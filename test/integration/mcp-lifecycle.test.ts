// An MCP server's life in a session: one that stops answering or crashes fails the call as a value
// the model reads, the chat gets one line, its tools leave the router on the very next step and
// /mcp restart brings them back; one that changes its tool list hands the router the new list.
import { mcpAgent } from '../support/mcp-agent';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { startWeatherServer, type WeatherServer } from '../support/mcp-http-server';
import type { AgentEvent } from '../../src/agent/events';

const tmp = (prefix: string) => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));

describe('an MCP server that times out', () => {
  let server: ScriptedServer;
  let weather: WeatherServer;
  afterEach(async () => {
    server?.close();
    await weather?.close();
  });

  it('is one line in the chat, and its tools leave the router until it is restarted', async () => {
    weather = await startWeatherServer();
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [{ toolCalls: [{ name: 'weather__slow', arguments: {} }] }, { text: 'The weather service is down.' }],
    });
    const root = tmp('sc-mcp-fail-');
    const dir = path.join(tmp('sc-xdg-'), 'smallcode');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'mcp.json'), JSON.stringify({ mcpServers: { weather: { url: weather.url, timeout: 400 } } }));
    const agent = mcpAgent({ root, dir, url: server.url, maxSteps: 5, interactive: true, autoApprove: false });
    const events: AgentEvent[] = [];
    agent.subscribe((e) => {
      events.push(e);
      if (e.type === 'approval.needed') setImmediate(() => agent.resolve(e.request.id, 'once'));
    });
    try {
      await agent.startMcp();
      const outcome = await agent.submit('get the slow weather report');
      expect(outcome.text).toBe('The weather service is down.');
      const steps = events.flatMap((e) => (e.type === 'step.start' ? [e.tools] : []));
      expect(steps[0]).toContain('weather__slow');
      expect(steps[1].filter((t) => t.startsWith('weather__'))).toEqual([]);
      const lines = events.filter((e) => e.type === 'notice' && /MCP server weather failed/.test(e.message));
      expect(lines).toHaveLength(1);
      expect(events.find((e) => e.type === 'tool.result' && e.name === 'weather__slow')).toMatchObject({ ok: false });
      expect(JSON.stringify(server.chatRequests()[1].body)).toMatch(/weather__slow failed: .*timed out/i);
      expect(agent.mcp?.servers()[0]).toMatchObject({ state: 'failed', tools: [] });
      expect(await agent.mcp?.restart('weather')).toMatch(/weather: ready, 2 tools/);
    } finally {
      await agent.shutdown();
    }
  });
});

/** A stdio MCP server (the SDK's) whose `crash` tool kills the process, as a buggy server would. */
function crashingServerScript(dir: string): string {
  const file = path.join(dir, 'crashing-server.js');
  const sdk = (p: string) => JSON.stringify(require.resolve(`@modelcontextprotocol/sdk/${p}`));
  fs.writeFileSync(
    file,
    `const { Server } = require(${sdk('server/index.js')});
const { StdioServerTransport } = require(${sdk('server/stdio.js')});
const { CallToolRequestSchema, ListToolsRequestSchema } = require(${sdk('types.js')});
const server = new Server({ name: 'crashy', version: '1.0.0' }, { capabilities: { tools: {} } });
server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: [{ name: 'crash', description: 'Crash the crashy server', inputSchema: { type: 'object', properties: {} } }] }));
server.setRequestHandler(CallToolRequestSchema, async () => { process.stderr.write('segfault in the crash tool\\n'); process.exit(3); });
server.connect(new StdioServerTransport());
`,
  );
  return file;
}

describe('an MCP server that crashes', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('fails the call as a value, says so in one line with its last stderr line, and drops its tools', async () => {
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [{ toolCalls: [{ name: 'crashy__crash', arguments: {} }] }, { text: 'It crashed.' }],
    });
    const root = tmp('sc-mcp-crash-');
    const dir = path.join(tmp('sc-xdg-'), 'smallcode');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'mcp.json'), JSON.stringify({ mcpServers: { crashy: { command: process.execPath, args: [crashingServerScript(dir)] } } }));
    const agent = mcpAgent({ root, dir, url: server.url, maxSteps: 5, interactive: false, autoApprove: true });
    const events: AgentEvent[] = [];
    agent.subscribe((e) => events.push(e));
    try {
      await agent.startMcp();
      expect(await agent.submit('crash the crashy server')).toMatchObject({ reason: 'done', text: 'It crashed.' });
      const lines = events.filter((e) => e.type === 'notice' && /MCP server crashy failed/.test(e.message));
      expect(lines).toHaveLength(1);
      expect(lines[0].type === 'notice' && lines[0].message).toMatch(/segfault in the crash tool/);
      expect(events.find((e) => e.type === 'tool.result' && e.name === 'crashy__crash')).toMatchObject({ ok: false });
      const steps = events.flatMap((e) => (e.type === 'step.start' ? [e.tools] : []));
      expect(steps[1]).not.toContain('crashy__crash');
      expect(agent.mcp?.servers()[0]).toMatchObject({ state: 'failed', tools: [] });
    } finally {
      await agent.shutdown();
    }
  });
});

describe('an MCP server whose tool list changes', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('hands the router its new tools as soon as it says so', async () => {
    const dir = path.join(tmp('sc-xdg-'), 'smallcode');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'locker.js');
    const sdk = (p: string) => JSON.stringify(require.resolve(`@modelcontextprotocol/sdk/${p}`));
    fs.writeFileSync(
      file,
      `const { Server } = require(${sdk('server/index.js')});
const { StdioServerTransport } = require(${sdk('server/stdio.js')});
const { CallToolRequestSchema, ListToolsRequestSchema } = require(${sdk('types.js')});
const server = new Server({ name: 'locker', version: '1.0.0' }, { capabilities: { tools: { listChanged: true } } });
const tools = [{ name: 'unlock', description: 'Unlock the locker', inputSchema: { type: 'object', properties: {} } }];
server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools }));
server.setRequestHandler(CallToolRequestSchema, async () => {
  tools.push({ name: 'vault', description: 'Read the vault', inputSchema: { type: 'object', properties: {} } });
  setImmediate(() => server.sendToolListChanged());
  return { content: [{ type: 'text', text: 'unlocked' }] };
});
server.connect(new StdioServerTransport());
`,
    );
    fs.writeFileSync(path.join(dir, 'mcp.json'), JSON.stringify({ mcpServers: { locker: { command: process.execPath, args: [file] } } }));
    server = await startScriptedServer({ kind: 'ollama', replies: [{ toolCalls: [{ name: 'locker__unlock', arguments: {} }] }, { text: 'Unlocked.' }] });
    const root = tmp('sc-mcp-list-');
    const agent = mcpAgent({ root, dir, url: server.url, maxSteps: 5, interactive: false, autoApprove: true });
    const grown = new Promise<void>((resolve) =>
      agent.subscribe((e) => {
        if (e.type === 'mcp.server' && e.server.tools.length === 2) resolve();
      }),
    );
    try {
      await agent.startMcp();
      await agent.submit('unlock the locker');
      await grown;
      expect(agent.mcp?.servers()[0].tools.map((t) => t.name)).toEqual(['locker__unlock', 'locker__vault']);
    } finally {
      await agent.shutdown();
    }
  });
});
