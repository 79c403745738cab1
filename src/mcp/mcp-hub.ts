// All of the user's MCP servers for one session: which may start (a workspace server only after
// the user's one-time approval, and in a headless run only with --yes or the user's allow
// setting), their state, their live tools, and what happens when one dies: its tools leave the
// router at once and the session hears about it in one line, until the server is restarted.
import type { Tool } from '../tools/types';
import { signatureLine } from '../tools/tool-text';
import { createTokenCounter } from '../context/token-counter';
import type { McpServerConfig } from './mcp-config';
import { connectMcp, type McpConnection } from './mcp-connection';
import type { McpTrust } from './mcp-trust';
import { mcpTool } from './mcp-tool';
import type { McpCallResult } from './mcp-result';
import type { McpServerState, McpServerStatus } from './mcp-status';

export interface McpHubOptions {
  servers: McpServerConfig[];
  root: string;
  hostEnv: Record<string, string | undefined>;
  passEnv: readonly string[];
  trust: McpTrust;
  /** Someone can approve things (the workbench) or --yes was given: approved workspace servers may start. */
  mayStartWorkspace: boolean;
  /** SMALLCODE_MCP_ALLOW from the user's own places: workspace server names (or `all`) approved without asking. */
  allow: readonly string[];
  /** A server changed state (the agent turns it into an event, and a failure into one chat line). */
  onChange(status: McpServerStatus): void;
}

export interface McpHub {
  /** Starts every server allowed to start; resolves when each is ready or has failed. */
  start(): Promise<void>;
  /** The live tools of the ready servers, in config order. */
  tools(): Tool[];
  servers(): McpServerStatus[];
  /** Approves workspace servers (all waiting ones when `names` is empty), remembers it, starts them. */
  approve(names: string[]): Promise<string>;
  restart(name: string): Promise<string>;
  close(): Promise<void>;
}

interface Entry {
  config: McpServerConfig;
  state: McpServerState;
  message?: string;
  connection?: McpConnection;
  tools: Tool[];
}

export function createMcpHub(opts: McpHubOptions): McpHub {
  const counter = createTokenCounter();
  const entries: Entry[] = opts.servers.map((config) => ({ config, state: 'stopped', tools: [] }));
  const byName = (name: string) => entries.find((e) => e.config.name === name);

  const status = (e: Entry): McpServerStatus => ({
    name: e.config.name,
    origin: e.config.origin,
    transport: e.config.transport.kind,
    state: e.state,
    ...(e.message ? { message: e.message } : {}),
    ...(e.connection ? { sandbox: e.connection.sandbox } : {}),
    tools: e.tools.map((t) => ({ name: t.name, tokens: counter.count(signatureLine(t)), risk: t.risk })),
  });
  const set = (e: Entry, state: McpServerState, message?: string) => {
    e.state = state;
    e.message = message;
    opts.onChange(status(e));
  };

  /** A call failed because the server is gone or stopped answering: out of the router until restarted. */
  /** Takes the entry's connection (and with it its tools) off the router; the caller closes it. */
  const detach = (e: Entry) => {
    const conn = e.connection;
    e.connection = undefined;
    e.tools = [];
    return conn;
  };
  const fail = (e: Entry, why: string) => {
    if (e.state !== 'ready') return;
    const conn = detach(e);
    set(e, 'failed', why);
    void conn?.close();
  };

  const call = async (server: string, tool: string, args: Record<string, unknown>, signal: AbortSignal): Promise<McpCallResult> => {
    const e = byName(server);
    if (!e?.connection) throw new Error(`the MCP server "${server}" is not running`);
    try {
      return await e.connection.call(tool, args, signal);
    } catch (err) {
      const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
      // A cancelled call is the user's doing; a timeout or a dead connection is the server's.
      if (!signal.aborted && /timed? ?out|closed|not connected|EPIPE|ECONNRESET|ECONNREFUSED|fetch failed/i.test(message)) fail(e, message);
      throw err;
    }
  };

  async function startOne(e: Entry): Promise<void> {
    if (e.state === 'starting' || e.state === 'ready') return;
    set(e, 'starting');
    try {
      const conn = await connectMcp(e.config, {
        root: opts.root,
        hostEnv: opts.hostEnv,
        passEnv: opts.passEnv,
        onLost: (reason) => fail(e, reason),
        // A server may change its tools (a login, a plugin): the router sees the new list at once.
        onToolsChanged: (tools) => {
          if (e.state !== 'ready') return;
          e.tools = tools.map((info) => mcpTool(e.config, info, call));
          opts.onChange(status(e));
        },
      });
      e.connection = conn;
      e.tools = conn.tools.map((info) => mcpTool(e.config, info, call));
      set(e, 'ready');
    } catch (err) {
      e.tools = [];
      set(e, 'failed', err instanceof Error ? err.message.split('\n')[0] : String(err));
    }
  }

  /** Whether a server may start now, or the state that says why not. */
  function gate(e: Entry): 'go' | McpServerState {
    if (e.config.origin === 'user') return 'go';
    const allowed = opts.allow.includes('all') || opts.allow.includes(e.config.name);
    if (allowed) return 'go';
    if (!opts.trust.approved(e.config)) return 'unapproved';
    return opts.mayStartWorkspace ? 'go' : 'blocked';
  }

  const why: Partial<Record<McpServerState, string>> = {
    unapproved: 'from the workspace .mcp.json and not approved yet — /mcp approve in the workbench starts it',
    blocked: 'approved, but a headless run starts workspace servers only with --yes (or SMALLCODE_MCP_ALLOW in your own config)',
  };

  return {
    async start() {
      await Promise.all(
        entries.map((e) => {
          const g = gate(e);
          if (g === 'go') return startOne(e);
          set(e, g, why[g]);
          return undefined;
        }),
      );
    },
    tools: () => entries.flatMap((e) => (e.state === 'ready' ? e.tools : [])),
    servers: () => entries.map(status),
    async approve(names) {
      const waiting = entries.filter((e) => e.config.origin === 'workspace' && e.state !== 'ready' && (names.length === 0 || names.includes(e.config.name)));
      const unknown = names.filter((n) => !byName(n));
      if (unknown.length > 0) return `no MCP server named ${unknown.join(', ')} — /mcp lists them`;
      if (waiting.length === 0) return 'no workspace MCP server is waiting for approval';
      await opts.trust.approve(waiting.map((e) => e.config));
      await Promise.all(waiting.map(startOne));
      return waiting.map((e) => `${e.config.name}: ${e.state}${e.message ? ` (${e.message})` : ''}`).join('; ');
    },
    async restart(name) {
      const e = byName(name);
      if (!e) return `no MCP server named ${name} — /mcp lists them`;
      const g = gate(e);
      if (g !== 'go') return `${name} is ${g}: ${why[g] ?? ''}`;
      const conn = detach(e);
      e.state = 'stopped';
      await conn?.close();
      await startOne(e);
      return `${name}: ${e.state}${e.message ? ` (${e.message})` : `, ${e.tools.length} tools`}`;
    },
    async close() {
      await Promise.all(
        entries.map(async (e) => {
          const conn = detach(e);
          e.state = 'stopped';
          await conn?.close();
        }),
      );
    },
  };
}
