// The baseline cache's key: the same tree gives the same key; an edited, added or removed file
// changes it; ignored folders (node_modules, .gitignore'd build output) do not count.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { treeState } from '../../src/checks/tree-state';

describe('tree state', () => {
  it('changes with the files that matter, and only with them', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-tree-'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write('.gitignore', 'dist/\n');
    write('src/a.js', 'a\n');
    write('sub/.gitignore', 'cache/\n');
    const first = treeState(root);
    expect(treeState(root)).toBe(first);
    write('dist/out.js', 'built\n');
    write('node_modules/x/index.js', 'x\n');
    write('sub/cache/blob', 'c\n');
    expect(treeState(root)).toBe(first);
    write('src/a.js', 'a changed\n');
    const edited = treeState(root);
    expect(edited).not.toBe(first);
    write('src/b.js', 'b\n');
    expect(treeState(root)).not.toBe(edited);
    fs.rmSync(path.join(root, 'src/b.js'));
    expect(treeState(root)).toBe(edited);
  });
});
