// An MCP server's tool as one of ours: named `server__tool`, described in one short line like our
// own tools, `exec` risk unless the user's own config marks it read-only, and its result turned
// into text for the model (the agent caps it like any other output).
import type { Tool, ToolResult } from '../tools/types';
import { toolError, toolOk } from '../tools/result';
import type { McpServerConfig } from './mcp-config';
import type { McpToolInfo } from './mcp-connection';
import { mcpResultText, type McpCallResult } from './mcp-result';

/** Runs one call on the live server (the hub: it also notices a crash or a timeout). */
export type McpCaller = (server: string, tool: string, args: Record<string, unknown>, signal: AbortSignal) => Promise<McpCallResult>;

const MAX_DESCRIPTION = 110;

function mcpToolName(server: string, tool: string): string {
  return `${server}__${tool.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 64);
}

/** The first sentence or line, at most ~110 characters: small models need the gist, not the manual. */
export function shortDescription(text: string): string {
  const first =
    text
      .trim()
      .split(/\n|(?<=[.!?])\s/)[0]
      ?.trim() ?? '';
  if (first.length <= MAX_DESCRIPTION) return first;
  return `${first.slice(0, MAX_DESCRIPTION - 1).replace(/\s+\S*$/, '')}…`;
}

export function mcpTool(server: McpServerConfig, info: McpToolInfo, call: McpCaller): Tool {
  const name = mcpToolName(server.name, info.name);
  const readOnly = server.readOnly || server.readOnlyTools.includes(info.name);
  const schema = info.inputSchema && typeof info.inputSchema === 'object' ? info.inputSchema : { type: 'object' };
  return {
    name,
    description: shortDescription(info.description) || `${info.name} (MCP server ${server.name})`,
    parameters: { type: 'object', ...schema },
    risk: readOnly ? 'read' : 'exec',
    external: { server: server.name, tool: info.name, from: server.origin },
    async run(args, ctx): Promise<ToolResult> {
      try {
        const result = await call(server.name, info.name, args, ctx.signal);
        const { text, ok } = mcpResultText(result);
        const lines = text.split('\n').length;
        // Cards and the headless printer show the name already: the summary is the gist.
        const first = text.split('\n')[0].trim();
        const gist = first.length > 60 ? `${first.slice(0, 59)}…` : first;
        if (!ok) return { ok: false, forModel: `${name} reported an error:\n${text}`, summary: `error: ${gist}`, details: { kind: 'text' } };
        return toolOk(text, `${gist} · ${lines} line${lines === 1 ? '' : 's'}`, { kind: 'text' });
      } catch (err) {
        if (ctx.signal.aborted) return toolError('cancelled', `${name} was cancelled.`);
        const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
        return toolError('failed', `${name} failed: ${why}. If the server stopped, its tools are gone for now: continue without them.`);
      }
    },
  };
}
