// What /mcp shows: each MCP server with its state, where it came from, its tools and what their
// descriptions cost in tokens when routed in. A pure view of the agent's server list.
import type { AgentHandle } from '../agent/types';

type Servers = ReturnType<NonNullable<AgentHandle['mcp']>['servers']>;

export function mcpLines(servers: Servers): string[] {
  if (servers.length === 0) return ['no MCP servers configured — add them to .mcp.json in the workspace or mcp.json in your config dir'];
  const out = [`MCP servers (${servers.length}) — /mcp approve [NAME] starts workspace servers, /mcp restart NAME`];
  for (const s of servers) {
    const tokens = s.tools.reduce((n, t) => n + t.tokens, 0);
    const where = s.origin === 'workspace' ? 'workspace .mcp.json' : 'your mcp.json';
    const sandbox = s.sandbox && s.sandbox !== 'none' ? `, sandboxed (${s.sandbox})` : '';
    const tools = s.state === 'ready' ? ` · ${s.tools.length} tools, ${tokens} tokens of tool text` : '';
    out.push(`${s.name} · ${s.state} · ${s.transport}${sandbox} · ${where}${tools}${s.message ? ` — ${s.message}` : ''}`);
    if (s.tools.length > 0) out.push(`  ${s.tools.map((t) => `${t.name} ${t.tokens}${t.risk === 'read' ? ' (read-only)' : ''}`).join(' · ')}`);
  }
  return out;
}
