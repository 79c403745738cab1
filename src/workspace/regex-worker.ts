// Runs a model's regular expression over file contents in a worker thread, so a pattern that
// backtracks without end (`(a+)+$` on a long line) blocks only the worker, which is terminated
// when one file takes longer than its limit, when the whole search does, or on abort (Ctrl-C).
// No native regex engine is needed (re2 and ripgrep packages download binaries at install time).
// Files go over in batches; the worker writes the index of the file it is on into shared memory,
// which a watchdog here samples, so a stuck file is named without a message per file. A worker
// that finished cleanly is kept (unref'd) for the next search: starting one costs 30-300 ms.
import { Worker } from 'node:worker_threads';

export interface RegexHit {
  /** 1-based line number. */
  line: number;
  /** The whole line (CR of CRLF dropped). */
  text: string;
  /** Where the first match starts in `text` (or in its first MAX_LINE_SCAN characters). */
  column: number;
}

export interface FileHits {
  count: number;
  /** The first `keep` hits. */
  hits: RegexHit[];
}

export type RegexStop =
  | { reason: 'file_timeout'; ms: number }
  | { reason: 'total_timeout'; ms: number }
  | { reason: 'aborted' }
  /** The worker itself died (out of memory on a monstrous pattern, say). */
  | { reason: 'failed'; message: string };

/** A batch's files, in order, or why the search stopped and on which file (index given to the session). */
export type BatchOutcome = { done: true; files: FileHits[] } | { done: false; stop: RegexStop; at: number };

export interface RegexSessionOptions {
  /** Longest time one file may take (default 5 s). */
  perFileMs?: number;
  /** Longest time the whole search may take (default 30 s). */
  totalMs?: number;
  signal?: AbortSignal;
  /** Sampled: the index of the file being searched, when the watchdog sees it change. */
  onFile?: (index: number) => void;
}

export interface RegexSession {
  /** Searches files in order; their indexes continue from the previous batch's. */
  run(files: Uint8Array[], keep: number): Promise<BatchOutcome>;
  /** Ends the session: a healthy worker goes back to the pool, a stopped one is terminated. */
  close(): Promise<void>;
}

/** Minified lines can be megabytes long: the regex sees at most this much of a line. */
export const MAX_LINE_SCAN = 20_000;

// Plain JavaScript run by the worker (eval: a .ts file cannot be loaded there under ts-jest).
// Lines are split as text-file.ts's splitLines does.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
let re;
let progress;
parentPort.on('message', (m) => {
  if (m.type === 'setup') {
    re = new RegExp(m.source, m.flags);
    progress = new Int32Array(m.progress);
    return;
  }
  const files = [];
  for (let k = 0; k < m.files.length; k++) {
    Atomics.store(progress, 0, m.first + k);
    const bytes = m.files[k];
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    const lines = text === '' ? [] : text.split(/\\r?\\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    const hits = [];
    let count = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const found = re.exec(line.length > ${MAX_LINE_SCAN} ? line.slice(0, ${MAX_LINE_SCAN}) : line);
      if (!found) continue;
      count++;
      if (hits.length < m.keep) hits.push({ line: i + 1, text: line, column: found.index });
    }
    files.push({ count, hits });
  }
  parentPort.postMessage({ id: m.id, files });
});
`;

let idle: Worker | undefined;

function takeWorker(): Worker {
  const w = idle;
  idle = undefined;
  if (w) {
    w.ref();
    return w;
  }
  const fresh = new Worker(WORKER_SOURCE, { eval: true });
  fresh.on('exit', () => {
    if (idle === fresh) idle = undefined;
  });
  return fresh;
}

function giveBack(w: Worker): void {
  if (idle) {
    void w.terminate();
    return;
  }
  w.unref();
  idle = w;
}

export function startRegexSession(re: RegExp, opts: RegexSessionOptions = {}): RegexSession {
  const perFileMs = opts.perFileMs ?? 5_000;
  const totalMs = opts.totalMs ?? 30_000;
  const worker = takeWorker();
  const progress = new Int32Array(new SharedArrayBuffer(4));
  progress[0] = -1;
  worker.postMessage({ type: 'setup', source: re.source, flags: re.flags.replace(/[gy]/g, ''), progress: progress.buffer });

  const waiting = new Map<number, (o: BatchOutcome) => void>();
  let nextBatch = 0;
  let nextFile = 0;
  let stopped: { stop: RegexStop; at: number } | undefined;

  const stop = (why: RegexStop) => {
    if (stopped) return;
    stopped = { stop: why, at: Atomics.load(progress, 0) };
    void worker.terminate();
    for (const finish of waiting.values()) finish({ done: false, ...stopped });
    waiting.clear();
    cleanup();
  };
  const onAbort = () => stop({ reason: 'aborted' });
  const onMessage = (m: { id: number; files: FileHits[] }) => {
    waiting.get(m.id)?.({ done: true, files: m.files });
    waiting.delete(m.id);
  };
  const onError = (err: Error) => stop({ reason: 'failed', message: err.message });

  // The watchdog: the file index must move within perFileMs while a batch is out. Before the
  // worker's first file (-1: still starting, which can take a while on a busy machine) no clock runs.
  // A tick that comes late means this thread was busy (reading files): the worker's answers may be
  // queued unread, so that round proves nothing either.
  const tickMs = Math.max(10, Math.min(250, perFileMs / 4));
  let seen = -1;
  let since = Date.now();
  let lastTick = since;
  const watchdog = setInterval(() => {
    const now = Date.now();
    const late = now - lastTick > 3 * tickMs;
    lastTick = now;
    const at = Atomics.load(progress, 0);
    if (waiting.size === 0 || at !== seen || at < 0 || late) {
      if (at !== seen && at >= 0) opts.onFile?.(at);
      seen = at;
      since = now;
    } else if (now - since >= perFileMs) stop({ reason: 'file_timeout', ms: perFileMs });
  }, tickMs);
  const total = setTimeout(() => stop({ reason: 'total_timeout', ms: totalMs }), totalMs);
  const cleanup = () => {
    clearInterval(watchdog);
    clearTimeout(total);
    opts.signal?.removeEventListener('abort', onAbort);
    worker.off('message', onMessage);
    worker.off('error', onError);
  };
  worker.on('message', onMessage);
  worker.on('error', onError);
  if (opts.signal?.aborted) onAbort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });

  return {
    run(files, keep) {
      if (stopped) return Promise.resolve({ done: false, ...stopped });
      const id = nextBatch++;
      const first = nextFile;
      nextFile += files.length;
      // Transferred, not copied; a view into a shared buffer is copied first so nothing else is detached.
      const own = files.map((b) => (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : b.slice()));
      return new Promise<BatchOutcome>((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage(
          { type: 'batch', id, first, files: own, keep },
          own.map((b) => b.buffer as ArrayBuffer),
        );
      });
    },
    async close() {
      if (stopped) return;
      if (waiting.size > 0) {
        stop({ reason: 'aborted' });
        return;
      }
      cleanup();
      stopped = { stop: { reason: 'aborted' }, at: -1 };
      giveBack(worker);
    },
  };
}
