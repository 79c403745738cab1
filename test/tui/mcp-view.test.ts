// What /mcp shows: each server's state, origin, sandbox, tools and their token cost.
import { mcpLines } from '../../src/tui/mcp-view';
import { approvalLayout } from '../../src/tui/approval-view';
import { reduce } from '../../src/tui/store';
import { initialState } from '../../src/tui/state';
import { monochromeTheme } from '../../src/tui/theme';

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

test('the approval dialog names the MCP server, the tool, where the server comes from, and the arguments', () => {
  const request = {
    id: 'm1',
    call: { id: 'm1', name: 'weather__forecast', arguments: { city: 'Lyon' } },
    risk: 'exec' as const,
    external: { server: 'weather', tool: 'forecast', from: 'workspace' as const },
  };
  const s = reduce(initialState({ server: 's', model: 'm', contextWindow: 8192 }), { type: 'approval.needed', request });
  const text = approvalLayout(s, 80, 20, monochromeTheme())
    .lines.map((l) => l.replace(/\{[^}]*\}/g, ''))
    .join('\n');
  expect(text).toContain('Call forecast on MCP server weather?');
  expect(text).toContain('"city":"Lyon"');
  expect(text).toMatch(/workspace’s \.mcp\.json/);
});
