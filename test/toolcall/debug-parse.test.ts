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
});
