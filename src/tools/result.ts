// Small constructors for tool results, so every tool reports errors the same way: a value with a
// closed error code and a message written to the model that says what to do next.
import type { ToolDetails, ToolResult } from './types';

export type ToolErrorCode =
  | 'bad_args'
  | 'outside_workspace'
  | 'not_found'
  | 'is_dir'
  | 'not_dir'
  | 'binary'
  | 'too_large'
  | 'unreadable'
  | 'needs_approval'
  | 'cancelled'
  | 'failed';

export function toolError(code: ToolErrorCode, message: string): ToolResult {
  return { ok: false, forModel: `Error: ${message}`, summary: message, details: { kind: 'error', code } };
}

export function toolOk(forModel: string, summary: string, details: ToolDetails): ToolResult {
  return { ok: true, forModel, summary, details };
}
