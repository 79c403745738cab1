// `smallcode run` end to end: the real CLI, the real agent, the real ollama/openai clients, a
// scripted server on 127.0.0.1 and a real temp workspace.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-server';
import { runCli } from '../support/cli-harness';

function workspace(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-run-')));
}

const writeHello = { toolCalls: [{ name: 'write_file', arguments: { path: 'hello.txt', content: 'hi\n' } }] };

describe('smallcode run against Ollama', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('creates the file with --yes, exits 0 and prints the final answer', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [writeHello, { text: 'Created hello.txt.' }] });
    const root = workspace();
    const r = await runCli(['run', 'create hello.txt containing hi', '--yes', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], {
      cwd: root,
    });
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'hello.txt'), 'utf8')).toBe('hi\n');
    expect(r.stdout).toContain('Created hello.txt.');
    const chats = server.chatRequests();
    expect(chats.length).toBe(2);
    for (const req of chats) expect((req.body as { options?: { num_ctx?: number } }).options?.num_ctx).toEqual(expect.any(Number));
    // The second request carries the tool result back to the model.
    expect(JSON.stringify(chats[1].body)).toContain('hello.txt');
  });

  it('without --yes writes nothing, tells the model, and exits non-zero', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [writeHello, { text: 'I could not write the file.' }] });
    const root = workspace();
    const r = await runCli(['run', 'create hello.txt containing hi', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], { cwd: root });
    expect(fs.existsSync(path.join(root, 'hello.txt'))).toBe(false);
    expect(JSON.stringify(server.chatRequests()[1].body)).toMatch(/--yes/);
    expect(r.code).toBe(5);
  });

  it('reads a call written as text (no native call) and applies it', async () => {
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [{ text: 'Sure.\n<tool_call>{"name": "write_file", "arguments": {"path": "a.txt", "content": "x\\n"}}</tool_call>' }, { text: 'Done.' }],
    });
    const root = workspace();
    const r = await runCli(['run', 'make a.txt', '--yes', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], { cwd: root });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe('x\n');
  });

  it('stops at the step cap with a non-zero exit and the reason', async () => {
    let n = 0;
    server = await startScriptedServer({
      kind: 'ollama',
      replies: () => ({ toolCalls: [{ name: 'read_file', arguments: { path: `f${n++ % 2}.txt` } }] }),
    });
    const root = workspace();
    fs.writeFileSync(path.join(root, 'f0.txt'), 'zero');
    fs.writeFileSync(path.join(root, 'f1.txt'), 'one');
    const r = await runCli(['run', 'read forever', '--max-steps', '3', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], {
      cwd: root,
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/max steps/);
  });

  it('emits one JSON event per line with --json, budget numbers matching what the server reported', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [{ text: 'Hello.', promptTokens: 321 }] });
    const root = workspace();
    const r = await runCli(['run', 'say hello', '--json', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], { cwd: root });
    expect(r.code).toBe(0);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; report?: { prompt: number; source: string } });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['turn.start', 'budget', 'model.done', 'turn.end']));
    const exact = events.filter((e) => e.type === 'budget' && e.report?.source === 'exact');
    expect(exact.map((e) => e.report!.prompt)).toEqual([321]);
  });
});

describe('smallcode run against an OpenAI-compatible server', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it.each(['llamacpp', 'lmstudio', 'vllm'] as const)('applies a streamed, fragmented tool call from %s', async (kind) => {
    server = await startScriptedServer({ kind, replies: [writeHello, { text: 'Done.' }] });
    const root = workspace();
    const r = await runCli(['run', 'create hello.txt', '--yes', '--provider', 'openai', '--base-url', `${server.url}/v1`, '--model', 'test-model'], {
      cwd: root,
    });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'hello.txt'), 'utf8')).toBe('hi\n');
  });
});

describe('smallcode run failures are one line', () => {
  it('names the URL when nothing listens', async () => {
    const root = workspace();
    const r = await runCli(['run', 'x', '--provider', 'ollama', '--base-url', 'http://127.0.0.1:9', '--model', 'm'], { cwd: root });
    expect(r.code).toBe(1);
    // One line for the failure (a machine without bubblewrap adds its own warning before it).
    expect(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('! no sandbox')),
    ).toHaveLength(1);
    expect(r.stderr).toContain('127.0.0.1:9');
  });

  it('rejects a missing task with usage exit 2', async () => {
    const r = await runCli(['run'], { cwd: workspace() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no task given/);
  });
});

describe('smallcode run recovers from a prompt the server calls too long', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('compacts and retries the step once after a llama.cpp exceed_context_size_error', async () => {
    const overflow = {
      error: {
        code: 400,
        message: 'request (9000 tokens) exceeds the available context size (8192 tokens), try increasing it',
        type: 'exceed_context_size_error',
        n_prompt_tokens: 9000,
        n_ctx: 8192,
      },
    };
    server = await startScriptedServer({
      kind: 'llamacpp',
      contextWindow: 8192,
      replies: [{ httpError: { status: 400, body: overflow } }, { text: 'Recovered.' }],
    });
    const r = await runCli(['run', 'hello', '--json', '--provider', 'openai', '--base-url', server.url, '--model', 'test-model'], { cwd: workspace() });
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; message?: string });
    expect(events.some((e) => e.type === 'notice' && /too long/.test(e.message ?? ''))).toBe(true);
    expect(r.code).toBe(0);
    expect(events.at(-1)).toMatchObject({ type: 'turn.end', reason: 'done', text: 'Recovered.' });
  });

  it('fails with one clear line when the retry overflows too', async () => {
    const overflow = {
      error: {
        code: 400,
        message: 'request (9000 tokens) exceeds the available context size (8192 tokens), try increasing it',
        type: 'exceed_context_size_error',
        n_prompt_tokens: 9000,
        n_ctx: 8192,
      },
    };
    server = await startScriptedServer({ kind: 'llamacpp', contextWindow: 8192, replies: () => ({ httpError: { status: 400, body: overflow } }) });
    const r = await runCli(['run', 'hello', '--provider', 'openai', '--base-url', server.url, '--model', 'test-model'], { cwd: workspace() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: .*(too long|context)/i);
  });
});

describe('tool descriptions stay cache-friendly', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('describes each tool once in the history and only names the routed set in the tail', async () => {
    server = await startScriptedServer({
      kind: 'ollama',
      replies: [
        { toolCalls: [{ name: 'read_file', arguments: { path: 'a.txt' } }] },
        { toolCalls: [{ name: 'edit_file', arguments: { path: 'a.txt', search: 'one', replace: 'two' } }] },
        { toolCalls: [{ name: 'read_file', arguments: { path: 'a.txt' } }] },
        { text: 'Done.' },
      ],
    });
    const root = workspace();
    fs.writeFileSync(path.join(root, 'a.txt'), 'one\n');
    const r = await runCli(['run', 'change one to two in a.txt', '--yes', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], {
      cwd: root,
    });
    expect(r.code).toBe(0);
    const last = server.chatRequests().at(-1)!.body as { messages: { content: string }[] };
    const text = last.messages.map((m) => m.content).join('\n');
    for (const tool of ['read_file', 'edit_file', 'write_file']) {
      expect(text.split(`${tool}(`).length - 1).toBe(1); // one signature line per tool, ever
    }
    expect(text.match(/To use a tool, reply with exactly one block/g)).toHaveLength(1);
    expect(last.messages.at(-1)!.content).toMatch(/Tools for this step: [\w, ]+\.$/);
  });
});

describe('exact token counts where the server can tokenize', () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it.each(['llamacpp', 'vllm'] as const)('%s: the first budget event comes from the server tokenizer', async (kind) => {
    server = await startScriptedServer({ kind, replies: [{ text: 'Hi.' }] });
    const r = await runCli(['run', 'say hi', '--json', '--provider', 'openai', '--base-url', server.url, '--model', 'test-model'], { cwd: workspace() });
    expect(r.code).toBe(0);
    const budgets = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; report?: { source: string; prompt: number } })
      .filter((e) => e.type === 'budget');
    expect(budgets[0].report?.source).toBe('exact');
    expect(server.requests.some((q) => q.path === '/tokenize')).toBe(true);
  });

  it('llamacpp in native-tool mode: the exact first count includes the tools, as the server renders them', async () => {
    server = await startScriptedServer({ kind: 'llamacpp', replies: [{ text: 'Hi.' }] });
    const r = await runCli(['run', 'say hi', '--json', '--provider', 'openai', '--base-url', server.url, '--model', 'test-model'], {
      cwd: workspace(),
      env: { SMALLCODE_TOOLS: 'native' },
    });
    expect(r.code).toBe(0);
    // The last /apply-template is the count (the first one is discovery's --no-jinja probe).
    const template = server.requests.filter((q) => q.path === '/apply-template').at(-1);
    const chat = server.chatRequests()[0].body as { tools: unknown[] };
    expect(template?.body).toMatchObject({ tools: chat.tools });
    const first = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; report?: { source: string; prompt: number } })
      .find((e) => e.type === 'budget');
    // The scripted tokenizer: 1 token per 4 characters of the rendered prompt, + BOS.
    const tokenize = server.requests.find((q) => q.path === '/tokenize')?.body as { content: string };
    expect(first?.report).toMatchObject({ source: 'exact', prompt: Math.ceil(tokenize.content.length / 4) + 1 });
  });
});

describe("SmallCode state stays out of the user's git status", () => {
  let server: ScriptedServer;
  afterEach(() => server?.close());

  it('writes .smallcode/.gitignore covering session logs and the journal', async () => {
    server = await startScriptedServer({ kind: 'ollama', replies: [writeHello, { text: 'ok' }] });
    const root = workspace();
    await runCli(['run', 'x', '--yes', '--provider', 'ollama', '--base-url', server.url, '--model', 'test-model'], { cwd: root });
    const ignore = fs.readFileSync(path.join(root, '.smallcode', '.gitignore'), 'utf8');
    expect(ignore).toMatch(/^sessions\/$/m);
    expect(ignore).toMatch(/^journal\/$/m);
    expect(fs.readdirSync(path.join(root, '.smallcode', 'journal')).length).toBe(1);
  });
});
