// info() is discovered once and cached; a failed discovery is not cached, so starting the
// server later and trying again works.
import type { ProviderInfo } from './types';

export function cachedInfo(load: (signal?: AbortSignal) => Promise<ProviderInfo>): (signal?: AbortSignal) => Promise<ProviderInfo> {
  let pending: Promise<ProviderInfo> | undefined;
  return (signal) => {
    if (!pending) {
      pending = load(signal);
      pending.catch(() => {
        pending = undefined;
      });
    }
    return pending;
  };
}
