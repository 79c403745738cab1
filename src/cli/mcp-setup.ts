// The MCP part of a session's setup: both config files read, the workspace approval store, and
// who may start a workspace server — the same for `run` and the workbench. Nothing here loads the
// SDK: that happens only when a server actually starts.
import * as path from 'node:path';
import type { Config } from '../config/config';
import type { AgentOptions } from '../agent/controller';
import { loadMcpConfigs } from '../mcp/mcp-config';
import { createMcpTrust } from '../mcp/mcp-trust';
import { createMcpHub } from '../mcp/mcp-hub';
import type { McpServerStatus } from '../mcp/mcp-status';

/** The user config dir (where mcp.json and the approvals live), or undefined without HOME. */
function userConfigDir(config: Config): string | undefined {
  return config.userConfigPath ? path.dirname(config.userConfigPath) : undefined;
}

export function mcpOptions(config: Config, who: { interactive: boolean; autoApprove: boolean }): { mcp?: AgentOptions['mcp']; problems: string[] } {
  const dir = userConfigDir(config);
  const loaded = loadMcpConfigs(config.root, dir);
  if (loaded.servers.length === 0) return { problems: loaded.problems };
  // SMALLCODE_MCP_ALLOW is not a workspace setting: config.env carries it only from the user's own
  // places (flags, environment, user config).
  const allow = (config.env.SMALLCODE_MCP_ALLOW ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    mcp: {
      servers: loaded.servers,
      hostEnv: config.env,
      passEnv: config.passEnv,
      trust: createMcpTrust(config.root, dir),
      mayStartWorkspace: who.interactive || who.autoApprove,
      allow,
    },
    problems: loaded.problems,
  };
}

/** doctor: every configured server tried as a session would (an unapproved workspace server is
 * not started), with its state, tools and their token cost; then all stopped again. */
export async function mcpReport(config: Config): Promise<{ servers: McpServerStatus[]; problems: string[] }> {
  const { mcp, problems } = mcpOptions(config, { interactive: true, autoApprove: false });
  if (!mcp) return { servers: [], problems };
  const hub = createMcpHub({ ...mcp, root: config.root, onChange: () => undefined });
  try {
    await hub.start();
    return { servers: hub.servers(), problems };
  } finally {
    await hub.close();
  }
}

/** One doctor row per server (and one per tool list). */
export function mcpDoctorLines(servers: McpServerStatus[]): string[] {
  return servers.map((s) => {
    const tokens = s.tools.reduce((n, t) => n + t.tokens, 0);
    const where = s.origin === 'workspace' ? 'workspace .mcp.json' : 'your mcp.json';
    const tools = s.state === 'ready' ? ` · ${s.tools.length} tools, ${tokens} tokens of tool text` : '';
    return `${'mcp'.padEnd(18)} ${s.name} · ${s.state} · ${s.transport}${s.sandbox && s.sandbox !== 'none' ? `, sandboxed (${s.sandbox})` : ''} · ${where}${tools}${s.message ? ` — ${s.message}` : ''}`;
  });
}
