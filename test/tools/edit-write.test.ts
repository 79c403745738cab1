import * as fs from 'node:fs';
import * as path from 'node:path';
import { editFileTool } from '../../src/tools/edit-file';
import { writeFileTool } from '../../src/tools/write-file';
import { makeWorkspace, type TempWorkspace } from './temp-workspace';

describe('edit_file and write_file propose, never write', () => {
  let ws: TempWorkspace;
  const src = 'export function area(r: number) {\n  return 3.14 * r * r;\n}\n';
  beforeEach(() => {
    ws = makeWorkspace({ 'src/geo.ts': src, 'src/dup.ts': 'x = 1;\nx = 1;\n' });
  });
  afterEach(() => ws.cleanup());
  const onDisk = (rel: string) => fs.readFileSync(path.join(ws.root, rel), 'utf8');

  it('edit_file proposes an exact unique replacement with a diff and leaves the file alone', async () => {
    const r = await editFileTool.propose!({ path: 'src/geo.ts', search: '  return 3.14 * r * r;', replace: '  return Math.PI * r * r;' }, ws.ctx());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.proposal.path).toBe('src/geo.ts');
    expect(r.proposal.after).toBe(src.replace('3.14', 'Math.PI'));
    expect(r.proposal.diff).toContain('+  return Math.PI * r * r;');
    expect(onDisk('src/geo.ts')).toBe(src);
  });

  it('accepts old_str/new_str aliases', async () => {
    const r = await editFileTool.propose!({ path: 'src/geo.ts', old_str: '3.14', new_str: 'Math.PI' }, ws.ctx());
    expect(r.ok).toBe(true);
  });

  it('refuses an ambiguous or missing search with a hint', async () => {
    const dup = await editFileTool.propose!({ path: 'src/dup.ts', search: 'x = 1;', replace: 'x = 2;' }, ws.ctx());
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.refusal.code).toBe('ambiguous');
    const none = await editFileTool.propose!({ path: 'src/geo.ts', search: 'return 3.15', replace: 'y' }, ws.ctx());
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.refusal.code).toBe('no_match');
    const missing = await editFileTool.propose!({ path: 'src/geo.ts', search: 'return' }, ws.ctx());
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.refusal.reason).toContain('"replace"');
  });

  it('allows an empty replace (deletion)', async () => {
    const r = await editFileTool.propose!({ path: 'src/dup.ts', search: 'x = 1;\nx = 1;\n', replace: '' }, ws.ctx());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.proposal.after).toBe('');
  });

  it('write_file proposes a new file without creating it', async () => {
    const r = await writeFileTool.propose!({ path: 'src/new/util.ts', content: 'export const x = 1;\n' }, ws.ctx());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.proposal).toMatchObject({ path: 'src/new/util.ts', before: null, after: 'export const x = 1;\n', added: 1 });
    expect(fs.existsSync(path.join(ws.root, 'src/new/util.ts'))).toBe(false);
  });

  it('write_file names a missing content argument', async () => {
    const r = await writeFileTool.propose!({ path: 'a.txt' }, ws.ctx());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.reason).toContain('"content"');
  });

  it('run() says writes go through approval and touches nothing', async () => {
    for (const tool of [editFileTool, writeFileTool]) {
      expect(tool.risk).toBe('write');
      const r = await tool.run({ path: 'src/geo.ts', search: '3.14', replace: 'x', content: 'x' }, ws.ctx());
      expect(r.ok).toBe(false);
      expect(r.forModel).toContain('approval');
    }
    expect(onDisk('src/geo.ts')).toBe(src);
  });
});
