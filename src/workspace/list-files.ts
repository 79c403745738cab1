// Lists workspace entries breadth-first (folders end in '/'), skipping ignored paths, optionally
// filtered by a glob; capped, with the total counted so the model knows what it is missing.
import { compileGlob } from './glob';
import { loadIgnoreRules, type IgnoreRules } from './ignore-rules';
import { walkWorkspace } from './walk';

export interface ListOptions {
  /** Glob on the path relative to the listed folder (or the root); no slash: base name. */
  pattern?: string;
  /** Maximum entries returned (default 300). */
  limit?: number;
  /** Stop counting after this many entries (default 50,000). */
  scanLimit?: number;
  rules?: IgnoreRules;
  signal?: AbortSignal;
}

export interface ListResult {
  entries: string[];
  /** Entries that matched, counted up to scanLimit. */
  total: number;
  /** True when counting stopped at scanLimit, so total is a lower bound. */
  totalIsLowerBound: boolean;
}

/** `startRel` is a jailed relative path ('.' for the root). */
export async function listFiles(root: string, startRel: string, opts: ListOptions = {}): Promise<ListResult> {
  const limit = opts.limit ?? 300;
  const scanLimit = opts.scanLimit ?? 50_000;
  const rules = opts.rules ?? loadIgnoreRules(root);
  const glob = opts.pattern ? compileGlob(opts.pattern) : undefined;
  const prefix = startRel === '.' ? '' : `${startRel}/`;
  const entries: string[] = [];
  let total = 0;
  let scanned = 0;
  for await (const e of walkWorkspace(root, startRel, rules, opts.signal)) {
    if (++scanned > scanLimit) return { entries, total, totalIsLowerBound: true };
    if (glob) {
      if (e.isDir) continue;
      const local = e.rel.slice(prefix.length);
      if (!glob.matches(local) && !glob.matches(e.rel)) continue;
    }
    total++;
    if (entries.length < limit) entries.push(e.isDir ? `${e.rel}/` : e.rel);
  }
  return { entries, total, totalIsLowerBound: false };
}
