// The user's MCP servers, read from the files they already have: `.mcp.json` at the workspace root
// (as Claude Code writes it; untrusted) and `mcp.json` in the user config dir (trusted).
import * as fs from 'node:fs';
import * as path from 'node:path';

export type McpOrigin = 'user' | 'workspace';

export type McpTransport =
  | { kind: 'stdio'; command: string; args: string[]; env: Record<string, string>; cwd?: string }
  | { kind: 'http'; url: string; headers: Record<string, string> };

export interface McpServerConfig {
  /** The name tools are prefixed with (`name__tool`): letters, digits, `-` and `_`. */
  name: string;
  origin: McpOrigin;
  /** The file it came from, for messages. */
  file: string;
  transport: McpTransport;
  /** User config only: every tool of this server reads and changes nothing (no approval asked). */
  readOnly: boolean;
  /** User config only: these tools (their MCP names) read and change nothing. */
  readOnlyTools: string[];
  /** Per-call timeout in ms (default 60 s). */
  timeoutMs: number;
}

export interface McpConfigs {
  servers: McpServerConfig[];
  /** One line each: a file that does not parse, a server entry that is skipped and why. */
  problems: string[];
}

const WORKSPACE_MCP_FILE = '.mcp.json';
const USER_MCP_FILE = 'mcp.json';
const DEFAULT_TIMEOUT_MS = 60_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function stringMap(v: unknown): Record<string, string> | undefined {
  if (v === undefined) return {};
  if (!isObject(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(v)) {
    if (typeof value !== 'string') return undefined;
    out[k] = value;
  }
  return out;
}

function stringList(v: unknown): string[] | undefined {
  if (v === undefined) return [];
  return Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : undefined;
}

/** One server entry, or why it is skipped. */
function parseServer(name: string, raw: unknown, origin: McpOrigin, file: string): McpServerConfig | string {
  const where = `${file}: server "${name}"`;
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(name) || name.includes('__')) return `${where} skipped: use a name of letters, digits, - and _ (no "__"), at most 32 long`;
  if (!isObject(raw)) return `${where} skipped: expected an object with "command" or "url"`;
  const type = typeof raw.type === 'string' ? raw.type : undefined;
  if (type === 'sse') return `${where} skipped: the old SSE transport is not supported — use the server's streamable HTTP endpoint ("type": "http")`;
  // Trust settings count only in the user's own file: a cloned repository cannot mark its server safe.
  const trusted = origin === 'user';
  const readOnlyTools = trusted ? stringList(raw.readOnlyTools) : [];
  if (readOnlyTools === undefined) return `${where} skipped: "readOnlyTools" must be a list of tool names`;
  const timeout = raw.timeout === undefined ? DEFAULT_TIMEOUT_MS : Number(raw.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) return `${where} skipped: "timeout" must be a positive number of milliseconds`;
  const common = { name, origin, file, readOnly: trusted && raw.readOnly === true, readOnlyTools, timeoutMs: timeout };
  if (typeof raw.url === 'string') {
    let url: URL;
    try {
      url = new URL(raw.url);
    } catch {
      return `${where} skipped: "url" is not a URL`;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${where} skipped: "url" must start with http:// or https://`;
    const headers = stringMap(raw.headers);
    if (!headers) return `${where} skipped: "headers" must map names to strings`;
    return { ...common, transport: { kind: 'http', url: url.toString(), headers } };
  }
  if (typeof raw.command !== 'string' || raw.command.trim() === '') return `${where} skipped: give "command" (stdio) or "url" (streamable HTTP)`;
  const args = stringList(raw.args);
  if (!args) return `${where} skipped: "args" must be a list of strings`;
  const env = stringMap(raw.env);
  if (!env) return `${where} skipped: "env" must map names to strings`;
  const cwd = typeof raw.cwd === 'string' ? raw.cwd : undefined;
  return { ...common, transport: { kind: 'stdio', command: raw.command, args, env, ...(cwd ? { cwd } : {}) } };
}

/** The servers of one file's text (`{"mcpServers": {...}}`). */
export function parseMcpFile(text: string, origin: McpOrigin, file: string): McpConfigs {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { servers: [], problems: [`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)}) — no MCP servers read from it`] };
  }
  if (!isObject(json) || !isObject(json.mcpServers)) return { servers: [], problems: [`${file}: expected {"mcpServers": {"name": {...}}}`] };
  const servers: McpServerConfig[] = [];
  const problems: string[] = [];
  for (const [name, raw] of Object.entries(json.mcpServers)) {
    const parsed = parseServer(name, raw, origin, file);
    if (typeof parsed === 'string') problems.push(parsed);
    else servers.push(parsed);
  }
  return { servers, problems };
}

function readIfThere(file: string, origin: McpOrigin): McpConfigs {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { servers: [], problems: [] } : { servers: [], problems: [`${file}: cannot be read (${code})`] };
  }
  return parseMcpFile(text, origin, file);
}

/**
 * Both files. A workspace server with the name of a user server is skipped: the user's own entry
 * wins, so a repository cannot shadow a server the user trusts.
 */
export function loadMcpConfigs(root: string, userConfigDir: string | undefined): McpConfigs {
  const user = userConfigDir ? readIfThere(path.join(userConfigDir, USER_MCP_FILE), 'user') : { servers: [], problems: [] };
  const workspace = readIfThere(path.join(root, WORKSPACE_MCP_FILE), 'workspace');
  const taken = new Set(user.servers.map((s) => s.name));
  const problems = [...user.problems, ...workspace.problems];
  const servers = [...user.servers];
  for (const s of workspace.servers) {
    if (taken.has(s.name)) problems.push(`${s.file}: server "${s.name}" skipped: your own ${USER_MCP_FILE} defines a server of that name`);
    else servers.push(s);
  }
  return { servers, problems };
}
