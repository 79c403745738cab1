// Regex search over the workspace's text files (ignored, binary, > 1 MB and non-regular files
// skipped). Returns the first matches in walk order plus the total count, so the caller can cap
// output, and why it stopped early if it did (a regex too slow, the time limit, Ctrl-C).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGlob } from './glob';
import { loadIgnoreRules, type IgnoreRules } from './ignore-rules';
import { assertNever } from '../util/assert-never';
import { type BatchOutcome, type RegexStop, startRegexSession } from './regex-worker';
import { readRegularFileSync } from './regular-file';
import { looksBinary } from './text-file';
import { walkWorkspace } from './walk';

export interface SearchMatch {
  path: string;
  /** 1-based. */
  line: number;
  text: string;
  /** Where the match starts in `text` (so no caller has to run the regex again). */
  column: number;
}

export interface SearchOptions {
  /** Glob filter on files (see compileGlob). */
  glob?: string;
  /** Matches kept (default 100); the rest are only counted. */
  maxMatches?: number;
  /** Files above this size are skipped (default 1 MB). */
  maxFileBytes?: number;
  rules?: IgnoreRules;
  /** Ctrl-C: stops the search at once, even inside a slow regex. */
  signal?: AbortSignal;
  /** Time limits for the regex: per file and for the whole search (regex-worker.ts's defaults). */
  perFileMs?: number;
  totalMs?: number;
  /** Called with the file being searched, sampled (a progress line; tests use it to abort mid-file). */
  onFile?: (rel: string) => void;
}

/** Why a search ended before it had looked at every file. */
export type SearchStop = { reason: 'file_timeout'; path: string; ms: number } | { reason: 'total_timeout'; ms: number } | { reason: 'aborted' };

export interface SearchResult {
  matches: SearchMatch[];
  total: number;
  filesWithMatches: number;
  filesSearched: number;
  skippedLarge: number;
  /** FIFOs, sockets and devices met on the way (never opened blocking, never read). */
  skippedSpecial: number;
  stopped?: SearchStop;
}

/** Files read between two yields to the event loop (keeps the UI and abort responsive). */
const BATCH = 64;
/** Files go to the worker in batches of this many files or bytes, at most IN_FLIGHT at a time. */
const BATCH_FILES = 32;
const BATCH_BYTES = 256 * 1024;
const IN_FLIGHT = 3;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function stopFor(stop: RegexStop, rel: string | undefined): SearchStop {
  switch (stop.reason) {
    case 'file_timeout':
      return { reason: 'file_timeout', path: rel ?? '?', ms: stop.ms };
    case 'total_timeout':
    case 'aborted':
      return stop;
    case 'failed':
      throw new Error(`the search worker failed: ${stop.message}`);
    default:
      return assertNever(stop);
  }
}

/**
 * `startRel` is a jailed relative path: a folder to walk, or a single file. The regex runs in a
 * worker thread under time limits (regex-worker.ts); files are read here, synchronously in
 * batches (one open + fstat + read is ~5x faster than async round trips for small files).
 */
export async function searchFiles(root: string, startRel: string, re: RegExp, opts: SearchOptions = {}): Promise<SearchResult> {
  const maxMatches = opts.maxMatches ?? 100;
  const maxBytes = opts.maxFileBytes ?? 1024 * 1024;
  const rules = opts.rules ?? loadIgnoreRules(root);
  const glob = opts.glob ? compileGlob(opts.glob) : undefined;
  const result: SearchResult = { matches: [], total: 0, filesWithMatches: 0, filesSearched: 0, skippedLarge: 0, skippedSpecial: 0 };

  let startIsFile: boolean;
  try {
    const st = fs.statSync(path.join(root, startRel));
    if (!st.isFile() && !st.isDirectory()) {
      result.skippedSpecial++;
      return result;
    }
    startIsFile = st.isFile();
  } catch {
    return result;
  }
  const files: AsyncIterable<string> | string[] = startIsFile
    ? [startRel]
    : (async function* () {
        for await (const e of walkWorkspace(root, startRel, rules, opts.signal)) if (!e.isDir) yield e.rel;
      })();
  const prefix = startRel === '.' ? '' : `${startRel}/`;
  /** Every file handed to the worker, by its index there. */
  const sent: string[] = [];
  const session = startRegexSession(re, { perFileMs: opts.perFileMs, totalMs: opts.totalMs, signal: opts.signal, onFile: (i) => opts.onFile?.(sent[i]) });
  const inFlight: { first: number; outcome: Promise<BatchOutcome> }[] = [];
  let batch: Uint8Array[] = [];
  let batchBytes = 0;
  const post = () => {
    if (batch.length === 0) return;
    // Hits beyond the cap are only counted, never shipped back.
    inFlight.push({ first: sent.length - batch.length, outcome: session.run(batch, maxMatches) });
    batch = [];
    batchBytes = 0;
  };
  /** Takes the oldest batch's answer; false when the search has to stop. */
  const settle = async (): Promise<boolean> => {
    const { first, outcome } = inFlight.shift()!;
    const o = await outcome;
    if (!o.done) {
      result.stopped = stopFor(o.stop, sent[o.at]);
      return false;
    }
    o.files.forEach((f, k) => {
      result.filesSearched++;
      if (f.count === 0) return;
      result.filesWithMatches++;
      result.total += f.count;
      for (const h of f.hits) if (result.matches.length < maxMatches) result.matches.push({ path: sent[first + k], ...h });
    });
    return true;
  };
  try {
    let opened = 0;
    for await (const rel of files) {
      if (opts.signal?.aborted) break;
      if (glob && !glob.matches(rel.slice(prefix.length)) && !glob.matches(rel)) continue;
      if (++opened % BATCH === 0) await yieldToLoop();
      const bytes = readRegularFileSync(path.join(root, rel), maxBytes);
      if (bytes === 'large') result.skippedLarge++;
      if (bytes === 'special') result.skippedSpecial++;
      if (bytes === undefined || typeof bytes === 'string' || looksBinary(bytes)) continue;
      sent.push(rel);
      batch.push(bytes);
      batchBytes += bytes.byteLength;
      if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) post();
      if (inFlight.length >= IN_FLIGHT && !(await settle())) return result;
    }
    post();
    while (inFlight.length > 0) if (!(await settle())) return result;
    if (opts.signal?.aborted) result.stopped = { reason: 'aborted' };
    return result;
  } finally {
    await session.close();
  }
}
