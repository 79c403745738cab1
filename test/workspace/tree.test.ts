// The lazily listed file tree and the lazy watcher: ignore rules, ordering, flattening, and
// watching only what is shown.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listDir, flattenTree, ancestors, parentRel, type TreeEntry } from '../../src/workspace/file-tree';
import { createWatcher, type WatchChange } from '../../src/workspace/watcher';
import { loadIgnoreRules } from '../../src/workspace/ignore-rules';

function workspace(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-tree-')));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}

describe('listDir', () => {
  it('lists folders first, alphabetically, leaving out .git, node_modules and .gitignored paths', () => {
    const root = workspace({
      '.gitignore': 'dist/\n*.log\n',
      'b.ts': '',
      'a.ts': '',
      'z/x.ts': '',
      'c/y.ts': '',
      'debug.log': '',
      'dist/out.js': '',
      'node_modules/m/index.js': '',
      '.git/HEAD': '',
    });
    const names = listDir(root, '', loadIgnoreRules(root)).map((e) => `${e.dir ? 'd' : 'f'}:${e.name}`);
    expect(names).toEqual(['d:c', 'd:z', 'f:.gitignore', 'f:a.ts', 'f:b.ts']);
  });

  it('lists a subfolder with relative paths and treats a vanished folder as empty', () => {
    const root = workspace({ 'src/lib/a.ts': '', 'src/main.ts': '' });
    expect(listDir(root, 'src', loadIgnoreRules(root))).toEqual([
      { name: 'lib', rel: 'src/lib', dir: true },
      { name: 'main.ts', rel: 'src/main.ts', dir: false },
    ]);
    expect(listDir(root, 'nope', loadIgnoreRules(root))).toEqual([]);
  });
});

describe('flattenTree', () => {
  const listings: Record<string, TreeEntry[]> = {
    '': [
      { name: 'src', rel: 'src', dir: true },
      { name: 'README.md', rel: 'README.md', dir: false },
    ],
    src: [
      { name: 'lib', rel: 'src/lib', dir: true },
      { name: 'a.ts', rel: 'src/a.ts', dir: false },
    ],
    'src/lib': [{ name: 'b.ts', rel: 'src/lib/b.ts', dir: false }],
  };

  it('walks only expanded folders, depth-first, with depths', () => {
    const rows = flattenTree(listings, new Set(['', 'src']));
    expect(rows.map((r) => `${r.depth}:${r.rel}${r.expanded ? '/' : ''}`)).toEqual(['0:src/', '1:src/lib', '1:src/a.ts', '0:README.md']);
  });

  it('hides the children of a collapsed folder even when they were listed', () => {
    expect(flattenTree(listings, new Set([''])).map((r) => r.rel)).toEqual(['src', 'README.md']);
  });

  it('knows parents and ancestors', () => {
    expect(ancestors('a/b/c.ts')).toEqual(['a', 'a/b']);
    expect(parentRel('a/b/c.ts')).toBe('a/b');
    expect(parentRel('c.ts')).toBe('');
  });
});

describe('createWatcher', () => {
  async function until(pred: () => boolean): Promise<void> {
    for (let i = 0; i < 400 && !pred(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(pred()).toBe(true);
  }

  it('reports added entries of a watched folder and content changes of a watched file', async () => {
    const root = workspace({ 'src/a.ts': 'one\n', 'deep/x/y.ts': '' });
    const seen: WatchChange[] = [];
    const w = createWatcher(root, loadIgnoreRules(root), (c) => seen.push(c));
    try {
      w.watchDir('');
      w.watchFile('src/a.ts');
      await w.ready();
      fs.writeFileSync(path.join(root, 'new.ts'), '');
      await until(() => seen.some((c) => c.kind === 'dir' && c.rel === ''));
      fs.writeFileSync(path.join(root, 'src/a.ts'), 'two\n');
      await until(() => seen.some((c) => c.kind === 'file' && c.rel === 'src/a.ts'));
      expect(w.watched()).toEqual({ dirs: [''], files: ['src/a.ts'] });
    } finally {
      await w.close();
    }
  });

  it('does not report changes inside folders that are not shown', async () => {
    const root = workspace({ 'hidden/a.ts': '', 'shown/b.ts': '' });
    const seen: WatchChange[] = [];
    const w = createWatcher(root, loadIgnoreRules(root), (c) => seen.push(c));
    try {
      w.watchDir('shown');
      await w.ready();
      fs.writeFileSync(path.join(root, 'hidden/new.ts'), '');
      fs.writeFileSync(path.join(root, 'shown/new.ts'), '');
      await until(() => seen.some((c) => c.kind === 'dir' && c.rel === 'shown'));
      expect(seen.filter((c) => c.rel.startsWith('hidden'))).toEqual([]);
    } finally {
      await w.close();
    }
  });

  it('watches a named file inside an ignored folder (the plan file)', async () => {
    const root = workspace({ '.smallcode/TODO.md': '- [ ] a\n' });
    const seen: WatchChange[] = [];
    const w = createWatcher(root, loadIgnoreRules(root), (c) => seen.push(c));
    try {
      w.watchFile('.smallcode/TODO.md');
      await w.ready();
      fs.writeFileSync(path.join(root, '.smallcode/TODO.md'), '- [x] a\n');
      await until(() => seen.some((c) => c.kind === 'file' && c.rel === '.smallcode/TODO.md'));
    } finally {
      await w.close();
    }
  });
});

describe('createWatcher, files that do not exist yet', () => {
  it('picks up the plan file when its ignored folder is created later', async () => {
    const root = workspace({ 'a.txt': '' });
    const seen: WatchChange[] = [];
    const w = createWatcher(root, loadIgnoreRules(root), (c) => seen.push(c));
    try {
      w.watchFile('.smallcode/TODO.md');
      w.watchDir('');
      await w.ready();
      fs.mkdirSync(path.join(root, '.smallcode'));
      fs.writeFileSync(path.join(root, '.smallcode/TODO.md'), '- [ ] a\n');
      for (let i = 0; i < 400 && !seen.some((c) => c.rel === '.smallcode/TODO.md'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(seen).toContainEqual({ kind: 'file', rel: '.smallcode/TODO.md' });
    } finally {
      await w.close();
    }
  });
});
