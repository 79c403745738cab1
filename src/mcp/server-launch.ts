// How a stdio MCP server is started: an environment built from the same allow-list commands get
// (the user's secrets never reach a server unless its entry names them), `${VAR}` expanded only in
// the user's own mcp.json, and a workspace server confined by bubblewrap where it is available.
import * as path from 'node:path';
import { commandEnv } from '../sandbox/command-env';
import { bwrapArgs } from '../sandbox/bwrap-args';
import { credentialPaths } from '../sandbox/credential-paths';
import { findOnPath, probeSandbox } from '../sandbox/probe';
import type { McpServerConfig } from './mcp-config';

export interface LaunchSpec {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** How it is confined, for /mcp and doctor. */
  sandbox: 'bwrap' | 'none';
}

/** `${VAR}` and `${VAR:-default}` from the host environment (user config only). */
export function expandVars(value: string, host: Record<string, string | undefined>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g, (_m, name: string, dflt: string | undefined) => host[name] ?? dflt ?? '');
}

export async function launchSpec(
  server: McpServerConfig,
  root: string,
  host: Record<string, string | undefined>,
  passEnv: readonly string[],
): Promise<LaunchSpec> {
  if (server.transport.kind !== 'stdio') throw new Error('launchSpec: not a stdio server');
  const t = server.transport;
  const user = server.origin === 'user';
  const own: Record<string, string> = {};
  for (const [k, v] of Object.entries(t.env)) own[k] = user ? expandVars(v, host) : v;
  const args = user ? t.args.map((a) => expandVars(a, host)) : t.args;
  const cwd = t.cwd ? path.resolve(root, t.cwd) : root;
  const env = { ...commandEnv(host, passEnv), ...own };
  // The user chose their own servers (they may need the user's files); a repository's server runs
  // confined: the disk read-only except the workspace, credentials hidden. Servers often fetch
  // things, so the network stays open.
  const status = user ? undefined : await probeSandbox(host.PATH ?? process.env.PATH);
  if (status?.kind === 'bwrap') {
    const bwrap = findOnPath('bwrap', host.PATH ?? process.env.PATH) ?? 'bwrap';
    const plan = { root, network: true, hidden: credentialPaths(host.HOME), readOnly: [] };
    return { command: bwrap, args: [...bwrapArgs(plan), '--chdir', cwd, '--', t.command, ...args], env, cwd, sandbox: 'bwrap' };
  }
  return { command: t.command, args, env, cwd, sandbox: 'none' };
}
