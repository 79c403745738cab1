// Shows bench progress on stderr: on a terminal one line redrawn in place (and every second,
// for the clock); elsewhere one line per finished task. Silent when told to be (--json off a TTY).
import type { ProgressEvent } from '../bench/bench-run';
import { finishedLine, progressLine, type ProgressState } from '../bench/progress-view';

export interface ProgressSink {
  onEvent(e: ProgressEvent): void;
  /** Clears the live line (before the final table is printed). */
  stop(): void;
}

export function createProgress(opts: { stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }; total: number; silent: boolean }): ProgressSink {
  if (opts.silent) return { onEvent: () => undefined, stop: () => undefined };
  const started = Date.now();
  const state: ProgressState = { done: 0, total: opts.total, passed: 0, running: [], elapsedMs: 0 };
  const tty = opts.stream.isTTY === true;
  const draw = () => {
    state.elapsedMs = Date.now() - started;
    if (tty) opts.stream.write(`\r\x1b[2K${progressLine(state, (opts.stream.columns ?? 80) - 1)}`);
  };
  const timer = tty ? setInterval(draw, 1000) : undefined;
  timer?.unref();
  return {
    onEvent(e) {
      if (e.type === 'task.start') state.running.push(`${e.model} · ${e.id}`);
      else {
        state.running = state.running.filter((r) => r !== `${e.model} · ${e.report.id}`);
        state.done = e.done;
        state.total = e.total;
        state.passed = e.passed;
        state.elapsedMs = Date.now() - started;
        if (!tty) opts.stream.write(finishedLine(state, e.model, e.report.id, e.report.passed, e.report.reason, e.report.seconds) + '\n');
      }
      draw();
    },
    stop() {
      if (timer) clearInterval(timer);
      if (tty) opts.stream.write('\r\x1b[2K');
    },
  };
}
