// The shape of one tool. Tools get side effects only through the narrow ToolContext, so each
// can be tested with a temp directory and nothing else.
import type { JsonSchema, ReadArguments } from '../types/tool-spec';
import type { ProposeResult } from '../patch/types';
import type { CommandRunner } from '../sandbox/command-runner';

export type Risk = 'read' | 'write' | 'exec';

export interface ToolContext {
  /** Workspace root (already realpath'd). Every path a tool touches is jailed to it. */
  root: string;
  signal: AbortSignal;
  /** Maximum characters of text a result may hand the model (the budget's per-result cap). */
  outputCap: number;
  /** Runs shell commands for the model: in the sandbox, with an allow-listed environment.
   * Without it run_command refuses (it never falls back to an unconfined shell). */
  exec?: CommandRunner;
  /** Runs the project's checks (run_checks); `only` names one. Absent when checks are off. */
  runChecks?(signal: AbortSignal, only?: string): Promise<ToolResult>;
}

/** The whole result for the workbench's tool output view, kept apart from the text the model got. */
export interface ToolOutput {
  /** The result as the tool produced it: a command's output, the lines read, the search hits. */
  text: string;
  /** Lines of `text` (0-based, `to` exclusive) the model did not get: the output cap left them out. */
  cutForModel?: { from: number; to: number };
}

/** Typed data for the UI, kept apart from the text the model sees. `output` is filled in by the agent. */
export type ToolDetails = (
  | { kind: 'read'; path: string; lines: number; startLine: number; endLine: number }
  | { kind: 'list'; path: string; entries: number }
  | { kind: 'search'; pattern: string; matches: number }
  | { kind: 'patch'; path: string; diff: string; added: number; removed: number; newFile: boolean }
  | { kind: 'command'; command: string; cwd: string; exitCode: number | null; timedOut: boolean; sandbox?: 'bwrap' | 'sandbox-exec' | 'none' }
  | { kind: 'plan'; items: number; done: number }
  | { kind: 'error'; code: string }
  /** No typed data: the output text is all there is (a refusal, a skipped call). */
  | { kind: 'text' }
) & { output?: ToolOutput };

export interface ToolResult {
  /** Text for the model. */
  forModel: string;
  /** A short one-liner for cards and stubs, e.g. "src/a.ts · 120 lines". */
  summary: string;
  ok: boolean;
  details?: ToolDetails;
}

export interface Tool<A = Record<string, unknown>> {
  name: string;
  /** One line; the router shows it in the compact tool text. */
  description: string;
  parameters: JsonSchema;
  risk: Risk;
  /** An exec tool that puts each command it runs to the user itself (run_checks), so the call as a
   * whole is not asked about. */
  approvesItself?: boolean;
  /** A tool from outside SmallCode (an MCP server's): asked like a command unless the user's own
   * config marks it read-only; `from` says whose config named the server. */
  external?: { server: string; tool: string; from: 'user' | 'workspace' };
  /** Read and exec tools: do the work (exec only after approval). */
  run(args: A, ctx: ToolContext): Promise<ToolResult>;
  /** Write tools: compute the pending patch without touching disk. The agent shows it, waits for
   * approval, then applies it through the patch engine. */
  propose?(args: A, ctx: ToolContext): Promise<ProposeResult>;
  /** Reads arguments that come in more forms than `parameters` shows (see ToolSpec.readArguments). */
  readArguments?(args: Record<string, unknown>): ReadArguments;
}
