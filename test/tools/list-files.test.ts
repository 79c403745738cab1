import { compileGlob } from '../../src/workspace/glob';
import { listFilesTool } from '../../src/tools/list-files';
import { makeWorkspace, type TempWorkspace } from './temp-workspace';

describe('compileGlob', () => {
  it.each([
    ['**/*.ts', 'src/a/b.ts', true],
    ['**/*.ts', 'b.ts', true],
    ['**/*.ts', 'src/b.tsx', false],
    ['src/*.ts', 'src/a.ts', true],
    ['src/*.ts', 'src/x/a.ts', false],
    ['*.md', 'docs/deep/README.md', true],
    ['*.{js,ts}', 'a.js', true],
    ['*.{js,ts}', 'a.json', false],
    ['file?.txt', 'file1.txt', true],
    ['[ab].txt', 'c.txt', false],
  ])('%s on %s → %s', (glob, rel, expected) => {
    expect(compileGlob(glob).matches(rel)).toBe(expected);
  });
});

describe('list_files', () => {
  let ws: TempWorkspace;
  beforeAll(() => {
    ws = makeWorkspace({
      '.gitignore': 'dist/\n*.log\n',
      'README.md': '# hi\n',
      'src/index.ts': '',
      'src/util/strings.ts': '',
      'src/util/notes.md': '',
      'dist/index.js': '',
      'debug.log': '',
      'node_modules/x/index.js': '',
      'src/.gitignore': 'generated.ts\n',
      'src/generated.ts': '',
    });
  });
  afterAll(() => ws.cleanup());

  it('lists breadth-first, folders with a trailing slash, ignored paths left out', async () => {
    const r = await listFilesTool.run({}, ws.ctx());
    expect(r.ok).toBe(true);
    expect(r.forModel.split('\n')).toEqual([
      'src/',
      '.gitignore',
      'README.md',
      'src/util/',
      'src/.gitignore',
      'src/index.ts',
      'src/util/notes.md',
      'src/util/strings.ts',
    ]);
  });

  it('filters by glob relative to the listed folder', async () => {
    const r = await listFilesTool.run({ path: 'src', pattern: '**/*.ts' }, ws.ctx());
    expect(r.forModel.split('\n')).toEqual(['src/index.ts', 'src/util/strings.ts']);
  });

  it('says when nothing matches', async () => {
    const r = await listFilesTool.run({ pattern: '*.py' }, ws.ctx());
    expect(r.ok).toBe(true);
    expect(r.forModel).toContain('no files match "*.py"');
  });

  it('caps at 300 entries and says how many were left out', async () => {
    const big = makeWorkspace(Object.fromEntries(Array.from({ length: 320 }, (_, i) => [`f${String(i).padStart(3, '0')}.txt`, ''])));
    try {
      const r = await listFilesTool.run({}, big.ctx(100_000));
      const out = r.forModel.split('\n');
      expect(out).toHaveLength(301);
      expect(out[300]).toMatch(/^… 20 more entries not shown; narrow with path or pattern/);
      expect(r.details).toEqual({ kind: 'list', path: '.', entries: 320 });
    } finally {
      big.cleanup();
    }
  });

  it('points a file path to read_file', async () => {
    const r = await listFilesTool.run({ path: 'README.md' }, ws.ctx());
    expect(r.ok).toBe(false);
    expect(r.forModel).toContain('read_file');
  });
});

describe('list_files on a folder that is itself ignored', () => {
  it('lists it when asked by name, saying it is ignored', async () => {
    const ws = makeWorkspace({ '.gitignore': 'dist/\n', 'dist/a.js': '', 'node_modules/pkg/index.js': '' });
    try {
      const r = await listFilesTool.run({ path: 'dist' }, ws.ctx());
      expect(r.forModel.split('\n')).toEqual(['(dist is ignored by .gitignore or by default; listed because you asked for it)', 'dist/a.js']);
      const nm = await listFilesTool.run({ path: 'node_modules/pkg' }, ws.ctx());
      expect(nm.forModel).toContain('node_modules/pkg/index.js');
      const root = await listFilesTool.run({}, ws.ctx());
      expect(root.forModel).not.toContain('dist');
    } finally {
      ws.cleanup();
    }
  });
});
