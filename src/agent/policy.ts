// The approval decision as a pure function: no I/O, so every rule is a one-line test.
import type { Risk } from '../tools/types';
import { isAllowlisted } from '../tools/command-policy';

export { isAllowlisted };

export type PolicyDecision = { action: 'auto' } | { action: 'ask' } | { action: 'deny'; reason: string };

export interface ApprovalPolicy {
  /** Someone can answer approval requests (the workbench). False in headless `run`. */
  interactive: boolean;
  /** `--yes`: approve every write and command. */
  autoApprove: boolean;
  /** The user pressed `a` (approve the rest of this turn). */
  approveRestOfTurn: boolean;
  /** Commands allowed without asking. */
  allowlist: string[];
}

export function decide(risk: Risk, policy: ApprovalPolicy, command?: string): PolicyDecision {
  if (risk === 'read') return { action: 'auto' };
  if (policy.autoApprove || policy.approveRestOfTurn) return { action: 'auto' };
  if (risk === 'exec' && command !== undefined && isAllowlisted(command, policy.allowlist)) return { action: 'auto' };
  if (!policy.interactive) {
    return risk === 'write'
      ? {
          action: 'deny',
          reason:
            'This change was NOT written: nobody can approve writes in this headless run (the user must rerun with --yes). Do not retry the write; finish by telling the user what you would change.',
        }
      : {
          action: 'deny',
          reason:
            'This command was NOT run: nobody can approve commands in this headless run (the user must rerun with --yes or allowlist it in SMALLCODE_ALLOW).',
        };
  }
  return { action: 'ask' };
}
