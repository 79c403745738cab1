// A streamable HTTP MCP server built with the official SDK, for tests: stateless, tools
// `forecast` (answers at once) and `slow` (never answers: a server that hangs).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

export interface WeatherServer {
  url: string;
  /** The arguments of every call, in order. */
  calls: unknown[];
  close(): Promise<void>;
}

export async function startWeatherServer(): Promise<WeatherServer> {
  const calls: unknown[] = [];
  const open = new Set<http.ServerResponse>();
  const httpServer = http.createServer(async (req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    const mcp = new Server({ name: 'weather', version: '1.0.0' }, { capabilities: { tools: {} } });
    mcp.setRequestHandler(ListToolsRequestSchema, async () => ({
      tools: [
        {
          name: 'forecast',
          description: 'Get the weather forecast for a city. Returns the sky and the temperature.',
          inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
        { name: 'slow', description: 'Get the slow weather report (never answers).', inputSchema: { type: 'object', properties: {} } },
      ],
    }));
    mcp.setRequestHandler(CallToolRequestSchema, async (request) => {
      calls.push(request.params.arguments);
      if (request.params.name === 'slow') return new Promise<never>(() => undefined);
      return { content: [{ type: 'text', text: `Sunny and 21 °C in ${String(request.params.arguments?.city)}` }] };
    });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => void transport.close());
    await mcp.connect(transport);
    await transport.handleRequest(req, res);
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    calls,
    close: () =>
      new Promise((resolve) => {
        for (const res of open) res.destroy();
        httpServer.close(() => resolve());
      }),
  };
}
