// What the sandbox layer tells the rest: which sandbox commands run in (and why, when none).

export type SandboxKind = 'bwrap' | 'sandbox-exec' | 'none';

export interface SandboxStatus {
  kind: SandboxKind;
  /** What it confines (bwrap, sandbox-exec), or why there is none — one line either way. */
  reason: string;
}

/** What a sandboxed command may reach beyond the defaults. */
export interface SandboxPlan {
  /** The workspace: the only writable place besides a private /tmp. Undefined for the probe. */
  root?: string;
  /** Network allowed (SMALLCODE_SANDBOX_NETWORK=1 or --sandbox-network). */
  network: boolean;
  /** Credential files and folders to hide. */
  hidden: { path: string; dir: boolean }[];
  /** Paths inside the workspace that stay read-only (.git/hooks, .git/config). */
  readOnly: string[];
}
