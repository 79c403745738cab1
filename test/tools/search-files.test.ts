import { clip, compileSearchPattern, searchFilesTool } from '../../src/tools/search-files';
import { makeWorkspace, type TempWorkspace } from './temp-workspace';

describe('search_files', () => {
  let ws: TempWorkspace;
  beforeAll(() => {
    ws = makeWorkspace({
      '.gitignore': 'build/\n',
      'src/a.ts': 'export function add(a: number, b: number) {\n  return a + b;\n}\n',
      'src/b.js': 'const add = (x) => x; // add(\n',
      'build/out.js': 'function add() {}\n',
      'bin.dat': Buffer.concat([Buffer.from('function add'), Buffer.from([0, 1, 2])]),
      'big.txt': 'function add\n'.repeat(90_000),
    });
  });
  afterAll(() => ws.cleanup());

  it('finds regex matches as path:line: text, skipping ignored, binary and large files', async () => {
    const r = await searchFilesTool.run({ pattern: 'function \\w+\\(' }, ws.ctx());
    expect(r.ok).toBe(true);
    expect(r.forModel).toBe('src/a.ts:1: export function add(a: number, b: number) {\n(1 match in 1 file)\n(1 file over 1 MB skipped)');
    expect(r.details).toEqual({ kind: 'search', pattern: 'function \\w+\\(', matches: 1 });
  });

  it('falls back to a literal search for an invalid regex and says so', async () => {
    const r = await searchFilesTool.run({ pattern: '(x) => x; // add(' }, ws.ctx());
    expect(r.forModel.split('\n')[0]).toMatch(/^Note: pattern is not a valid regular expression .*; searched for it as literal text\.$/);
    expect(r.forModel).toContain('src/b.js:1: const add = (x) => x; // add(');
    expect(r.forModel).not.toContain('src/a.ts');
  });

  it('honours /re/i flags, path and glob', async () => {
    expect(compileSearchPattern('/ADD/i').re.test('add')).toBe(true);
    const r = await searchFilesTool.run({ pattern: '/ADD/i', path: 'src', glob: '*.ts' }, ws.ctx());
    expect(r.forModel.split('\n')).toEqual(['src/a.ts:1: export function add(a: number, b: number) {', '(1 match in 1 file)']);
  });

  it('caps at 100 matches and reports the total', async () => {
    const many = makeWorkspace({ 'x.txt': 'hit\n'.repeat(150), 'y.txt': 'hit\n'.repeat(10) });
    try {
      const r = await searchFilesTool.run({ pattern: 'hit' }, many.ctx(100_000));
      const out = r.forModel.split('\n');
      expect(out.filter((l) => /^x\.txt:\d+: hit$/.test(l))).toHaveLength(100);
      expect(out[out.length - 1]).toBe('… showing 100 of 160 matches in 2 files; narrow with path, glob or a more specific pattern');
      const small = await searchFilesTool.run({ pattern: 'hit' }, many.ctx(500));
      expect(small.forModel.length).toBeLessThanOrEqual(500);
      expect(small.forModel).toMatch(/… showing \d+ of 160 matches/);
    } finally {
      many.cleanup();
    }
  });

  it('reports no matches plainly', async () => {
    const r = await searchFilesTool.run({ pattern: 'nothing_here_xyz' }, ws.ctx());
    expect(r.ok).toBe(true);
    expect(r.forModel).toMatch(/^no matches for \/nothing_here_xyz\//);
  });
});

describe('clip', () => {
  it('keeps the match in view on a long line', () => {
    const line = 'x'.repeat(1000) + 'NEEDLE' + 'y'.repeat(1000);
    const out = clip(line, 1000);
    expect(out).toContain('NEEDLE');
    expect(out.startsWith('… ')).toBe(true);
    expect(out.endsWith(' …')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(204);
  });
});
