// Undo of any one change of a session (the changes view): a middle change comes out while later
// changes to the same file stay; a conflicting one is refused with nothing written; the revert is
// itself journaled, so redo brings the change back and the plain `undo` still walks everything.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyProposal, listChanges, proposeEdit, redoChange, revertChange, undo } from '../../src/patch';

let root: string;
beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-sel-undo-')));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

async function edit(rel: string, search: string, replace: string): Promise<number> {
  const p = await proposeEdit(root, rel, { kind: 'search_replace', search, replace });
  if (!p.ok) throw new Error(p.refusal.reason);
  const a = await applyProposal(root, p.proposal);
  if (!a.ok) throw new Error(a.refusal.reason);
  return a.entry.id;
}

describe('undo any one change', () => {
  it('takes a middle change out and keeps the later change to the same file; redo brings it back', async () => {
    fs.writeFileSync(path.join(root, 'a.txt'), lines(20));
    // line 3, not line 2: "line 2" also sits inside "line 20", and any repeat is refused as ambiguous.
    const first = await edit('a.txt', 'line 3\n', 'LINE TWO\n');
    const second = await edit('a.txt', 'line 18\n', 'LINE EIGHTEEN\n');
    const undone = await revertChange(root, first);
    expect(undone.ok).toBe(true);
    expect(read('a.txt')).toContain('line 3\n');
    expect(read('a.txt')).toContain('LINE EIGHTEEN');
    const list = await listChanges(root);
    expect(list.map((c) => [c.id, c.state])).toEqual([
      [first, 'undone'],
      [second, 'applied'],
    ]);
    expect(list[0].diff).toContain('+LINE TWO');
    const redone = await redoChange(root, first);
    expect(redone.ok).toBe(true);
    expect(read('a.txt')).toContain('LINE TWO');
    expect(read('a.txt')).toContain('LINE EIGHTEEN');
    expect((await listChanges(root)).map((c) => c.state)).toEqual(['applied', 'applied']);
  });

  it('refuses, writing nothing, when a later change edited the same lines', async () => {
    fs.writeFileSync(path.join(root, 'a.txt'), lines(6));
    const first = await edit('a.txt', 'line 3\n', 'changed 3\n');
    await edit('a.txt', 'changed 3\n', 'changed again 3\n');
    const before = read('a.txt');
    const r = await revertChange(root, first);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/cannot be undone on its own: a later change edited the same lines \(later change #\d+ touched it\)/);
    expect(read('a.txt')).toBe(before);
    expect((await listChanges(root)).map((c) => c.state)).toEqual(['applied', 'applied']);
  });

  it('undoes a file creation (the file goes) and redoes it; the revert is undoable by plain undo too', async () => {
    const p = await proposeEdit(root, 'new.txt', { kind: 'write', content: 'hello\n' });
    if (!p.ok) throw new Error(p.refusal.reason);
    const a = await applyProposal(root, p.proposal);
    if (!a.ok) throw new Error(a.refusal.reason);
    expect((await revertChange(root, a.entry.id)).ok).toBe(true);
    expect(fs.existsSync(path.join(root, 'new.txt'))).toBe(false);
    expect((await revertChange(root, a.entry.id)).ok).toBe(false); // already undone
    // The plain undo walks back the revert first: the file is there again.
    expect((await undo(root, 1)).ok).toBe(true);
    expect(read('new.txt')).toBe('hello\n');
    expect((await listChanges(root))[0].state).toBe('applied');
  });
});
