// The loop closed by the project's own checks (issue 10, item 7): a scripted model makes a
// semantic mistake — its edit applies but breaks a test — and fixes it only if its next request
// carries the failure digest. Checks on: the run ends with passing tests, exit 0. Checks off: it
// ends "done" with the bug in place. Fix rounds used up: exit 7, the check events in --json.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type RecordedRequest, type ScriptedReply, type ScriptedServer } from '../support/scripted-server';
import { runCli } from '../support/cli-harness';

type Wire = { role: string; content: string };
const messagesOf = (r: RecordedRequest) => (r.body as { messages: Wire[] }).messages;
const textCall = (name: string, args: Record<string, unknown>): ScriptedReply => ({
  text: `<tool_call>${JSON.stringify({ name, arguments: args })}</tool_call>`,
});

const BUGGY = 'return items.reduce((s, i) => s + i.price, 0) * 0.1;';
const FIXED = 'return items.reduce((s, i) => s + i.price, 0) * 0.9;';

function workspace(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-checkloop-')));
  const write = (rel: string, text: string) => fs.writeFileSync(path.join(root, rel), text);
  write('package.json', JSON.stringify({ name: 'shop', private: true, scripts: { test: 'node --test' } }, null, 2));
  write('total.js', 'function total(items) {\n  return items.reduce((s, i) => s + i.price, 0);\n}\nmodule.exports = { total };\n');
  write(
    'total.test.js',
    [
      "const test = require('node:test');",
      "const assert = require('node:assert');",
      "const { total } = require('./total.js');",
      "test('total applies the 10% discount', () => {",
      '  assert.strictEqual(total([{ price: 10 }, { price: 20 }]), 27);',
      '});',
      '',
    ].join('\n'),
  );
  return root;
}

/** The digest, as the model would see it: the check's result with expected and actual. */
const carriesDigest = (text: string) => text.includes('<tool_result name="run_checks">') && text.includes('3 !== 27');

/** Edits wrongly first; fixes only when the newest message is the failure digest. */
function model(opts: { fixes: boolean }) {
  return (req: RecordedRequest): ScriptedReply => {
    const messages = messagesOf(req);
    const last = messages.at(-1)?.content ?? '';
    if (!messages.some((m) => m.role === 'assistant'))
      return textCall('edit_file', { path: 'total.js', search: 'return items.reduce((s, i) => s + i.price, 0);', replace: BUGGY });
    if (opts.fixes && carriesDigest(last)) return textCall('edit_file', { path: 'total.js', search: BUGGY, replace: FIXED });
    return { text: 'Done: total() applies the discount.' };
  };
}

const cli = (root: string, server: ScriptedServer, extra: string[], env: Record<string, string> = {}, task = 'give total() a 10% discount') =>
  runCli(['run', task, '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model', ...extra], {
    cwd: root,
    env: { XDG_CONFIG_HOME: path.join(root, '.no-config'), ...env },
  });

describe('the check loop, end to end', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('checks on: the failing test goes back as a digest, the model fixes it, the run exits 0', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: model({ fixes: true }) });
    const root = workspace();
    // No sandbox is assumed here: --yes=all lets the discovered `npm test` run unasked.
    const r = await cli(root, server, ['--yes=all', '--json']);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'total.js'), 'utf8')).toContain('* 0.9');
    const digests = server.chatRequests().filter((q) => carriesDigest(messagesOf(q).at(-1)?.content ?? ''));
    expect(digests).toHaveLength(1);
    // The test failed before the change too (the task is to make it pass), differently: `changed`.
    expect(messagesOf(digests[0]).at(-1)?.content).toMatch(/CHANGED failure[\s\S]*total applies the 10% discount[\s\S]*3 !== 27/);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; phase?: string; status?: string; verdict?: string });
    const finished = events.filter((e) => e.type === 'check.finished').map((e) => `${e.phase} ${e.status} ${e.verdict ?? ''}`.trim());
    expect(finished).toEqual(['baseline failed', 'verify failed changed', 'verify passed fixed']);
  });

  it('SMALLCODE_CHECKS=off: the turn ends "done" with the bug in place', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: model({ fixes: true }) });
    const root = workspace();
    const r = await cli(root, server, ['--yes=all'], { SMALLCODE_CHECKS: 'off' });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'total.js'), 'utf8')).toContain('* 0.1');
    expect(server.chatRequests()).toHaveLength(2);
  });

  it('fix rounds used up: exit 7, the answer names the failing check, --json carries the check events', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: model({ fixes: false }) });
    const root = workspace();
    // A configured check runs unasked under plain --yes, like an allow-listed command.
    const r = await cli(root, server, ['--yes', '--json'], { SMALLCODE_CHECKS: 'node --test', SMALLCODE_FIX_ROUNDS: '1' });
    expect(r.code).toBe(7);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; reason?: string; text?: string });
    const end = events.find((e) => e.type === 'turn.end');
    expect(end).toMatchObject({ reason: 'checks_failing' });
    expect(end?.text).toMatch(/checks still fail after 1 fix round: node --test \(`node --test`, changed\)/);
    expect(events.filter((e) => e.type === 'check.started')).toHaveLength(2); // baseline, verify (the second verify reuses it: no new change)
  });

  it('the same failure after a fix round counts as a stuck failure (guard event), then the turn ends honestly', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: model({ fixes: false }) });
    const root = workspace();
    const r = await cli(root, server, ['--yes', '--json'], { SMALLCODE_CHECKS: 'node --test', SMALLCODE_FIX_ROUNDS: '2' });
    expect(r.code).toBe(7);
    const guards = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; kind?: string; message?: string })
      .filter((e) => e.type === 'guard');
    expect(guards).toEqual([{ type: 'guard', kind: 'stuck_patch', message: 'check node --test fails exactly as before the last fix' }]);
  });

  it('run_checks: the model asks to test and reads the digest', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [textCall('run_checks', {}), { text: 'The discount test fails.' }] });
    const root = workspace();
    const r = await cli(root, server, ['--yes'], { SMALLCODE_CHECKS: 'node --test' }, 'run the tests and tell me what fails');
    expect(r.code).toBe(0);
    const result = messagesOf(server.chatRequests()[1]).at(-1)?.content ?? '';
    expect(result).toMatch(/<tool_result name="run_checks">[\s\S]*node --test: FAILED[\s\S]*30 !== 27/);
    const offered = messagesOf(server.chatRequests()[0])
      .map((m) => m.content)
      .join('\n');
    expect(offered).toContain('run_checks');
  });

  it('a project that was already red does not trap the model: unchanged failures do not block', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: model({ fixes: false }) });
    const root = workspace();
    fs.writeFileSync(path.join(root, 'other.test.js'), "require('node:test')('old', () => { throw new Error('broken since forever'); });\n");
    fs.writeFileSync(path.join(root, 'total.test.js'), "require('node:test')('fine', () => {});\n");
    const r = await cli(root, server, ['--yes', '--json'], { SMALLCODE_CHECKS: 'node --test' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pre-existing check failures, unchanged by this turn: node --test');
    expect(server.chatRequests()).toHaveLength(2);
  });
});
