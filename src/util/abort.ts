// The one abort helper: timeouts, linked signals and "is this an abort?" in a single place.

/** A signal that aborts when any of `signals` does, or after `ms` milliseconds. */
export function linkedSignal(signals: (AbortSignal | undefined)[], ms?: number): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const cleanups: (() => void)[] = [];
  const abort = (reason?: unknown) => {
    if (!controller.signal.aborted) controller.abort(reason);
  };
  for (const s of signals) {
    if (!s) continue;
    if (s.aborted) abort(s.reason);
    else {
      const onAbort = () => abort(s.reason);
      s.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => s.removeEventListener('abort', onAbort));
    }
  }
  if (ms !== undefined) {
    const timer = setTimeout(() => abort(new Error(`timed out after ${ms} ms`)), ms);
    timer.unref?.();
    cleanups.push(() => clearTimeout(timer));
  }
  return {
    signal: controller.signal,
    dispose: () => {
      for (const c of cleanups) c();
    },
  };
}

export function isAbortError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { name?: string; code?: string };
  return e.name === 'AbortError' || e.name === 'APIUserAbortError' || e.code === 'ABORT_ERR';
}

/** Resolves after `ms`, or rejects early when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
