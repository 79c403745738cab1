// The bench's progress line as a pure view: `(state, width) → text`. A bar, task n/N, the pass
// count, the task(s) running and the elapsed time; the CLI redraws it on a terminal.

export interface ProgressState {
  done: number;
  total: number;
  passed: number;
  /** Tasks running now, as "model · task id". */
  running: string[];
  elapsedMs: number;
}

export function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function progressLine(state: ProgressState, width = 80): string {
  const barWidth = 20;
  const filled = state.total ? Math.round((barWidth * state.done) / state.total) : 0;
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`;
  const head = `${bar} ${state.done}/${state.total} · ${state.passed} passed · ${clock(state.elapsedMs)}`;
  const running = state.running.length ? ` · ${state.running.join(', ')}` : '';
  const line = head + running;
  return [...line].length <= width ? line : [...line].slice(0, Math.max(head.length, width - 1)).join('') + '…';
}

/** One line per finished task, for logs and pipes (no redraws there). */
export function finishedLine(state: ProgressState, model: string, id: string, passed: boolean, reason: string, seconds: number): string {
  return `[${state.done}/${state.total}] ${passed ? 'pass' : 'FAIL'} ${model} · ${id}${passed ? '' : ` (${reason})`} · ${seconds.toFixed(1)} s · ${state.passed} passed · ${clock(state.elapsedMs)}`;
}
