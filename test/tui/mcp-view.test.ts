// What /mcp shows: each server's state, origin, sandbox, tools and their token cost.
import { mcpLines } from '../../src/tui/mcp-view';

test('lists servers with state, origin, tools and token cost, and says how to approve', () => {
  const lines = mcpLines([
    {
      name: 'memory',
      origin: 'user',
      transport: 'stdio',
      state: 'ready',
      sandbox: 'none',
      tools: [
        { name: 'memory__read_graph', tokens: 14, risk: 'read' },
        { name: 'memory__create_entities', tokens: 27, risk: 'exec' },
      ],
    },
    { name: 'repo', origin: 'workspace', transport: 'stdio', state: 'unapproved', message: 'not approved yet', tools: [] },
  ]);
  expect(lines).toEqual([
    'MCP servers (2) — /mcp approve [NAME] starts workspace servers, /mcp restart NAME',
    'memory · ready · stdio · your mcp.json · 2 tools, 41 tokens of tool text',
    '  memory__read_graph 14 (read-only) · memory__create_entities 27',
    'repo · unapproved · stdio · workspace .mcp.json — not approved yet',
  ]);
});

test('says where servers are configured when there are none', () => {
  expect(mcpLines([])).toEqual([expect.stringMatching(/^no MCP servers configured — add them to \.mcp\.json .* or mcp\.json/)]);
});
