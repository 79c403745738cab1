// How a stdio MCP server is started: an environment built from the same allow-list commands get
// (the user's secrets never reach a server unless its entry names them), `${VAR}` expanded only in
// the user's own mcp.json, and a workspace server confined by the sandbox commands use (bubblewrap,
// sandbox-exec) where there is one.
import type { SandboxKind, SandboxStatus } from '../sandbox/types';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandEnv } from '../sandbox/command-env';
import { credentialPaths } from '../sandbox/credential-paths';
import { probeSandbox } from '../sandbox/probe';
import { sandboxedArgv } from '../sandbox/sandbox-argv';
import { tmpBindsFor } from '../sandbox/tmp-binds';
import type { McpServerConfig } from './mcp-config';

export interface LaunchSpec {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** How it is confined, for /mcp and doctor. */
  sandbox: SandboxKind;
}

/** Cache folders a sandboxed server gets as private scratch space (npx, uvx and kin write there). */
const PRIVATE_CACHES = ['.npm', '.cache'];

/** `${VAR}` and `${VAR:-default}` from the host environment (user config only). */
export function expandVars(value: string, host: Record<string, string | undefined>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g, (_m, name: string, dflt: string | undefined) => host[name] ?? dflt ?? '');
}

/** `sandbox`: the sandbox this machine offers (probed when not given). */
export async function launchSpec(
  server: McpServerConfig,
  root: string,
  host: Record<string, string | undefined>,
  passEnv: readonly string[],
  sandbox?: SandboxStatus,
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
  const status = user ? undefined : (sandbox ?? (await probeSandbox(host.PATH ?? process.env.PATH)));
  const plan = {
    root,
    network: true,
    hidden: status && status.kind !== 'none' ? credentialPaths(host.HOME) : [],
    readOnly: tmpBindsFor([t.command, ...args], root),
  };
  if (status && status.kind !== 'none') {
    // npx and uvx write their caches: a private, throw-away one (a workspace server must not be
    // able to plant packages in the user's real cache).
    const caches = host.HOME ? PRIVATE_CACHES.map((c) => path.join(host.HOME!, c)).filter((c) => fs.existsSync(c)) : [];
    const extra = [...caches.flatMap((c) => ['--tmpfs', c]), '--chdir', cwd];
    const [command, ...wrapped] = sandboxedArgv(status.kind, plan, [t.command, ...args], host.PATH, extra);
    return { command, args: wrapped, env, cwd, sandbox: status.kind };
  }
  return { command: t.command, args, env, cwd, sandbox: 'none' };
}
