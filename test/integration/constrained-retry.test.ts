// The constrained retry: a reply that clearly meant a tool call but cannot be read is retried
// once with the call schema enforced by the server (llama.cpp's nested json_schema form,
// Ollama's `format`), so the second answer cannot be malformed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { runCli } from '../support/cli-harness';

const workspace = () => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-retry-')));
const truncated = { text: 'Creating it now.\n<tool_call>{"name": "write_file", "arguments": {"path": "a.txt", "content": "hel' };
const valid = { text: '{"name": "write_file", "arguments": {"path": "a.txt", "content": "hello\\n"}}' };

describe('constrained retry of an unreadable call', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('llama.cpp: retries with response_format json_schema (nested) and applies the call', async () => {
    server = await startScriptedServer({ kind: 'llamacpp', replies: [truncated, valid, { text: 'Done.' }] });
    const root = workspace();
    const r = await runCli(['run', 'create a.txt', '--yes', '--provider', 'openai', '--base-url', server.url, '--model', 'test-model'], { cwd: root });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe('hello\n');
    const retry = server.chatRequests()[1].body as { response_format?: { type: string; json_schema?: { schema?: { oneOf?: unknown[] } } } };
    expect(retry.response_format?.type).toBe('json_schema');
    expect(retry.response_format?.json_schema?.schema).toBeDefined();
  });

  it('Ollama: retries with `format` set to the call schema', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [truncated, valid, { text: 'Done.' }] });
    const root = workspace();
    const r = await runCli(['run', 'create a.txt', '--yes', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], { cwd: root });
    expect(r.code).toBe(0);
    const retry = server.chatRequests()[1].body as { format?: unknown; options?: { num_ctx?: number } };
    expect(typeof retry.format).toBe('object');
    expect(retry.options?.num_ctx).toEqual(expect.any(Number));
    expect(fs.readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe('hello\n');
  });

  it('never takes a call-looking reply as the final answer: repairs, then exits 4 if it stays unreadable', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: () => truncated });
    const root = workspace();
    const r = await runCli(['run', 'create a.txt', '--yes', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], { cwd: root });
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(fs.existsSync(path.join(root, 'a.txt'))).toBe(false);
  });
});
