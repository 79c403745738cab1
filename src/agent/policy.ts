// The approval decision as a pure function: no I/O, so every rule is a one-line test. Commands are
// judged on their parsed form; `--yes` covers commands only where a sandbox confines them.
import type { Risk } from '../tools/types';
import { alwaysKey, isAllowlisted, type AllowEntry } from '../tools/command-policy';
import type { ParsedCommand } from '../tools/shell-parser';

export type PolicyDecision = { action: 'auto' } | { action: 'ask' } | { action: 'deny'; reason: string };

export interface ApprovalPolicy {
  /** Someone can answer approval requests (the workbench). False in headless `run`. */
  interactive: boolean;
  /** `--yes`: approve every file change, and every command that runs in a sandbox. */
  autoApprove: boolean;
  /** `--yes=all`: approve every command too, sandbox or not (prints a warning). */
  autoApproveAll?: boolean;
  /** The user pressed `a` (approve the rest of this turn): file changes only, never commands. */
  approveRestOfTurn: boolean;
  /** Allow-list entries (SMALLCODE_ALLOW), parsed into argv prefixes. */
  allowlist: readonly AllowEntry[];
  /** Commands the user chose to always allow this session (keys from alwaysKey). */
  alwaysAllowed: Set<string>;
}

/** What the runner knows about a proposed command when it asks for a decision. */
export interface CommandFacts {
  parsed: ParsedCommand;
  /** A sandbox confines the command (bwrap or sandbox-exec). */
  sandboxed: boolean;
  /** Why there is no sandbox, for the refusal message. */
  sandboxReason?: string;
}

const WRITE_DENIED =
  'This change was NOT written: nobody can approve writes in this headless run (the user must rerun with --yes). Do not retry the write; finish by telling the user what you would change.';

function commandDenied(facts: CommandFacts, policy: ApprovalPolicy): string {
  const head = 'This command was NOT run: nobody can approve commands in this headless run';
  if (policy.autoApprove && !facts.sandboxed) {
    return `${head}, and --yes runs commands only inside a sandbox, which is not available here (${facts.sandboxReason ?? 'no sandbox'}). The user can allowlist it in SMALLCODE_ALLOW or rerun with --yes=all. Do not retry it; tell the user what you wanted to run and why.`;
  }
  return `${head} (the user must rerun with --yes or allowlist it in SMALLCODE_ALLOW). Do not retry it; tell the user what you wanted to run and why.`;
}

export function decide(risk: Risk, policy: ApprovalPolicy, command?: CommandFacts): PolicyDecision {
  if (risk === 'read') return { action: 'auto' };
  if (risk === 'write') {
    if (policy.autoApprove || policy.autoApproveAll || policy.approveRestOfTurn) return { action: 'auto' };
    return policy.interactive ? { action: 'ask' } : { action: 'deny', reason: WRITE_DENIED };
  }
  const facts = command ?? { parsed: { kind: 'compound', text: '', reason: 'an empty command' }, sandboxed: false };
  if (isAllowlisted(facts.parsed, policy.allowlist)) return { action: 'auto' };
  if (policy.alwaysAllowed.has(alwaysKey(facts.parsed))) return { action: 'auto' };
  if (policy.autoApproveAll || (policy.autoApprove && facts.sandboxed)) return { action: 'auto' };
  return policy.interactive ? { action: 'ask' } : { action: 'deny', reason: commandDenied(facts, policy) };
}

/** What the runner knows about a call to a tool from outside (an MCP server's). */
export interface ExternalFacts {
  /** `server__tool`: the key an "always allow" answer remembers for the session. */
  name: string;
  server: string;
  /** Whose config named the server: under --yes the user's own servers run; a workspace server
   * runs only because the user approved it once (it would not have started otherwise). */
  from: 'user' | 'workspace';
}

/** The "always allow" key of an outside tool (never clashes with a command's key). */
export const externalKey = (name: string) => `tool:${name}`;

/** MCP tools are `exec` risk: asked, unless the user's config marks them read-only (risk `read`). */
export function decideExternal(risk: Risk, facts: ExternalFacts, policy: ApprovalPolicy): PolicyDecision {
  if (risk === 'read') return { action: 'auto' };
  if (policy.alwaysAllowed.has(externalKey(facts.name))) return { action: 'auto' };
  if (policy.autoApprove || policy.autoApproveAll) return { action: 'auto' };
  if (policy.interactive) return { action: 'ask' };
  return {
    action: 'deny',
    reason: `This tool call was NOT run: ${facts.name} comes from the MCP server "${facts.server}" and nobody can approve it in this headless run (the user must rerun with --yes, or mark the tool read-only in their mcp.json). Do not retry it; tell the user what you wanted it to do.`,
  };
}
