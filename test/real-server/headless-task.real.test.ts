// SmallCode's real CLI (built dist, `node bin/smallcode`) against a real llama-server: doctor,
// and a headless `run --yes` whose native tool calls the server's own grammar produces.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliEnv, dig, startRig, workspace, type Rig, smallcode } from './suite-setup';
import { steering, type Move } from './steer';
import { streamFacts } from './sse';

const GREET = "function greet(name) {\n  return 'Hello ' + name;\n}\nmodule.exports = { greet };\n";
const TASK = 'In src/greet.js make greet end with an exclamation mark, then note the change in CHANGES.md.';
const MOVES: Move[] = [
  { call: 'read_file', args: { path: 'src/greet.js' } },
  { call: 'edit_file', args: { path: 'src/greet.js', search: "  return 'Hello ' + name;", replace: "  return 'Hello ' + name + '!';" } },
  { call: 'write_file', args: { path: 'CHANGES.md', content: '- greet() now ends with an exclamation mark\n' } },
  { answer: 'Updated src/greet.js and wrote CHANGES.md.' },
];

describe('smallcode doctor against llama-server', () => {
  let rig: Rig;
  beforeAll(async () => {
    const steer = steering([{ answer: 'ok' }]);
    rig = await startRig(4096, { rewriteChat: steer.rewrite });
    steer.attach(rig.proxy, rig.tokens);
  });
  afterAll(async () => rig?.stop('headless-task'));

  test('--json reports kind llama.cpp, the server window and native tools as /props says', async () => {
    const { json: props } = await rig.direct('/props');
    const r = await smallcode('headless-task', ['doctor', '--json'], { cwd: workspace({}), env: cliEnv(rig.proxy.url) });
    expect(r.stderr).toBe('');
    // The code together with stderr, so a failure shows SmallCode's own account.
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: r.stderr });
    const report = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(report).toMatchObject({
      ok: true,
      kind: 'llamacpp',
      contextWindow: dig(props, 'default_generation_settings', 'n_ctx'),
      contextSource: 'server',
      nativeTools: dig(props, 'chat_template_caps', 'supports_tools'),
      serverVersion: dig(props, 'build_info'),
    });
    expect(report.latencyMs).toBeGreaterThanOrEqual(0);
  });
});

describe('smallcode run --yes with native tools against llama-server', () => {
  let rig: Rig;
  const steer = steering(MOVES);
  beforeAll(async () => {
    rig = await startRig(8192, { rewriteChat: steer.rewrite });
    steer.attach(rig.proxy, rig.tokens);
  });
  afterAll(async () => rig?.stop('headless-task-2'));

  test('reads, edits and writes through calls the server generated, and exits 0', async () => {
    const ws = workspace({ 'src/greet.js': GREET });
    const r = await smallcode('headless-task-2', ['run', TASK, '--yes', '--max-steps', '8'], {
      cwd: ws,
      env: cliEnv(rig.proxy.url, { SMALLCODE_TOOLS: 'native' }),
    });
    expect(r.stderr).not.toMatch(/error/i);
    // The code together with stderr, so a failure shows SmallCode's own account.
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: r.stderr });
    expect(fs.readFileSync(path.join(ws, 'src/greet.js'), 'utf8')).toBe(GREET.replace('name;', "name + '!';"));
    expect(fs.readFileSync(path.join(ws, 'CHANGES.md'), 'utf8')).toBe('- greet() now ends with an exclamation mark\n');
    expect(r.stdout).toContain('Updated src/greet.js and wrote CHANGES.md.');

    // The server's own ids (32 alphanumerics, no call_) go back unchanged with each result.
    const chats = rig.proxy.chats();
    expect(chats).toHaveLength(4);
    for (let i = 0; i < 3; i++) {
      const call = streamFacts(chats[i]).calls[0];
      expect(call.id).toMatch(/^[A-Za-z0-9]{32}$/);
      const next = chats[i + 1].sent!.messages as { role: string; tool_calls?: { id: string }[]; tool_call_id?: string }[];
      const assistant = next.filter((m) => m.role === 'assistant')[i];
      expect(assistant.tool_calls?.[0].id).toBe(call.id);
      expect(next.some((m) => m.role === 'tool' && m.tool_call_id === call.id)).toBe(true);
    }
  });
});

describe('smallcode run --yes against llama-server --no-jinja', () => {
  let rig: Rig;
  const steer = steering(MOVES);
  beforeAll(async () => {
    rig = await startRig(8192, { rewriteChat: steer.rewrite }, ['--no-jinja']);
    steer.attach(rig.proxy, rig.tokens);
  });
  afterAll(async () => rig?.stop('headless-task-3'));

  test('/props advertises tools the server then refuses; SmallCode finds out before its first request, uses text calls and finishes', async () => {
    const ws = workspace({ 'src/greet.js': GREET });
    const r = await smallcode('headless-task-3', ['run', TASK, '--yes', '--max-steps', '8'], {
      cwd: ws,
      env: cliEnv(rig.proxy.url, { SMALLCODE_TOOLS: 'native' }),
    });
    // The code together with stderr, so a failure shows SmallCode's own account.
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: r.stderr });
    expect(fs.readFileSync(path.join(ws, 'CHANGES.md'), 'utf8')).toBe('- greet() now ends with an exclamation mark\n');
    // Discovery probes whether tools really work (a request with tools → 500 "requires --jinja"),
    // so no chat request of the task carries tools and none is refused.
    const chats = rig.proxy.chats();
    expect(chats.every((c) => c.status === 200 && c.sent!.tools === undefined)).toBe(true);
  });
});
