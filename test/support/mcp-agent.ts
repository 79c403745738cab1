// An agent on the scripted Ollama server with the MCP servers of a user config dir (and the
// workspace's .mcp.json) behind its router, as the MCP integration tests build it.
import { createAgent, type Agent } from '../../src/agent/controller';
import { loadMcpConfigs } from '../../src/mcp/mcp-config';
import { createMcpTrust } from '../../src/mcp/mcp-trust';
import { createProvider } from '../../src/providers/index';

export function mcpAgent(o: { root: string; dir: string; url: string; maxSteps: number; interactive: boolean; autoApprove: boolean }): Agent {
  return createAgent({
    root: o.root,
    provider: createProvider({ provider: 'ollama', baseUrl: o.url, model: 'test-model' }),
    toolMode: 'auto',
    maxSteps: o.maxSteps,
    interactive: o.interactive,
    autoApprove: o.autoApprove,
    allowlist: [],
    mcp: {
      servers: loadMcpConfigs(o.root, o.dir).servers,
      hostEnv: process.env,
      passEnv: [],
      trust: createMcpTrust(o.root, o.dir),
      mayStartWorkspace: true,
      allow: [],
    },
  });
}
