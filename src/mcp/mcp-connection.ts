// One live MCP server through the official SDK (loaded only when a server is configured, so a
// session without MCP never pays for it): connect over stdio or streamable HTTP, list the tools,
// call one with a timeout, and report when the connection dies.
import type { SandboxKind } from '../sandbox/types';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JsonSchema } from '../types/tool-spec';
import type { McpServerConfig } from './mcp-config';
import type { McpCallResult } from './mcp-result';
import { launchSpec } from './server-launch';
import { mcpSdk } from './mcp-sdk';

export interface McpToolInfo {
  name: string;
  description: string;
  inputSchema: JsonSchema;
}

export interface McpConnection {
  tools: McpToolInfo[];
  /** 'bwrap' when a workspace server runs confined; 'none' otherwise (and for HTTP servers). */
  sandbox: SandboxKind;
  call(tool: string, args: Record<string, unknown>, signal: AbortSignal): Promise<McpCallResult>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  root: string;
  hostEnv: Record<string, string | undefined>;
  passEnv: readonly string[];
  /** Called once when the connection ends without close() (a crash, a dropped session). */
  onLost(reason: string): void;
  /** The server announced a changed tool list (already re-read). */
  onToolsChanged?(tools: McpToolInfo[]): void;
  connectTimeoutMs?: number;
}

const STDERR_LINES = 5;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

async function transportFor(server: McpServerConfig, opts: ConnectOptions, stderrTail: string[]): Promise<{ transport: Transport; sandbox: SandboxKind }> {
  if (server.transport.kind === 'http') {
    const { StreamableHTTPClientTransport } = mcpSdk();
    const transport = new StreamableHTTPClientTransport(new URL(server.transport.url), { requestInit: { headers: server.transport.headers } });
    return { transport, sandbox: 'none' };
  }
  const { StdioClientTransport } = mcpSdk();
  const spec = await launchSpec(server, opts.root, opts.hostEnv, opts.passEnv);
  // stderr is kept (its last lines explain a crash), never inherited: it would draw over the workbench.
  const transport = new StdioClientTransport({ command: spec.command, args: spec.args, env: spec.env, cwd: spec.cwd, stderr: 'pipe' });
  transport.stderr?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) stderrTail.push(line.trim());
    stderrTail.splice(0, Math.max(0, stderrTail.length - STDERR_LINES));
  });
  return { transport, sandbox: spec.sandbox };
}

function toolInfo(t: { name: string; title?: string; description?: string; inputSchema: unknown }): McpToolInfo {
  return { name: t.name, description: t.description ?? t.title ?? '', inputSchema: t.inputSchema as JsonSchema };
}

export async function connectMcp(server: McpServerConfig, opts: ConnectOptions): Promise<McpConnection> {
  const { Client: ClientClass } = mcpSdk();
  const stderrTail: string[] = [];
  const { transport, sandbox } = await transportFor(server, opts, stderrTail);
  const listChanged = {
    tools: {
      onChanged: (error: Error | null, tools: { name: string; title?: string; description?: string; inputSchema: unknown }[] | null) => {
        if (!error && tools) opts.onToolsChanged?.(tools.map(toolInfo));
      },
    },
  };
  const client: Client = new ClientClass({ name: 'smallcode', version: '0.1.0' }, { capabilities: {}, listChanged });
  let closing = false;
  let lost = false;
  const lose = (reason: string) => {
    if (closing || lost) return;
    lost = true;
    const said = stderrTail.length ? ` (${stderrTail[stderrTail.length - 1]})` : '';
    opts.onLost(`${reason}${said}`);
  };
  client.onclose = () => lose('the server closed the connection');
  const timeoutMs = opts.connectTimeoutMs ?? 30_000;
  try {
    await withTimeout(client.connect(transport), timeoutMs, `MCP server "${server.name}"`);
    const listed = await withTimeout(client.listTools(), timeoutMs, `MCP server "${server.name}"`);
    const tools = listed.tools.map(toolInfo);
    return {
      tools,
      sandbox,
      async call(tool, args, signal) {
        try {
          const result = await client.callTool({ name: tool, arguments: args }, undefined, { signal, timeout: server.timeoutMs });
          return result as McpCallResult;
        } catch (err) {
          // A dead server's last words explain the failure better than "connection closed".
          const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
          const last = stderrTail[stderrTail.length - 1];
          throw new Error(last && /closed/i.test(message) ? `${message} (${last})` : message);
        }
      },
      async close() {
        closing = true;
        await client.close().catch(() => undefined);
      },
    };
  } catch (err) {
    closing = true;
    await client.close().catch(() => undefined);
    const said = stderrTail.length ? ` — it said: ${stderrTail[stderrTail.length - 1]}` : '';
    throw new Error(`${err instanceof Error ? err.message.split('\n')[0] : String(err)}${said}`);
  }
}
