// Loads the MCP client: the bundle `npm run build` writes (dist/vendor/mcp-sdk.js, all an
// installed package has), or the SDK itself when running from source before a build.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../util/package-root';

export interface McpSdk {
  Client: typeof import('@modelcontextprotocol/sdk/client/index.js').Client;
  StdioClientTransport: typeof import('@modelcontextprotocol/sdk/client/stdio.js').StdioClientTransport;
  StreamableHTTPClientTransport: typeof import('@modelcontextprotocol/sdk/client/streamableHttp.js').StreamableHTTPClientTransport;
}

let loaded: McpSdk | undefined;

export function mcpSdk(): McpSdk {
  if (loaded) return loaded;
  const bundle = path.join(packageRoot(), 'dist', 'vendor', 'mcp-sdk.js');
  if (fs.existsSync(bundle)) loaded = require(bundle) as McpSdk;
  else
    loaded = {
      Client: (require('@modelcontextprotocol/sdk/client/index.js') as typeof import('@modelcontextprotocol/sdk/client/index.js')).Client,
      StdioClientTransport: (require('@modelcontextprotocol/sdk/client/stdio.js') as typeof import('@modelcontextprotocol/sdk/client/stdio.js'))
        .StdioClientTransport,
      StreamableHTTPClientTransport: (
        require('@modelcontextprotocol/sdk/client/streamableHttp.js') as typeof import('@modelcontextprotocol/sdk/client/streamableHttp.js')
      ).StreamableHTTPClientTransport,
    };
  return loaded;
}
