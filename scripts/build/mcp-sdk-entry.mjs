// The parts of the MCP SDK SmallCode uses: a client and its two transports. Bundled by
// bundle-mcp-sdk.js so the package does not install the SDK's server-side dependencies.
export { Client } from '@modelcontextprotocol/sdk/client/index.js';
export { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
export { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
