import { readFileTool } from '../../src/tools/read-file';
import { makeWorkspace, type TempWorkspace } from './temp-workspace';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

describe('read_file', () => {
  let ws: TempWorkspace;
  beforeAll(() => {
    ws = makeWorkspace({
      'src/a.ts': 'const a = 1;\nexport { a };\n',
      'crlf.txt': 'one\r\ntwo\r\n',
      'long.txt': lines(500),
      'empty.txt': '',
      'img.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
      'deep/nested/config.json': '{}\n',
    });
  });
  afterAll(() => ws.cleanup());

  it('numbers lines as "N<TAB>text" without a hint for a whole small file', async () => {
    const r = await readFileTool.run({ path: 'src/a.ts' }, ws.ctx());
    expect(r.ok).toBe(true);
    expect(r.forModel).toBe('1\tconst a = 1;\n2\texport { a };');
    expect(r.details).toEqual({ kind: 'read', path: 'src/a.ts', lines: 2, startLine: 1, endLine: 2 });
  });

  it('drops CR of CRLF in the view', async () => {
    const r = await readFileTool.run({ path: 'crlf.txt' }, ws.ctx());
    expect(r.forModel).toBe('1\tone\n2\ttwo');
  });

  it('caps by outputCap and says exactly how to continue', async () => {
    const r = await readFileTool.run({ path: 'long.txt' }, ws.ctx(1000));
    expect(r.forModel.length).toBeLessThanOrEqual(1000);
    const last = r.forModel.split('\n').pop()!;
    const m = /^… file has 500 lines; showing 1-(\d+)\. read_file with start_line=(\d+) to continue$/.exec(last);
    expect(m).not.toBeNull();
    const k = Number(m![1]);
    expect(Number(m![2])).toBe(k + 1);
    expect(r.forModel).toContain(`\n${k}\tline ${k}\n`);
    expect(r.forModel).not.toContain(`\tline ${k + 1}\n`);
    const next = await readFileTool.run({ path: 'long.txt', start_line: k + 1 }, ws.ctx(1000));
    expect(next.forModel.startsWith(`${k + 1}\tline ${k + 1}\n`)).toBe(true);
  });

  it('reads a range, accepting numeric strings, and notes the rest', async () => {
    const r = await readFileTool.run({ path: 'long.txt', start_line: '10', end_line: 12 }, ws.ctx());
    expect(r.forModel).toBe('10\tline 10\n11\tline 11\n12\tline 12\n… file has 500 lines; showing 10-12.');
  });

  it('reads start_line=0 as 1 and end_line=-1 as "to the end"', async () => {
    const r = await readFileTool.run({ path: 'src/a.ts', start_line: 0, end_line: -1 }, ws.ctx());
    expect(r.forModel).toBe('1\tconst a = 1;\n2\texport { a };');
  });

  it('refuses start_line past the end with the line count', async () => {
    const r = await readFileTool.run({ path: 'src/a.ts', start_line: 9 }, ws.ctx());
    expect(r.ok).toBe(false);
    expect(r.forModel).toContain('has 2 lines');
  });

  it('refuses binary files and points folders to list_files', async () => {
    const bin = await readFileTool.run({ path: 'img.png' }, ws.ctx());
    expect(bin.ok).toBe(false);
    expect(bin.forModel).toContain('binary');
    const dir = await readFileTool.run({ path: 'src' }, ws.ctx());
    expect(dir.ok).toBe(false);
    expect(dir.forModel).toContain('list_files');
  });

  it('says when a file is empty', async () => {
    const r = await readFileTool.run({ path: 'empty.txt' }, ws.ctx());
    expect(r.ok).toBe(true);
    expect(r.forModel).toContain('empty');
  });

  it('suggests files with the same name when the path is wrong', async () => {
    const r = await readFileTool.run({ path: 'config.json' }, ws.ctx());
    expect(r.ok).toBe(false);
    expect(r.forModel).toContain('deep/nested/config.json');
  });

  it('accepts "path:line" copied from search results, starting a little before that line', async () => {
    const r = await readFileTool.run({ path: 'long.txt:40' }, ws.ctx(400));
    expect(r.ok).toBe(true);
    expect(r.forModel.startsWith('30\tline 30')).toBe(true);
    expect(r.details).toMatchObject({ path: 'long.txt', startLine: 30 });
  });

  it('asks for the missing path argument by name', async () => {
    const r = await readFileTool.run({}, ws.ctx());
    expect(r.ok).toBe(false);
    expect(r.forModel).toContain('"path"');
  });
});
