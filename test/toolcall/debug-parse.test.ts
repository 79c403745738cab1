// `smallcode debug parse`: stdin → one JSON object on stdout; --tools limits the names; exit 2 on misuse.
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';

async function run(args: string[], input: string): Promise<{ code: number; out: string; err: string }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  stdin.end(input);
  const code = await main(['debug', 'parse', ...args], { stdin, stdout, stderr, env: {}, cwd: process.cwd() });
  return { code, out, err };
}

describe('smallcode debug parse', () => {
  it('prints calls, leftover text and diagnostics as one JSON object', async () => {
    const r = await run([], 'Reading it now.\n<tool_call>{"name": "read_file", "arguments": {"path": "a.ts"}}</tool_call>');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    const j = JSON.parse(r.out);
    expect(j.calls).toEqual([{ name: 'read_file', arguments: { path: 'a.ts' } }]);
    expect(j.text).toBe('Reading it now.');
    expect(j.diagnostics).toContainEqual({ strategy: 'tagged', kind: 'matched', detail: 'read_file' });
  });

  it('accepts any name without --tools', async () => {
    const j = JSON.parse((await run([], '{"name": "get_weather", "arguments": {"city": "Oslo"}}')).out);
    expect(j.calls).toEqual([{ name: 'get_weather', arguments: { city: 'Oslo' } }]);
  });

  it('with --tools only those names can be calls, aliases resolve to them', async () => {
    const input = '{"name": "bash", "arguments": {"cmd": "ls"}}';
    const limited = JSON.parse((await run(['--tools', 'run_command,read_file'], input)).out);
    expect(limited.calls).toEqual([{ name: 'run_command', arguments: { command: 'ls' } }]);
    const other = JSON.parse((await run(['--tools=read_file'], input)).out);
    expect(other.calls).toEqual([]);
    expect(other.diagnostics.map((d: { kind: string }) => d.kind)).toContain('unknown_tool');
  });

  it('exits 2 with one line on stderr for a usage error', async () => {
    for (const args of [['--bogus'], ['--tools'], ['--tools', ' , ']]) {
      const r = await run(args, '');
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('handles empty input', async () => {
    const r = await run([], '');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ calls: [], text: '', diagnostics: [] });
  });

  it('shows the blocks of an edit call as the patch engine reads them, with or without --tools', async () => {
    const input =
      '<apply_diff>\n<path>a.py</path>\n<diff>\n<<<<<<< SEARCH\nx = 1\n=======\nx = 2\n>>>>>>> REPLACE\n\n' +
      '<<<<<<< SEARCH\ny = 1\n=======\ny = 2\n>>>>>>> REPLACE\n</diff>\n</apply_diff>';
    const blocks = [
      { search: 'x = 1\n', replace: 'x = 2\n' },
      { search: 'y = 1\n', replace: 'y = 2\n' },
    ];
    const withTools = JSON.parse((await run(['--tools', 'edit_file'], input)).out);
    expect(withTools.calls).toMatchObject([{ name: 'edit_file', edit: { blocks } }]);
    const anyName = JSON.parse((await run([], input)).out);
    expect(anyName.calls).toMatchObject([{ name: 'apply_diff', edit: { blocks } }]);
    const broken = JSON.parse(
      (await run(['--tools', 'edit_file'], '{"name": "edit_file", "arguments": {"path": "a.py", "diff": "<<<<<<< SEARCH\\nx\\n>>>>>>> REPLACE"}}')).out,
    );
    expect(broken.calls).toEqual([]);
    expect(broken.diagnostics.map((d: { detail: string }) => d.detail).join('\n')).toMatch(/could not be read/);
  });
});
