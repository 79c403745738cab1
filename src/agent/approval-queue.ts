// Pending approvals matched by id: the agent awaits `request()`, the UI answers `resolve()`.
// Cancelling the turn rejects everything still pending so no promise is left hanging.
import type { ApprovalDecision, ApprovalRequest } from './events';

export interface ApprovalAnswer {
  decision: ApprovalDecision;
  feedback?: string;
  /** Replacement content for a write (the `e` key). */
  edited?: string;
  /** Not the user's answer: the turn was cancelled (`feedback` is then for the model only). */
  cancelled?: boolean;
}

export interface ApprovalQueue {
  request(req: ApprovalRequest): Promise<ApprovalAnswer>;
  resolve(id: string, answer: ApprovalAnswer): boolean;
  pending(): ApprovalRequest[];
  cancelAll(reason: string): void;
}

export function createApprovalQueue(): ApprovalQueue {
  const waiting = new Map<string, { req: ApprovalRequest; done: (a: ApprovalAnswer) => void }>();
  return {
    request(req) {
      return new Promise((resolve) => waiting.set(req.id, { req, done: resolve }));
    },
    resolve(id, answer) {
      const entry = waiting.get(id);
      if (!entry) return false;
      waiting.delete(id);
      entry.done(answer);
      return true;
    },
    pending() {
      return [...waiting.values()].map((w) => w.req);
    },
    cancelAll(reason) {
      for (const [id, entry] of [...waiting]) {
        waiting.delete(id);
        entry.done({ decision: 'reject', feedback: reason, cancelled: true });
      }
    },
  };
}
