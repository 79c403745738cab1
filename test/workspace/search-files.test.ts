// The search's regex runs in a worker thread under time limits: a catastrophic pattern ends in a
// timeout naming the file, Ctrl-C stops it mid-file, FIFOs and sockets are skipped, never opened.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { searchFiles } from '../../src/workspace/search-files';

let root: string;
beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-search-')));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
};
/** 2^40 steps for (a+)+$: the regex would run for days on the main thread. */
const EVIL_LINE = `${'a'.repeat(40)}!\n`;

describe('searchFiles', () => {
  it('finds matches with their column, in walk order', async () => {
    write('a.txt', 'one\n  two needle\n');
    write('src/b.txt', 'needle\n');
    const r = await searchFiles(root, '.', /needle/);
    expect(r.matches).toEqual([
      { path: 'a.txt', line: 2, text: '  two needle', column: 6 },
      { path: 'src/b.txt', line: 1, text: 'needle', column: 0 },
    ]);
    expect([r.total, r.filesWithMatches, r.filesSearched, r.stopped]).toEqual([2, 2, 2, undefined]);
  });

  it('stops a catastrophic regex at the per-file limit and names the file', async () => {
    write('a.txt', 'aaa!\n');
    write('evil.txt', EVIL_LINE);
    const r = await searchFiles(root, '.', /(a+)+$/, { perFileMs: 300 });
    expect(r.stopped).toEqual({ reason: 'file_timeout', path: 'evil.txt', ms: 300 });
  });

  it('stops at the limit for the whole search', async () => {
    write('evil.txt', EVIL_LINE);
    const r = await searchFiles(root, '.', /(a+)+$/, { totalMs: 300 });
    expect(r.stopped).toEqual({ reason: 'total_timeout', ms: 300 });
  });

  it('keeps its worker for the next search after a clean one, and a fresh one after a stop', async () => {
    write('a.txt', 'needle\n');
    write('evil.txt', EVIL_LINE);
    expect((await searchFiles(root, 'a.txt', /needle/)).total).toBe(1);
    expect((await searchFiles(root, 'evil.txt', /(a+)+$/, { perFileMs: 200 })).stopped?.reason).toBe('file_timeout');
    expect((await searchFiles(root, '.', /needle/)).matches.map((m) => m.path)).toEqual(['a.txt']);
  });

  it('stops at once on abort, even inside a regex that would never end', async () => {
    write('evil.txt', EVIL_LINE);
    const ctl = new AbortController();
    const r = await searchFiles(root, '.', /(a+)+$/, {
      signal: ctl.signal,
      perFileMs: 600_000,
      totalMs: 600_000,
      onFile: (rel) => rel === 'evil.txt' && ctl.abort(),
    });
    expect(r.stopped).toEqual({ reason: 'aborted' });
  });

  it('skips a FIFO and a socket (met directly or through a symlink) without blocking', async () => {
    write('a.txt', 'needle\n');
    execFileSync('mkfifo', [path.join(root, 'pipe')]);
    fs.symlinkSync(path.join(root, 'pipe'), path.join(root, 'pipe-link.txt'));
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(root, 'sock'), resolve));
    fs.symlinkSync(path.join(root, 'sock'), path.join(root, 'sock-link.txt'));
    try {
      const r = await searchFiles(root, '.', /needle/);
      expect(r.matches.map((m) => m.path)).toEqual(['a.txt']);
      expect(r.skippedSpecial).toBe(2);
      const direct = await searchFiles(root, 'pipe', /needle/);
      expect([direct.filesSearched, direct.skippedSpecial]).toEqual([0, 1]);
    } finally {
      server.close();
    }
  });
});
