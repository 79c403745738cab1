// What the rest of SmallCode sees of an MCP server: its state, its tools and what their
// descriptions cost. Plain data for events, /mcp and doctor.
import type { SandboxKind } from '../sandbox/types';

/** `unapproved`: a workspace server the user has not approved; `blocked`: approved, but this
 * headless run has no --yes; `failed`: it did not start, crashed or stopped answering. */
export type McpServerState = 'unapproved' | 'blocked' | 'starting' | 'ready' | 'failed' | 'stopped';

export interface McpServerStatus {
  name: string;
  origin: 'user' | 'workspace';
  transport: 'stdio' | 'http';
  state: McpServerState;
  /** Why it is not running, in one line. */
  message?: string;
  /** How a stdio server is confined. */
  sandbox?: SandboxKind;
  /** Its tools as the model sees them (`server__tool`), with the tokens each description costs. */
  tools: { name: string; tokens: number; risk: 'read' | 'write' | 'exec' }[];
}
