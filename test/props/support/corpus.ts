// Real file texts for the property tests: JS/TS/JSON/MD files of the repo's own node_modules,
// listed once (sorted, so a seed always picks the same file) and cut to a window of lines.
import * as fs from 'node:fs';
import * as path from 'node:path';

// Found through a package we depend on, so it works from test/ and from the built dist/ alike.
const ROOT = path.dirname(path.dirname(require.resolve('fast-check/package.json')));
const EXT = /\.(js|cjs|mjs|ts|json|md)$/;
const MAX_BYTES = 256 * 1024;

let listed: string[] | undefined;

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && EXT.test(e.name)) out.push(p);
  }
}

/** Every candidate file, sorted by path (the same list on every run of the same install). */
export function corpusFiles(): string[] {
  if (!listed) {
    const all: string[] = [];
    walk(ROOT, all);
    listed = all.sort();
  }
  return listed;
}

const texts = new Map<number, string[] | null>();

/** Lines of file `i` (mod the corpus size), or null when it is not plain readable text. */
function linesOf(i: number): string[] | null {
  const files = corpusFiles();
  const at = i % files.length;
  if (texts.has(at)) return texts.get(at)!;
  let lines: string[] | null = null;
  try {
    const bytes = fs.readFileSync(files[at]);
    if (bytes.length > 0 && bytes.length <= MAX_BYTES && !bytes.includes(0)) {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      // Layout variants are generated, so the source itself must be plain LF text without a BOM.
      if (!text.includes('\r') && !text.startsWith('\uFEFF')) {
        lines = text.replace(/\n$/, '').split('\n');
        if (lines.length < 3 || lines.some((l) => l.length > 400)) lines = null;
      }
    }
  } catch {
    lines = null;
  }
  texts.set(at, lines);
  return lines;
}

/**
 * A window of at most `maxLines` lines of a real file, chosen by two numbers; files that are not
 * plain text (minified, binary, CRLF) are skipped to the next one, so any numbers give a text.
 */
export function corpusWindow(fileChoice: number, startChoice: number, maxLines: number): { file: string; lines: string[] } {
  const files = corpusFiles();
  for (let k = 0; k < 2000; k++) {
    // Unusable files come in runs (a package's minified build): step by a large prime.
    const at = (fileChoice + k * 7919) % files.length;
    const lines = linesOf(at);
    if (!lines) continue;
    const start = lines.length > maxLines ? startChoice % (lines.length - maxLines + 1) : 0;
    return { file: path.relative(ROOT, files[at]), lines: lines.slice(start, start + maxLines) };
  }
  throw new Error('no readable text file found in node_modules');
}
