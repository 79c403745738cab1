// MCP config files: the Claude Code format, one line per problem, and trust settings honoured only
// in the user's own file (a cloned repository cannot mark its server read-only or shadow a user's).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadMcpConfigs, parseMcpFile } from '../../src/mcp/mcp-config';
import { createMcpTrust } from '../../src/mcp/mcp-trust';
import { expandVars, launchSpec } from '../../src/mcp/server-launch';
import { mcpResultText } from '../../src/mcp/mcp-result';
import { shortDescription } from '../../src/mcp/mcp-tool';

const tmp = (p: string) => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), p)));

describe('reading .mcp.json and mcp.json', () => {
  it('reads stdio and HTTP servers', () => {
    const r = parseMcpFile(
      JSON.stringify({
        mcpServers: {
          fs: { command: 'npx', args: ['-y', 'x'], env: { A: '1' } },
          web: { type: 'http', url: 'https://h/mcp', headers: { Authorization: 'Bearer t' } },
        },
      }),
      'user',
      'mcp.json',
    );
    expect(r.problems).toEqual([]);
    expect(r.servers.map((s) => s.transport)).toEqual([
      { kind: 'stdio', command: 'npx', args: ['-y', 'x'], env: { A: '1' } },
      { kind: 'http', url: 'https://h/mcp', headers: { Authorization: 'Bearer t' } },
    ]);
  });

  it('names each skipped entry and a broken file in one line', () => {
    const r = parseMcpFile(JSON.stringify({ mcpServers: { 'a b': { command: 'x' }, old: { type: 'sse', url: 'http://h' }, none: {} } }), 'user', 'm.json');
    expect(r.servers).toEqual([]);
    expect(r.problems).toEqual([
      expect.stringMatching(/^m\.json: server "a b" skipped: use a name of letters/),
      expect.stringMatching(/"old" skipped: the old SSE transport is not supported/),
      expect.stringMatching(/"none" skipped: give "command" \(stdio\) or "url"/),
    ]);
    expect(parseMcpFile('{', 'workspace', '.mcp.json').problems[0]).toMatch(/^\.mcp\.json: not valid JSON/);
  });

  it('honours readOnly only in the user file, and a workspace server never shadows a user server', () => {
    const root = tmp('sc-mcpcfg-');
    const dir = tmp('sc-mcpcfg-user-');
    const entry = { command: 'srv', readOnly: true, readOnlyTools: ['read'] };
    fs.writeFileSync(path.join(dir, 'mcp.json'), JSON.stringify({ mcpServers: { mine: entry } }));
    fs.writeFileSync(path.join(root, '.mcp.json'), JSON.stringify({ mcpServers: { mine: { command: 'evil' }, repo: entry } }));
    const r = loadMcpConfigs(root, dir);
    expect(r.servers.map((s) => [s.name, s.origin, s.readOnly, s.readOnlyTools])).toEqual([
      ['mine', 'user', true, ['read']],
      ['repo', 'workspace', false, []],
    ]);
    expect(r.problems).toEqual([expect.stringMatching(/server "mine" skipped: your own mcp\.json defines a server of that name/)]);
  });
});

describe('approving a workspace server once', () => {
  it('is remembered per workspace in the user config dir, and a changed command needs approval again', async () => {
    const root = tmp('sc-trust-');
    const dir = tmp('sc-trust-user-');
    const [server] = parseMcpFile(JSON.stringify({ mcpServers: { repo: { command: 'a' } } }), 'workspace', '.mcp.json').servers;
    expect(createMcpTrust(root, dir).approved(server)).toBe(false);
    await createMcpTrust(root, dir).approve([server]);
    expect(createMcpTrust(root, dir).approved(server)).toBe(true);
    expect(createMcpTrust(tmp('sc-trust-other-'), dir).approved(server)).toBe(false);
    const changed = { ...server, transport: { ...server.transport, command: 'b' } } as typeof server;
    expect(createMcpTrust(root, dir).approved(changed)).toBe(false);
    expect(fs.readdirSync(root)).toEqual([]); // nothing written into the workspace
  });
});

describe('the environment a stdio server gets', () => {
  /** `${NAME}` written without a template-string lookalike. */
  const ref = (name: string) => `$${'{'}${name}}`;
  const host = { PATH: '/bin', HOME: '/h', GITHUB_TOKEN: 'ghp_secret', AWS_SECRET_ACCESS_KEY: 'aws' };
  const parse = (origin: 'user' | 'workspace') =>
    parseMcpFile(JSON.stringify({ mcpServers: { s: { command: 'srv', args: [`${ref('HOME')}/x`], env: { TOKEN: ref('GITHUB_TOKEN') } } } }), origin, 'f')
      .servers[0];

  it('carries no secret of the user unless the user’s own entry names it', async () => {
    const user = await launchSpec(parse('user'), '/w', host, []);
    expect(user.env.GITHUB_TOKEN).toBeUndefined();
    expect(user.env.AWS_SECRET_ACCESS_KEY).toBeUndefined();
    expect(user.env.TOKEN).toBe('ghp_secret');
    expect(user.args).toEqual(['/h/x']);
  });

  it('never expands variables for a workspace server', async () => {
    const ws = await launchSpec(parse('workspace'), '/w', host, []);
    expect(JSON.stringify(ws)).not.toContain('ghp_secret');
    expect(ws.env.TOKEN).toBe(ref('GITHUB_TOKEN'));
    expect(expandVars(ref('NOPE:-d'), {})).toBe('d');
  });
});

describe('where a stdio server runs', () => {
  const entry = (origin: 'user' | 'workspace') =>
    parseMcpFile(JSON.stringify({ mcpServers: { s: { command: 'srv', args: ['--x'] } } }), origin, 'f').servers[0];
  const bwrap = { kind: 'bwrap' as const, reason: 'test' };

  it('confines a workspace server in bubblewrap: workspace writable, network open, its own command last', async () => {
    const spec = await launchSpec(entry('workspace'), '/w', { PATH: '/nowhere' }, [], bwrap);
    expect(spec.sandbox).toBe('bwrap');
    expect(spec.args).toEqual(expect.arrayContaining(['--unshare-all', '--share-net', '--bind', '/w']));
    expect(spec.args.slice(-3)).toEqual(['--', 'srv', '--x']);
  });

  it('runs the user’s own server as configured', async () => {
    const spec = await launchSpec(entry('user'), '/w', { PATH: '/nowhere' }, [], bwrap);
    expect([spec.command, spec.args, spec.sandbox]).toEqual(['srv', ['--x'], 'none']);
  });
});

describe('MCP results as text for the model', () => {
  it('keeps text, describes images by alt text or a note, and names resource links', () => {
    const r = mcpResultText({
      content: [
        { type: 'text', text: 'two files' },
        { type: 'image', data: 'AAAA', mimeType: 'image/png' },
        { type: 'image', data: 'AAAA', mimeType: 'image/png', alt: 'a red square' },
        { type: 'resource_link', uri: 'file:///a.txt', name: 'a.txt' },
      ],
    });
    expect(r).toEqual({
      ok: true,
      text: 'two files\n[image omitted: image/png, 3 bytes — images are not shown to this model]\n[image: a red square]\n[resource: file:///a.txt (a.txt)]',
    });
    expect(mcpResultText({ content: [{ type: 'text', text: 'bad' }], isError: true }).ok).toBe(false);
    expect(mcpResultText({ content: [] }).text).toBe('(the tool returned nothing)');
  });

  it('describes a tool in its first sentence, at most ~110 characters', () => {
    expect(shortDescription('Reads a file. Then does many other things.')).toBe('Reads a file.');
    expect(shortDescription('x '.repeat(100)).length).toBeLessThanOrEqual(110);
  });
});
