// Inputs that would block the process, met through the tools the model calls: a FIFO or socket
// is refused by read_file and edit_file with one line (never opened blocking), skipped by
// search_files, and a regex that backtracks without end yields a timeout result.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { editFileTool } from '../../src/tools/edit-file';
import { readFileTool } from '../../src/tools/read-file';
import { searchFilesTool } from '../../src/tools/search-files';
import { readRegularFile } from '../../src/workspace/regular-file';
import { makeWorkspace, type TempWorkspace } from './temp-workspace';

let ws: TempWorkspace;
let server: net.Server;
beforeAll(async () => {
  ws = makeWorkspace({ 'a.txt': 'needle\n', 'evil.txt': `${'a'.repeat(40)}!\n` });
  execFileSync('mkfifo', [path.join(ws.root, 'pipe')]);
  server = net.createServer();
  await new Promise<void>((resolve) => server.listen(path.join(ws.root, 'sock'), resolve));
});
afterAll(() => {
  server.close();
  ws.cleanup();
});

describe('read_file', () => {
  it.each([
    ['pipe', 'a FIFO (named pipe)'],
    ['sock', 'a socket'],
  ])('refuses %s in one line instead of blocking', async (rel, kind) => {
    const r = await readFileTool.run({ path: rel }, ws.ctx());
    expect(r.ok).toBe(false);
    expect(r.forModel).toBe(`Error: ${rel} is ${kind}, not a regular file: only regular files are read; leave it alone`);
  });

  it('refuses a character device', async () => {
    const r = await readRegularFile('/dev/zero', '/dev/zero');
    expect(r.ok ? 'read' : r.message).toBe('/dev/zero is a character device, not a regular file: only regular files are read');
  });
});

describe('edit_file', () => {
  it('refuses to propose a change to a FIFO', async () => {
    const r = await editFileTool.propose!({ path: 'pipe', old_str: 'x', new_str: 'y' }, ws.ctx());
    expect(r.ok ? 'proposed' : r.refusal.reason).toBe('pipe is a FIFO (named pipe), not a regular file: only regular files are read');
  });
});

describe('search_files', () => {
  it('skips the FIFO and the socket, and says so', async () => {
    fs.symlinkSync(path.join(ws.root, 'pipe'), path.join(ws.root, 'pipe-link.txt'));
    try {
      const r = await searchFilesTool.run({ pattern: 'needle' }, ws.ctx());
      expect(r.forModel).toBe('a.txt:1: needle\n(1 match in 1 file)\n(1 FIFO, socket or device file skipped)');
    } finally {
      fs.rmSync(path.join(ws.root, 'pipe-link.txt'));
    }
  });

  it('refuses a FIFO given as the path to search', async () => {
    const r = await searchFilesTool.run({ pattern: 'x', path: 'pipe' }, ws.ctx());
    expect(r.forModel).toBe('Error: pipe is not a regular file or a folder (a FIFO, socket or device): nothing to search');
  });

  it('answers an evil regex with a timeout result (after its 5 s limit) instead of hanging', async () => {
    const r = await searchFilesTool.run({ pattern: '(a+)+$', path: 'evil.txt' }, ws.ctx());
    expect(r.ok).toBe(false);
    expect(r.forModel).toBe(
      'Error: search stopped: the pattern /(a+)+$/ ran over 5 s on evil.txt without finishing (nested quantifiers such as (a+)+ or (.*)* backtrack without end); simplify the pattern, or narrow path and glob',
    );
  });

  it('stops when the turn is cancelled (Ctrl-C) during a slow regex', async () => {
    const ctl = new AbortController();
    const pending = searchFilesTool.run({ pattern: '(a+)+$', path: 'evil.txt' }, ws.ctx(8000, ctl.signal));
    ctl.abort();
    const r = await pending;
    expect(r.forModel).toBe('Error: search for (a+)+$ cancelled');
  });
});
