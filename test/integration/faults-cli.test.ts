// Faults as a user of `smallcode run` meets them (issue 9): a cut stream is retried and the run
// succeeds, saying the partial reply was discarded; a silent server says "waiting for the model…"
// and ends at the first-byte timeout; an empty reply fails; a garbled chunk is one line of ours
// on the real process's stderr (no library dump, no stack).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type ScriptedReply, type ScriptedServer } from '../support/scripted-server';
import { runBin, runCli } from '../support/cli-harness';

const workspace = () => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-faults-')));
const noUserConfig = { XDG_CONFIG_HOME: workspace() };

let server: ScriptedServer | undefined;
afterEach(() => server?.close());

async function run(kind: 'ollama' | 'llamacpp', replies: ScriptedReply[], env: Record<string, string> = {}) {
  server = await startScriptedServer({ kind, replies });
  const provider = kind === 'ollama' ? 'ollama' : 'openai';
  return runCli(['run', 'say hi', '--provider', provider, '--base-url', server.url, '--model', 'test-model'], {
    cwd: workspace(),
    env: { ...noUserConfig, ...env },
  });
}

test('a stream cut mid-reply is retried: exit 0, the answer printed, the discarded part named', async () => {
  const r = await run('ollama', [{ text: 'Hello th', cutAfterChunks: 2 }, { text: 'Hello there.' }]);
  expect(r.code).toBe(0);
  expect(r.stdout.trim()).toBe('Hello there.');
  expect(r.stderr).toMatch(/↻ http:\/\/127\.0\.0\.1:\d+ closed the connection in the middle of the reply — /);
  expect(r.stderr).toContain('the partial reply was discarded; asking again (2/3)');
  expect(server?.chatRequests()).toHaveLength(2);
});

test('a silent server: "waiting for the model… 5 s", then the first-byte timeout, exit 1, one request', async () => {
  const r = await run('llamacpp', [{ silent: true }], { SMALLCODE_FIRST_BYTE_TIMEOUT: '6' });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('· waiting for the model… 5 s');
  expect(r.stderr).toMatch(/error: http:\/\/127\.0\.0\.1:\d+\/v1 sent nothing for 6 s \(first-byte timeout\)/);
  expect(server?.chatRequests()).toHaveLength(1);
});

test('an empty 200 is an error, not an empty answer', async () => {
  const r = await run('ollama', [{ text: '' }, { text: '' }, { text: '' }]);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('sent an empty reply (no text and no tool call)');
});

test('a bad timeout setting is one usage line', async () => {
  const r = await run('ollama', [], { SMALLCODE_IDLE_TIMEOUT: 'soon' });
  expect(r.code).toBe(2);
  expect(r.stderr.trim()).toBe('smallcode: SMALLCODE_IDLE_TIMEOUT must be a number of seconds above 0, got "soon" — e.g. SMALLCODE_IDLE_TIMEOUT=600');
});

describe.each(['ollama', 'llamacpp'] as const)('%s: a malformed chunk, as the real process prints it', (kind) => {
  test('exactly one error line on stderr, no library message, no stack', async () => {
    server = await startScriptedServer({ kind, replies: [{ text: 'some text and then', malformedChunk: true }] });
    const provider = kind === 'ollama' ? 'ollama' : 'openai';
    const r = await runBin(['run', 'say hi', '--provider', provider, '--base-url', server.url, '--model', 'test-model'], {
      cwd: workspace(),
      env: noUserConfig,
    });
    expect(r.code).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toEqual([expect.stringMatching(/^error: unreadable answer from http:\/\/127\.0\.0\.1:\d+(\/v1)?: a streamed chunk was not valid JSON — /)]);
    expect(r.stderr).not.toMatch(/invalid json|Could not parse|From chunk|SyntaxError|\n\s+at /);
  });
});
