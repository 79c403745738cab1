// The disk-facing patch engine on real temp directories: propose is read-only, apply checks the
// hash, writes atomically with mode bits kept and journals; revalidate and undo.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyProposal, listJournal, proposeEdit, revalidate, undo } from '../../src/patch';
import type { EditInput, Proposal } from '../../src/patch';

let root: string;
beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-engine-')));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const write = (rel: string, content: string | Buffer) => fs.writeFileSync(path.join(root, rel), content);
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const sr = (search: string, replace: string): EditInput => ({ kind: 'search_replace', search, replace });

async function propose(rel: string, edit: EditInput): Promise<Proposal> {
  const r = await proposeEdit(root, rel, edit);
  if (!r.ok) throw new Error(`refused: ${r.refusal.code} ${r.refusal.reason}`);
  return r.proposal;
}

describe('proposeEdit', () => {
  it('computes the new content and diff without touching the disk', async () => {
    write('a.txt', 'one\ntwo\nthree\n');
    const before = fs.statSync(path.join(root, 'a.txt')).mtimeMs;
    const p = await propose('a.txt', sr('two', 'TWO'));
    expect(p.after).toBe('one\nTWO\nthree\n');
    expect(p.diff).toContain('-two\n+TWO\n');
    expect([p.added, p.removed]).toEqual([1, 1]);
    expect(p.strategies).toEqual(['exact']);
    expect(read('a.txt')).toBe('one\ntwo\nthree\n');
    expect(fs.statSync(path.join(root, 'a.txt')).mtimeMs).toBe(before);
  });

  it('refuses binary and non-UTF-8 files', async () => {
    write('b.bin', Buffer.from([0x50, 0x4b, 0x00, 0x01, 0x02]));
    write('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    for (const rel of ['b.bin', 'latin1.txt']) {
      const r = await proposeEdit(root, rel, sr('x', 'y'));
      expect(r.ok ? 'ok' : r.refusal.code).toBe('binary');
    }
  });

  it('refuses an empty search on a non-empty file, but creates a new file from one', async () => {
    write('a.txt', 'x\n');
    const r = await proposeEdit(root, 'a.txt', sr('', 'y\n'));
    expect(r.ok ? 'ok' : r.refusal.code).toBe('malformed');
    const created = await propose('new/b.txt', sr('', 'hello\n'));
    expect(created.before).toBeNull();
    expect(created.beforeHash).toBeNull();
    expect(created.diff.startsWith('--- /dev/null\n+++ b/new/b.txt\n')).toBe(true);
  });

  it('reports a search on a missing file as not_found', async () => {
    const r = await proposeEdit(root, 'missing.ts', sr('a', 'b'));
    expect(r.ok ? 'ok' : r.refusal.code).toBe('not_found');
  });

  it('checks whole-file writes of existing files', async () => {
    write('small.ts', Array.from({ length: 20 }, (_, i) => `const v${i} = ${i};`).join('\n') + '\n');
    const lazy = await proposeEdit(root, 'small.ts', { kind: 'write', content: 'const v0 = 0;\n// ... existing code ...\n' });
    expect(lazy.ok ? 'ok' : lazy.refusal.code).toBe('malformed');
    const cut = await proposeEdit(root, 'small.ts', { kind: 'write', content: 'const v0 = 0;\n' });
    expect(cut.ok ? 'ok' : cut.refusal.code).toBe('malformed');
    write('big.ts', 'x\n'.repeat(300));
    const big = await proposeEdit(root, 'big.ts', { kind: 'write', content: 'y\n'.repeat(300) });
    expect(big.ok ? 'ok' : big.refusal.code).toBe('too_large');
    const ok = await propose('small.ts', { kind: 'write', content: read('small.ts').replace('const v3 = 3;', 'const v3 = 33;') });
    expect([ok.added, ok.removed]).toEqual([1, 1]);
  });

  it('keeps CRLF and the BOM of a whole-file rewrite', async () => {
    write('w.txt', '\uFEFFa\r\nb\r\n');
    const p = await propose('w.txt', { kind: 'write', content: 'a\nB\n' });
    expect(p.after).toBe('\uFEFFa\r\nB\r\n');
  });

  it('keeps each line ending of a mixed-ending file; new lines get the dominant one', async () => {
    write('m.txt', 'a\r\nb\nc\r\nd\r\n');
    const p = await propose('m.txt', sr('c\n', 'c\nnew\n'));
    expect(p.after).toBe('a\r\nb\nc\r\nnew\r\nd\r\n');
  });

  it('applies only the blocks meant for the file when an edit text names several files', async () => {
    write('a.py', 'x = 1\n');
    const text = 'a.py\n<<<<<<< SEARCH\nx = 1\n=======\nx = 2\n>>>>>>> REPLACE\n\nb.py\n<<<<<<< SEARCH\ny = 1\n=======\ny = 2\n>>>>>>> REPLACE\n';
    expect((await propose('a.py', { kind: 'text', text })).after).toBe('x = 2\n');
  });
});

describe('applyProposal', () => {
  it('writes atomically, keeps mode bits and journals the change', async () => {
    write('run.sh', '#!/bin/sh\necho hi\n');
    fs.chmodSync(path.join(root, 'run.sh'), 0o750);
    const p = await propose('run.sh', sr('echo hi', 'echo hello'));
    const r = await applyProposal(root, p);
    expect(r.ok).toBe(true);
    expect(read('run.sh')).toBe('#!/bin/sh\necho hello\n');
    expect(fs.statSync(path.join(root, 'run.sh')).mode & 0o777).toBe(0o750);
    const journal = await listJournal(root);
    expect(journal.map((e) => [e.id, e.path])).toEqual([[1, 'run.sh']]);
    expect(fs.readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses as stale when the file changed since the proposal', async () => {
    write('a.txt', 'one\ntwo\n');
    const p = await propose('a.txt', sr('two', '2'));
    write('a.txt', 'one\ntwo\nthree\n');
    const r = await applyProposal(root, p);
    expect(r.ok ? 'ok' : r.refusal.code).toBe('stale');
    expect(read('a.txt')).toBe('one\ntwo\nthree\n');
    expect(await listJournal(root)).toEqual([]);
  });

  it('refuses creating a file that appeared meanwhile', async () => {
    const p = await propose('n.txt', { kind: 'write', content: 'mine\n' });
    write('n.txt', 'theirs\n');
    const r = await applyProposal(root, p);
    expect(r.ok ? 'ok' : r.refusal.code).toBe('stale');
  });
});

describe('revalidate', () => {
  it('returns the proposal unchanged when the file did not change', async () => {
    write('a.txt', 'a\nb\n');
    const p = await propose('a.txt', sr('b', 'B'));
    const r = await revalidate(root, p);
    expect(r.ok && r.proposal).toBe(p);
  });

  it('re-proposes against new content, or refuses stale when the edit no longer applies', async () => {
    write('a.txt', 'a\nb\n');
    const edit = sr('b', 'B');
    const p = await propose('a.txt', edit);
    write('a.txt', 'top\na\nb\n');
    const again = await revalidate(root, p);
    expect(again.ok && again.proposal.after).toBe('top\na\nB\n');
    write('a.txt', 'a\nc\n');
    const gone = await revalidate(root, p);
    expect(gone.ok ? 'ok' : gone.refusal.code).toBe('stale');
  });
});

describe('undo', () => {
  it('reverts the last N changes in reverse order, deleting created files', async () => {
    write('a.txt', 'v1\n');
    await applyProposal(root, await propose('a.txt', sr('v1', 'v2')));
    await applyProposal(root, await propose('a.txt', sr('v2', 'v3')));
    await applyProposal(root, await propose('new.txt', { kind: 'write', content: 'n\n' }));
    expect((await listJournal(root)).length).toBe(3);
    const one = await undo(root);
    expect(one.ok && one.reverted.map((e) => e.path)).toEqual(['new.txt']);
    expect(fs.existsSync(path.join(root, 'new.txt'))).toBe(false);
    const two = await undo(root, 2);
    expect(two.ok && two.reverted.map((e) => e.id)).toEqual([2, 1]);
    expect(read('a.txt')).toBe('v1\n');
    expect(await listJournal(root)).toEqual([]);
    const none = await undo(root);
    expect(none.ok).toBe(false);
  });

  it('refuses when a file changed since the change, and changes nothing', async () => {
    write('a.txt', 'v1\n');
    write('b.txt', 'b1\n');
    await applyProposal(root, await propose('a.txt', sr('v1', 'v2')));
    await applyProposal(root, await propose('b.txt', sr('b1', 'b2')));
    write('a.txt', 'edited by hand\n');
    const r = await undo(root, 2);
    expect(r.ok ? 'ok' : r.reason).toMatch(/a\.txt changed since/);
    expect(read('b.txt')).toBe('b2\n');
    expect((await listJournal(root)).length).toBe(2);
  });
});
