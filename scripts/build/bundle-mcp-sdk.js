// Build step after tsc: the MCP client, bundled into dist/vendor/mcp-sdk.js. The SDK package
// pulls 29 MB of dependencies (express, hono, zod, ajv…) mostly for servers; the client part
// bundles to a fraction of that, and is loaded only when an MCP server is configured.
'use strict';
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..', '..');
esbuild.buildSync({
  entryPoints: [path.join(__dirname, 'mcp-sdk-entry.mjs')],
  outfile: path.join(root, 'dist', 'vendor', 'mcp-sdk.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'external',
  logLevel: 'warning',
});
