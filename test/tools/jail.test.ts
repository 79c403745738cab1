// Every path-taking tool refuses paths that leave the workspace, including through a symlink.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allTools } from '../../src/tools/registry';
import type { Tool } from '../../src/tools/types';
import { makeWorkspace, type TempWorkspace } from './temp-workspace';

describe('workspace jail for every path-taking tool', () => {
  let ws: TempWorkspace;
  let outside: string;
  beforeAll(() => {
    ws = makeWorkspace({ 'a/inside.txt': 'inside\n' });
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'smallcode-outside-')));
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret outside\n');
    fs.symlinkSync(outside, path.join(ws.root, 'link-out'));
  });
  afterAll(() => {
    ws.cleanup();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const pathTools = allTools().filter((t) => 'path' in ((t.parameters.properties as Record<string, unknown>) ?? {}));
  const argsFor = (t: Tool, p: string): Record<string, unknown> =>
    ({
      read_file: { path: p },
      list_files: { path: p },
      search_files: { pattern: 'secret', path: p },
      edit_file: { path: p, search: 'secret', replace: 'x' },
      write_file: { path: p, content: 'x' },
    })[t.name] ?? { path: p };

  it('covers the path-taking tools', () => {
    expect(pathTools.map((t) => t.name)).toEqual(['read_file', 'list_files', 'search_files', 'edit_file', 'write_file']);
  });

  const escapes = ['../x', '/etc/passwd', 'link-out/secret.txt', 'link-out', 'a/../../x'];
  for (const p of escapes) {
    it(`refuses ${p}`, async () => {
      for (const tool of pathTools) {
        const args = argsFor(tool, p);
        const res = tool.propose ? await tool.propose(args, ws.ctx()) : await tool.run(args, ws.ctx());
        if ('forModel' in res) {
          expect({ tool: tool.name, ok: res.ok }).toEqual({ tool: tool.name, ok: false });
          expect(res.forModel).toMatch(/outside the workspace|symlink/);
          expect(res.forModel).not.toContain('secret outside');
        } else {
          expect({ tool: tool.name, ok: res.ok }).toEqual({ tool: tool.name, ok: false });
          if (!res.ok) expect(res.refusal.reason).toMatch(/outside the workspace|symlink/);
        }
      }
    });
  }

  it('still serves a path inside the workspace', async () => {
    const read = allTools().find((t) => t.name === 'read_file')!;
    expect((await read.run({ path: 'a/../a/inside.txt' }, ws.ctx())).ok).toBe(true);
  });

  it('search and list never walk into a symlink pointing outside', async () => {
    const search = allTools().find((t) => t.name === 'search_files')!;
    const r = await search.run({ pattern: 'secret outside' }, ws.ctx());
    expect(r.forModel).not.toContain('secret.txt');
    const list = allTools().find((t) => t.name === 'list_files')!;
    const l = await list.run({}, ws.ctx());
    expect(l.forModel).not.toContain('link-out');
  });
});
