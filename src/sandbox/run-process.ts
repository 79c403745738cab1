// Runs one program (a shell, or the sandbox wrapping one) in its own process group with a timeout
// and an abort signal; stdout and stderr are interleaved into one capped buffer. The whole group is
// killed on timeout or abort.
import { spawn } from 'node:child_process';
import { linkedSignal } from '../util/abort';
import { createCappedOutput } from './capped-output';

export interface ProcessOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  cancelled: boolean;
  output: string;
  outputChars: number;
  /** True when something outside the process group still held the output pipes after the kill. */
  lingering: boolean;
  /** The shell exited but background jobs it started kept the pipes open; they were killed. */
  stoppedBackground: boolean;
  /** Set when the program could not be started at all. */
  spawnError?: string;
}

export interface ProcessOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  outputCap: number;
  signal: AbortSignal;
  /** After SIGTERM, how long the group gets before SIGKILL (default 1,500 ms); as long again for the pipes. */
  killGraceMs?: number;
}

const KILL_GRACE_MS = 1500;

function killGroup(pid: number | undefined, sig: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, sig);
  } catch {
    // already gone
  }
}

/** `/bin/sh -c command` with no sandbox (the sandbox builds its own argv and calls spawnCapped). */
export function runProcess(command: string, opts: ProcessOptions): Promise<ProcessOutcome> {
  return spawnCapped(['/bin/sh', '-c', command], opts);
}

export function spawnCapped(argv: string[], opts: ProcessOptions): Promise<ProcessOutcome> {
  const out = createCappedOutput(opts.outputCap);
  const { signal, dispose } = linkedSignal([opts.signal], opts.timeoutMs);
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), {
      cwd: opts.cwd,
      env: opts.env,
      detached: true, // own process group, so a timeout kills grandchildren too
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.setEncoding('utf8').on('data', (d: string) => out.push(d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => out.push(d));

    let exit: { code: number | null; sig: NodeJS.Signals | null } | undefined;
    let killed = false;
    let stoppedBackground = false;
    const timers: NodeJS.Timeout[] = [];
    let settled = false;
    const grace = opts.killGraceMs ?? KILL_GRACE_MS;
    const finish = (spawnError?: string, lingering = false) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      signal.removeEventListener('abort', onAbort);
      dispose();
      const cancelled = killed && opts.signal.aborted;
      resolve({
        exitCode: exit?.code ?? null,
        signal: exit?.sig ?? null,
        timedOut: killed && !cancelled,
        cancelled,
        output: out.text(),
        outputChars: out.totalChars(),
        lingering,
        stoppedBackground,
        spawnError,
      });
    };
    // A process that left the group may hold our pipes open: stop waiting for them.
    const giveUpOnPipesLater = () =>
      timers.push(
        setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          finish(undefined, true);
        }, grace),
      );
    const onAbort = () => {
      killed = true;
      killGroup(child.pid, 'SIGTERM');
      timers.push(
        setTimeout(() => {
          killGroup(child.pid, 'SIGKILL');
          giveUpOnPipesLater();
        }, grace),
      );
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });

    child.on('error', (err) => finish(err.message));
    child.on('exit', (code, sig) => {
      exit = { code, sig };
      if (killed) return;
      // The shell is done; background jobs ("server &") still holding the pipes are stopped.
      timers.push(
        setTimeout(() => {
          stoppedBackground = true;
          killGroup(child.pid, 'SIGKILL');
          giveUpOnPipesLater();
        }, grace),
      );
    });
    // 'close' comes after every holder of stdout/stderr (grandchildren too) has let go.
    child.on('close', (code, sig) => {
      exit = exit ?? { code, sig };
      finish();
    });
  });
}
