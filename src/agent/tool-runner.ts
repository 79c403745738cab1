// Runs one parsed call: reads run at once; writes become pending patches that wait for approval
// and are applied through the patch engine; commands are judged on their parsed form and ask
// unless allowlisted, always-allowed this session, or covered by --yes in a sandbox.
import type { ToolCallRef } from '../types/messages';
import type { Tool, ToolContext, ToolResult } from '../tools/types';
import type { Proposal } from '../patch/types';
import type { EventBus } from './event-bus';
import type { ApprovalAnswer, ApprovalQueue } from './approval-queue';
import type { ApprovalRequest } from './events';
import { decide, decideExternal, externalKey, type ApprovalPolicy, type CommandFacts } from './policy';
import { loadShellParser } from '../tools/shell-parser';
import { alwaysKey } from '../tools/command-policy';
import type { SandboxKind } from '../sandbox/types';
import { applyProposal, revalidate, unifiedDiff } from '../patch/index';

export interface RunnerDeps {
  root: string;
  bus: EventBus;
  approvals: ApprovalQueue;
  policy: ApprovalPolicy;
  ctx: ToolContext;
}

export interface CallOutcome {
  result: ToolResult;
  /** The user (or the headless policy) refused the action. */
  refused: boolean;
  /** A file was written. */
  wrote?: string;
  /** A write tool failed to produce a patch for this path. */
  patchFailedFor?: string;
  /** The user asked for the rest of the turn's file changes to be approved (`a`). */
  approveRest?: boolean;
}

/** Puts a request in front of the user and waits; both steps are events the UI follows. */
export async function ask(deps: RunnerDeps, request: ApprovalRequest): Promise<ApprovalAnswer> {
  deps.bus.emit({ type: 'approval.needed', request });
  const answer = await deps.approvals.request(request);
  // A cancellation's reason is for the model; the UI must not show it as words the user said.
  const feedback = answer.cancelled ? undefined : answer.feedback;
  deps.bus.emit({ type: 'approval.resolved', id: request.id, decision: answer.decision, feedback });
  return answer;
}

function withEdited(p: Proposal, edited: string): Proposal {
  const d = unifiedDiff(p.path, p.before, edited);
  return { ...p, after: edited, diff: d.diff, added: d.added, removed: d.removed, strategies: [...p.strategies, 'user-edited'] };
}

async function runWrite(tool: Tool, call: ToolCallRef, deps: RunnerDeps): Promise<CallOutcome> {
  const proposed = await tool.propose!(call.arguments, deps.ctx);
  const path = String(call.arguments.path ?? '');
  if (!proposed.ok) {
    const r = proposed.refusal;
    const ok = r.code === 'already_applied';
    return {
      result: { ok, forModel: `${r.reason}\n${r.hint}`.trim(), summary: `${path} · ${r.code.replace('_', ' ')}`, details: { kind: 'error', code: r.code } },
      refused: false,
      patchFailedFor: ok ? undefined : path,
    };
  }
  let proposal = proposed.proposal;
  let approveRest = false;
  /** The diff the user said yes to: a re-check after an outside edit that yields the very same diff
   * is applied without asking again (asking twice with the same diff would be noise). */
  let approvedDiff: string | null = null;
  let userEdited = false;
  for (;;) {
    deps.bus.emit({ type: 'patch.pending', id: call.id, proposal });
    const verdict = approvedDiff === proposal.diff ? ({ action: 'auto' } as const) : decide('write', deps.policy);
    if (verdict.action === 'deny') {
      deps.bus.emit({ type: 'patch.rejected', id: call.id, path: proposal.path, reason: verdict.reason });
      return { result: { ok: false, forModel: verdict.reason, summary: `${proposal.path} · not written` }, refused: true };
    }
    if (verdict.action === 'ask') {
      const answer = await ask(deps, { id: call.id, call, risk: 'write', proposal });
      if (answer.decision === 'reject') {
        const reason = answer.feedback?.trim()
          ? `The user rejected this change to ${proposal.path}. Their reason: ${answer.feedback.trim()}`
          : `The user rejected this change to ${proposal.path}.`;
        deps.bus.emit({ type: 'patch.rejected', id: call.id, path: proposal.path, reason: answer.feedback ?? '' });
        return { result: { ok: false, forModel: reason + ' The file is unchanged.', summary: `${proposal.path} · rejected` }, refused: true };
      }
      if (answer.decision === 'always') approveRest = true;
      if (answer.edited !== undefined) {
        proposal = withEdited(proposal, answer.edited);
        userEdited = true;
      }
      approvedDiff = proposal.diff;
    }
    const applied = await applyProposal(deps.root, proposal);
    if (applied.ok) {
      deps.bus.emit({ type: 'patch.applied', id: call.id, path: proposal.path, journalId: applied.entry.id });
      const verb = proposal.before === null ? 'Created' : 'Edited';
      // The model must know its text was not what got written, and see what was.
      const edited = userEdited
        ? `\nThe user edited your proposed change in their editor before approving it; this is the change as applied:\n${proposal.diff}`
        : '';
      return {
        result: {
          ok: true,
          forModel: `${verb} ${proposal.path} (+${proposal.added} −${proposal.removed}).${edited}`,
          summary: `${proposal.path} · +${proposal.added} −${proposal.removed}`,
          details: {
            kind: 'patch',
            path: proposal.path,
            diff: proposal.diff,
            added: proposal.added,
            removed: proposal.removed,
            newFile: proposal.before === null,
          },
        },
        refused: false,
        wrote: proposal.path,
        approveRest,
      };
    }
    if (applied.refusal.code !== 'stale') {
      return {
        result: { ok: false, forModel: `${applied.refusal.reason}\n${applied.refusal.hint}`, summary: `${proposal.path} · ${applied.refusal.code}` },
        refused: false,
        patchFailedFor: proposal.path,
      };
    }
    // The file changed on disk since the proposal: the same edit (the blocks the engine read when it
    // proposed it, never the call's arguments read again) against the new content, asked afresh.
    deps.bus.emit({ type: 'patch.stale', id: call.id, path: proposal.path });
    const again = await revalidate(deps.root, proposal);
    if (!again.ok) {
      const msg = `${proposal.path} changed on disk before the change could be applied, and the edit no longer fits: ${again.refusal.reason}\n${again.refusal.hint}`;
      deps.bus.emit({ type: 'patch.rejected', id: call.id, path: proposal.path, reason: 'stale' });
      return { result: { ok: false, forModel: msg, summary: `${proposal.path} · stale` }, refused: false, patchFailedFor: proposal.path };
    }
    // The re-made change is the model's edit against the new content: it is asked about afresh.
    proposal = again.proposal;
    userEdited = false;
  }
}

/** The facts the policy judges a command by: its parsed form and whether a sandbox confines it. */
export async function commandFacts(command: string, deps: RunnerDeps): Promise<CommandFacts & { sandbox: SandboxKind }> {
  const parser = await loadShellParser();
  const status = deps.ctx.exec ? await deps.ctx.exec.sandbox() : { kind: 'none' as const, reason: 'no command runner' };
  return { parsed: parser.parse(command), sandboxed: status.kind !== 'none', sandboxReason: status.reason, sandbox: status.kind };
}

async function runExec(tool: Tool, call: ToolCallRef, deps: RunnerDeps): Promise<CallOutcome> {
  const command = String(call.arguments.command ?? '');
  const facts = await commandFacts(command, deps);
  const verdict = decide('exec', deps.policy, facts);
  if (verdict.action === 'deny') return { result: { ok: false, forModel: verdict.reason, summary: `${command} · not run` }, refused: true };
  if (verdict.action === 'ask') {
    const request = { id: call.id, call, risk: 'exec' as const, command: { command, cwd: deps.root, sandbox: facts.sandbox } };
    const answer = await ask(deps, request);
    if (answer.decision === 'reject') {
      const why = answer.feedback?.trim() ? ` Their reason: ${answer.feedback.trim()}` : '';
      return { result: { ok: false, forModel: `The user declined to run \`${command}\`.${why}`, summary: `${command} · declined` }, refused: true };
    }
    // "Always allow this command": this exact command line, for the rest of the session — never a
    // prefix, and never the rest of the turn (`a` covers file changes only).
    if (answer.decision === 'always') deps.policy.alwaysAllowed.add(alwaysKey(facts.parsed));
  }
  const result = await tool.run(call.arguments, deps.ctx);
  return { result, refused: false };
}

/** A tool from an MCP server: asked like a command (unless read-only), timed, and announced as
 * `mcp.call` events so `run --json` and the session log carry every call. */
async function runExternal(tool: Tool, call: ToolCallRef, deps: RunnerDeps): Promise<CallOutcome> {
  const ext = tool.external!;
  const verdict = decideExternal(tool.risk, { name: tool.name, server: ext.server, from: ext.from }, deps.policy);
  if (verdict.action === 'deny') return { result: { ok: false, forModel: verdict.reason, summary: 'not run' }, refused: true };
  if (verdict.action === 'ask') {
    const answer = await ask(deps, { id: call.id, call, risk: tool.risk, external: ext });
    if (answer.decision === 'reject') {
      const why = answer.feedback?.trim() ? ` Their reason: ${answer.feedback.trim()}` : '';
      return { result: { ok: false, forModel: `The user declined the call to ${tool.name}.${why}`, summary: 'declined' }, refused: true };
    }
    // "Always": this tool, for the rest of the session.
    if (answer.decision === 'always') deps.policy.alwaysAllowed.add(externalKey(tool.name));
  }
  const started = Date.now();
  deps.bus.emit({ type: 'mcp.call', id: call.id, server: ext.server, tool: ext.tool, phase: 'start' });
  const result = await tool.run(call.arguments, deps.ctx);
  const ms = Date.now() - started;
  deps.bus.emit({
    type: 'mcp.call',
    id: call.id,
    server: ext.server,
    tool: ext.tool,
    phase: result.ok ? 'done' : 'failed',
    ms,
    ...(result.ok ? {} : { message: result.summary }),
  });
  return { result, refused: false };
}

export async function runCall(tool: Tool, call: ToolCallRef, deps: RunnerDeps): Promise<CallOutcome> {
  try {
    if (tool.external) return await runExternal(tool, call, deps);
    if (tool.risk === 'write' && tool.propose) return await runWrite(tool, call, deps);
    // run_checks asks about each check it runs itself (the project-checks approval gate).
    if (tool.risk === 'exec' && !tool.approvesItself) return await runExec(tool, call, deps);
    return { result: await tool.run(call.arguments, deps.ctx), refused: false };
  } catch (err) {
    // A tool bug must not kill the session: report it to the model and the user as a value.
    const message = err instanceof Error ? err.message : String(err);
    return { result: { ok: false, forModel: `${call.name} failed: ${message}`, summary: `${call.name} · failed` }, refused: false };
  }
}
