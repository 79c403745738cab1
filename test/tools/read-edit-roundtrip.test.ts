// read_file's line numbers copied back into an edit: the patch engine strips them from SEARCH
// text (blocks and old_str alike) and from the replacement, on real files of the repo, so the
// cheap `12<TAB>` prefix costs nothing in reliability.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readFileTool } from '../../src/tools/read-file';
import { editFileTool } from '../../src/tools/edit-file';

const REPO = path.join(__dirname, '..', '..');
const SOURCES = ['src/patch/engine.ts', 'src/tools/read-file.ts', 'README.md'];
const ctxFor = (root: string) => ({ root, signal: new AbortController().signal, outputCap: 200_000 });

let work: string;
beforeEach(() => {
  work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-read-edit-')));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

describe('line numbers copied from read_file', () => {
  it.each(SOURCES)('are stripped from a SEARCH block and its replacement (%s)', async (rel) => {
    const text = fs.readFileSync(path.join(REPO, rel), 'utf8');
    fs.writeFileSync(path.join(work, 'f'), text);
    const read = await readFileTool.run({ path: 'f' }, ctxFor(work));
    const shown = read.forModel.split('\n');
    const lines = text.split('\n');
    // Three unique-looking lines in the middle, copied with their numbers; the replacement keeps
    // the numbers on the first line and adds a new, unnumbered line.
    let at = Math.floor(lines.length / 2);
    while (lines.slice(at, at + 3).some((l) => l.trim() === '') || text.split(lines.slice(at, at + 3).join('\n')).length !== 2) at++;
    const copied = shown.slice(at, at + 3);
    expect(copied[0]).toBe(`${at + 1}\t${lines[at]}`);
    const diff = `<<<<<<< SEARCH\n${copied.join('\n')}\n=======\n${copied[0]}\n// added\n${copied.slice(1).join('\n')}\n>>>>>>> REPLACE`;
    const proposed = await editFileTool.propose!({ path: 'f', diff }, ctxFor(work));
    const want = [...lines.slice(0, at + 1), '// added', ...lines.slice(at + 1)].join('\n');
    expect(proposed.ok ? proposed.proposal.after : proposed.refusal).toBe(want);
  });

  it('are stripped from old_str/new_str copied with them', async () => {
    fs.writeFileSync(path.join(work, 'a.py'), 'def f():\n    x = 1\n    return x\n');
    const read = await readFileTool.run({ path: 'a.py' }, ctxFor(work));
    const [, two, three] = read.forModel.split('\n');
    const proposed = await editFileTool.propose!({ path: 'a.py', old_str: `${two}\n${three}`, new_str: `${two.replace('1', '2')}\n${three}` }, ctxFor(work));
    expect(proposed.ok ? proposed.proposal.after : proposed.refusal).toBe('def f():\n    x = 2\n    return x\n');
  });
});
