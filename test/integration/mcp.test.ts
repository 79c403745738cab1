// MCP end to end (issue 15): a real MCP server from npm (server-memory, stdio) and one built with
// the SDK in the test (streamable HTTP), driven by the scripted model through the real agent: an
// MCP tool is routed in on the step that points to it, approved, run, and its result reaches the
// next request; a step that does not need it carries none of its text; an unapproved workspace
// .mcp.json server is never started headless.
import { mcpAgent } from '../support/mcp-agent';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { runCli } from '../support/cli-harness';
import { startWeatherServer } from '../support/mcp-http-server';
import { createAgent } from '../../src/agent/controller';
import { createProvider } from '../../src/providers/index';
import type { AgentEvent } from '../../src/agent/events';
import { loadMcpConfigs } from '../../src/mcp/mcp-config';
import { createMcpTrust } from '../../src/mcp/mcp-trust';

const tmp = (prefix: string) => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
const MEMORY_SERVER = require.resolve('@modelcontextprotocol/server-memory/dist/index.js');

/** A user config dir with this mcp.json; returns the XDG_CONFIG_HOME to run with. */
function userConfig(servers: Record<string, unknown>): string {
  const xdg = tmp('sc-xdg-');
  fs.mkdirSync(path.join(xdg, 'smallcode'));
  fs.writeFileSync(path.join(xdg, 'smallcode', 'mcp.json'), JSON.stringify({ mcpServers: servers }));
  return xdg;
}

const bodyText = (s: ScriptedServer, i: number) => JSON.stringify(s.chatRequests()[i].body);
const cli = (server: ScriptedServer, task: string, ...extra: string[]) => [
  'run',
  task,
  ...extra,
  '--provider',
  'ollama',
  '--base-url',
  server.url,
  '--model',
  'test-model',
];

describe('MCP tools behind the router (stdio: @modelcontextprotocol/server-memory)', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('a step that does not point to the server carries none of its tool text', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [{ text: 'It prints hello.' }] });
    const root = tmp('sc-mcp-ws-');
    fs.writeFileSync(path.join(root, 'a.ts'), 'console.log("hello");\n');
    const xdg = userConfig({
      memory: { command: process.execPath, args: [MEMORY_SERVER], env: { MEMORY_FILE_PATH: path.join(root, '..', `${path.basename(root)}.jsonl`) } },
    });
    const r = await runCli(cli(server, 'explain what a.ts does'), { cwd: root, env: { XDG_CONFIG_HOME: xdg } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/MCP server memory: \d+ tools/);
    const body = bodyText(server, 0);
    expect(body).not.toContain('memory__');
    expect(body).not.toMatch(/knowledge graph/i);
  });

  it('routes the tool in when the request points to it; with --yes the call runs and its result reaches the next request', async () => {
    const entities = [{ name: 'Alice', entityType: 'person', observations: ['likes green tea'] }];
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [{ toolCalls: [{ name: 'memory__create_entities', arguments: { entities } }] }, { text: 'Remembered.' }],
    });
    const root = tmp('sc-mcp-ws-');
    const memoryFile = path.join(tmp('sc-mcp-mem-'), 'memory.jsonl');
    const xdg = userConfig({ memory: { command: process.execPath, args: [MEMORY_SERVER], env: { MEMORY_FILE_PATH: memoryFile } } });
    const r = await runCli(cli(server, 'create entities in the memory graph: Alice likes green tea', '--yes', '--json'), {
      cwd: root,
      env: { XDG_CONFIG_HOME: xdg },
    });
    expect(r.code).toBe(0);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AgentEvent);
    const first = events.find((e) => e.type === 'step.start');
    expect(first?.type === 'step.start' && first.tools).toContain('memory__create_entities');
    expect(bodyText(server, 0)).toContain('memory__create_entities(entities');
    const calls = events.filter((e) => e.type === 'mcp.call');
    expect(calls.map((e) => e.type === 'mcp.call' && [e.server, e.tool, e.phase])).toEqual([
      ['memory', 'create_entities', 'start'],
      ['memory', 'create_entities', 'done'],
    ]);
    // The server really ran it, and the model read its answer on the next step.
    expect(fs.readFileSync(memoryFile, 'utf8')).toContain('likes green tea');
    expect(bodyText(server, 1)).toContain('likes green tea');
    expect(events.some((e) => e.type === 'mcp.server' && e.server.state === 'ready' && e.server.tools.length > 3)).toBe(true);
  });
});

describe('MCP calls in a headless run without --yes', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('are refused, and the model is told not to retry and what the user can do', async () => {
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [{ toolCalls: [{ name: 'memory__create_entities', arguments: { entities: [] } }] }, { text: 'I could not store it.' }],
    });
    const root = tmp('sc-mcp-noyes-');
    const memoryFile = path.join(tmp('sc-mcp-mem-'), 'memory.jsonl');
    const xdg = userConfig({ memory: { command: process.execPath, args: [MEMORY_SERVER], env: { MEMORY_FILE_PATH: memoryFile } } });
    const r = await runCli(cli(server, 'create entities in the memory graph'), { cwd: root, env: { XDG_CONFIG_HOME: xdg } });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/✗ memory__create_entities not run/);
    expect(bodyText(server, 1)).toMatch(/NOT run: memory__create_entities comes from the MCP server \\"memory\\".*Do not retry it/);
    expect(fs.existsSync(memoryFile)).toBe(false);
  });
});

describe('MCP tools over streamable HTTP (an SDK server in the test)', () => {
  let server: ScriptedServer;
  let weather: Awaited<ReturnType<typeof startWeatherServer>>;
  afterEach(async () => {
    server?.close();
    await weather?.close();
  });

  it('asks before the call in the workbench, runs it once approved, and hands the result to the model', async () => {
    weather = await startWeatherServer();
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [{ text: 'Hello.' }, { toolCalls: [{ name: 'weather__forecast', arguments: { city: 'Lyon' } }] }, { text: 'It is sunny in Lyon.' }],
    });
    const root = tmp('sc-mcp-http-');
    const xdg = userConfig({ weather: { url: weather.url } });
    const dir = path.join(xdg, 'smallcode');
    const agent = mcpAgent({ root, dir, url: server.url, maxSteps: 5, interactive: true, autoApprove: false });
    const events: AgentEvent[] = [];
    agent.subscribe((e) => {
      events.push(e);
      if (e.type === 'approval.needed') setImmediate(() => agent.resolve(e.request.id, 'once'));
    });
    try {
      await agent.startMcp();
      expect(agent.mcp?.servers()).toEqual([expect.objectContaining({ name: 'weather', state: 'ready', transport: 'http' })]);
      await agent.submit('say hello');
      expect(bodyText(server, 0)).not.toContain('weather__forecast');
      const outcome = await agent.submit('what is the weather forecast for Lyon?');
      expect(outcome.text).toBe('It is sunny in Lyon.');
      const asked = events.filter((e) => e.type === 'approval.needed');
      expect(asked.map((e) => e.type === 'approval.needed' && e.request.external)).toEqual([{ server: 'weather', tool: 'forecast', from: 'user' }]);
      expect(weather.calls).toEqual([{ city: 'Lyon' }]);
      expect(bodyText(server, 1)).toContain('weather__forecast(city)');
      expect(bodyText(server, 2)).toContain('Sunny and 21 °C in Lyon');
      // The gauge's tools share grows by the MCP tool's description on the step that routed it in.
      const toolShares = events.flatMap((e) => (e.type === 'budget' && e.report.source === 'estimate' ? [e.report.tools] : []));
      expect(toolShares[1]).toBeGreaterThan(toolShares[0]);
    } finally {
      await agent.shutdown();
    }
  });
});

describe('a workspace .mcp.json', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  /** A "server" that only proves it was started: it writes a marker file and exits. */
  function workspaceWithServer(): { root: string; marker: string } {
    const root = tmp('sc-mcp-untrusted-');
    // In the workspace: a workspace server runs in the sandbox where one exists, /tmp private.
    const marker = path.join(root, 'started');
    const script = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'yes')`;
    fs.writeFileSync(path.join(root, '.mcp.json'), JSON.stringify({ mcpServers: { repo: { command: process.execPath, args: ['-e', script] } } }));
    return { root, marker };
  }

  it('is not started headless while unapproved, not even with --yes', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [{ text: 'Done.' }] });
    const { root, marker } = workspaceWithServer();
    const r = await runCli(cli(server, 'use the repo tools', '--yes'), { cwd: root, env: { XDG_CONFIG_HOME: tmp('sc-xdg-') } });
    expect(r.code).toBe(0);
    expect(fs.existsSync(marker)).toBe(false);
    expect(r.stderr).toMatch(/MCP server repo not started: .*not approved/);
  });

  it('once approved, starts in a headless run only with --yes', async () => {
    const { root, marker } = workspaceWithServer();
    const xdg = tmp('sc-xdg-');
    const dir = path.join(xdg, 'smallcode');
    await createMcpTrust(root, dir).approve(loadMcpConfigs(root, dir).servers);
    server = await startScriptedServer({ kind: 'ollama', replies: [{ text: 'Done.' }, { text: 'Done.' }] });
    const without = await runCli(cli(server, 'use the repo tools'), { cwd: root, env: { XDG_CONFIG_HOME: xdg } });
    expect(without.stderr).toMatch(/MCP server repo not started: approved, but a headless run/);
    expect(fs.existsSync(marker)).toBe(false);
    await runCli(cli(server, 'use the repo tools', '--yes'), { cwd: root, env: { XDG_CONFIG_HOME: xdg } });
    expect(fs.existsSync(marker)).toBe(true);
  });
});

describe('smallcode doctor', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('lists each MCP server with its state, tools and their token cost, never starting an unapproved one', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [{ text: 'ok' }] });
    const root = tmp('sc-mcp-doctor-');
    const marker = path.join(root, 'started');
    const script = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'yes')`;
    fs.writeFileSync(path.join(root, '.mcp.json'), JSON.stringify({ mcpServers: { repo: { command: process.execPath, args: ['-e', script] } } }));
    const xdg = userConfig({
      memory: { command: process.execPath, args: [MEMORY_SERVER], env: { MEMORY_FILE_PATH: path.join(tmp('sc-mcp-mem-'), 'm.jsonl') } },
    });
    const args = ['doctor', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'];
    const r = await runCli(args, { cwd: root, env: { XDG_CONFIG_HOME: xdg } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^mcp +memory · ready · stdio · your mcp\.json · 9 tools, \d+ tokens of tool text$/m);
    expect(r.stdout).toMatch(/^mcp +repo · unapproved · stdio · workspace \.mcp\.json — .*\/mcp approve/m);
    expect(fs.existsSync(marker)).toBe(false);
    const json = JSON.parse((await runCli([...args, '--json'], { cwd: root, env: { XDG_CONFIG_HOME: xdg } })).stdout) as {
      mcp: { name: string; state: string }[];
    };
    expect(json.mcp.map((s) => [s.name, s.state])).toEqual([
      ['memory', 'ready'],
      ['repo', 'unapproved'],
    ]);
  });
});

describe('approving a workspace server in the workbench', () => {
  it('waits unapproved until /mcp approve, which starts it and is remembered for the next session', async () => {
    const root = tmp('sc-mcp-approve-');
    // In the workspace: the server may run in the sandbox, where only the workspace is writable.
    fs.writeFileSync(
      path.join(root, '.mcp.json'),
      JSON.stringify({
        mcpServers: { notes: { command: process.execPath, args: [MEMORY_SERVER], env: { MEMORY_FILE_PATH: path.join(root, 'notes.jsonl') } } },
      }),
    );
    const dir = path.join(tmp('sc-xdg-'), 'smallcode');
    const session = () =>
      createAgent({
        root,
        provider: createProvider({ provider: 'ollama', baseUrl: 'http://127.0.0.1:1', model: 'test-model' }),
        toolMode: 'auto',
        maxSteps: 1,
        interactive: true,
        autoApprove: false,
        allowlist: [],
        mcp: {
          servers: loadMcpConfigs(root, dir).servers,
          hostEnv: process.env,
          passEnv: [],
          trust: createMcpTrust(root, dir),
          mayStartWorkspace: true,
          allow: [],
        },
      });
    const first = session();
    const events: AgentEvent[] = [];
    first.subscribe((e) => events.push(e));
    try {
      await first.startMcp();
      expect(first.mcp?.servers()).toEqual([expect.objectContaining({ name: 'notes', origin: 'workspace', state: 'unapproved', tools: [] })]);
      expect(events.some((e) => e.type === 'mcp.server' && e.server.state === 'unapproved')).toBe(true);
      expect(await first.mcp?.approve([])).toBe('notes: ready');
      expect(first.mcp?.servers()[0].tools.length).toBe(9);
    } finally {
      await first.shutdown();
    }
    const second = session();
    try {
      await second.startMcp();
      expect(second.mcp?.servers()[0].state).toBe('ready');
    } finally {
      await second.shutdown();
    }
  });
});
