// What every provider and discovery call needs to reach one model on one server; each adds
// only its own extras (timeouts, retries, keep-alive) on top.
import type { OverrideRule } from './profiles/profile-types';
import type { RetryPolicy } from './retry';
import type { ServerKind } from './types';

export interface ServerTarget {
  baseUrl: string;
  /** Empty: use the server's loaded (or first) model and warn. */
  model: string;
  apiKey?: string;
  /** SMALLCODE_CONTEXT: wins over whatever the server reports. */
  contextOverride?: number;
  /** Skip kind probing (e.g. detection already knows it is LM Studio). */
  kindHint?: ServerKind;
  /** The user's model-profile overrides (models.yaml rules, then flags), in that order. */
  profileRules?: readonly OverrideRule[];
}

/** How a streaming request behaves on the wire. */
export interface RequestPolicy {
  requestTimeoutMs?: number;
  /** Backoff for transient faults and cut streams; tests shorten it. */
  retry?: RetryPolicy;
  /** Fixed first-byte / idle-between-chunks timeouts (SMALLCODE_FIRST_BYTE_TIMEOUT,
   * SMALLCODE_IDLE_TIMEOUT); default: sized from the prompt and the output cap (stream-timeouts.ts). */
  firstByteTimeoutMs?: number;
  idleTimeoutMs?: number;
}
