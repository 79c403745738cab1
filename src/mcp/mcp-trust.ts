// The one-time approval of a workspace's MCP servers, remembered per workspace in the user config
// dir (never in the workspace, which could approve itself). An approval names the server's exact
// launch settings: a repository that later changes its command or URL must be approved again.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { writeFileAtomic } from '../workspace/atomic-write';
import type { McpServerConfig } from './mcp-config';

const TRUST_FILE = 'mcp-approved.json';

type TrustFile = { workspaces: Record<string, Record<string, string>> };

/** What is approved: the transport (command, args, env, or URL and headers), nothing else. */
function fingerprint(server: McpServerConfig): string {
  return createHash('sha256').update(JSON.stringify(server.transport)).digest('hex').slice(0, 16);
}

function read(file: string): TrustFile {
  try {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    if (typeof json === 'object' && json !== null && 'workspaces' in json && typeof json.workspaces === 'object' && json.workspaces !== null) {
      return json as TrustFile;
    }
  } catch {
    // Missing or unreadable: nothing approved yet.
  }
  return { workspaces: {} };
}

export interface McpTrust {
  /** The user approved this workspace server as it is configured now. */
  approved(server: McpServerConfig): boolean;
  /** Remembers the approval (an atomic write of the trust file). */
  approve(servers: McpServerConfig[]): Promise<void>;
}

/** `userConfigDir` undefined (no HOME): approvals last for this session only. */
export function createMcpTrust(root: string, userConfigDir: string | undefined): McpTrust {
  const file = userConfigDir ? path.join(userConfigDir, TRUST_FILE) : undefined;
  const session = new Map<string, string>();
  return {
    approved(server) {
      const fp = fingerprint(server);
      if (session.get(server.name) === fp) return true;
      return file ? read(file).workspaces[root]?.[server.name] === fp : false;
    },
    async approve(servers) {
      for (const s of servers) session.set(s.name, fingerprint(s));
      if (!file) return;
      const data = read(file);
      const entry = { ...(data.workspaces[root] ?? {}) };
      for (const s of servers) entry[s.name] = fingerprint(s);
      data.workspaces[root] = entry;
      await writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
    },
  };
}
