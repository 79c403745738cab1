// A stream cut mid-reply (the proxy closes the connection, as a dropped link or a crashed server
// would). Correct behaviour (issue 9): the partial reply is discarded and the step retried, as
// a 500 already is. On main before that fix, `run` exits 1 on the first cut: this test fails
// there on purpose.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliEnv, startRig, workspace, type Rig, smallcode } from './suite-setup';
import { steering, type Move } from './steer';
import { streamFacts } from './sse';

const ANSWER = 'Wrote hello.txt with a greeting for the team.';
const MOVES: Move[] = [{ call: 'write_file', args: { path: 'hello.txt', content: 'Hello, team!\n' } }, { answer: ANSWER }];

describe('a stream cut mid-reply by the network', () => {
  let rig: Rig;
  const steer = steering(MOVES);
  beforeAll(async () => {
    // Chat 0: the tool call, cut after 6 events. Chat 1: its retry. Chat 2: the answer, cut
    // after 4 events. Chat 3: its retry.
    rig = await startRig(8192, { rewriteChat: steer.rewrite, cutAfterEvents: (i) => (i === 0 ? 6 : i === 2 ? 4 : undefined) });
    steer.attach(rig.proxy, rig.tokens);
  });
  afterAll(async () => rig?.stop('cut-stream'));

  test('is retried with the partial reply discarded: the call runs once and the answer is whole (fails on main until cut streams are retried)', async () => {
    const ws = workspace({});
    const r = await smallcode('cut-stream', ['run', 'Create hello.txt greeting the team.', '--yes', '--max-steps', '6'], {
      cwd: ws,
      env: cliEnv(rig.proxy.url, { SMALLCODE_TOOLS: 'native' }),
    });
    const chats = rig.proxy.chats();
    // The cuts really happened after some content had reached SmallCode.
    expect(chats[0].cut).toBe(true);
    expect(streamFacts(chats[0]).calls[0]?.fragments.length ?? 0).toBeGreaterThan(0);
    // The code together with stderr, so a failure shows SmallCode's own account.
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: r.stderr });
    expect(fs.readFileSync(path.join(ws, 'hello.txt'), 'utf8')).toBe('Hello, team!\n');
    expect(chats[2].cut).toBe(true);
    expect(streamFacts(chats[2]).content.length).toBeGreaterThan(0);
    expect(chats).toHaveLength(4);
    // Each retry sends the same conversation: nothing of the cut reply entered the history.
    expect(chats[1].sent!.messages).toEqual(chats[0].sent!.messages);
    expect(chats[3].sent!.messages).toEqual(chats[2].sent!.messages);
    expect(r.stdout.trim()).toBe(ANSWER);
  });
});

describe('an error the server sends after a whole generation', () => {
  let rig: Rig;
  const steer = steering(MOVES);
  beforeAll(async () => {
    // Chat 0 goes to a server whose model writes invalid UTF-8: HTTP 200, the role delta, then
    // data: {"error": {"code": 500, …}} once the generation is over. The rest go to the good one.
    rig = await startRig(8192, { rewriteChat: (body, i) => (i === 0 ? { ...body, max_tokens: 16 } : steer.rewrite(body, i)), toGarbled: (i) => i === 0 });
    steer.attach(rig.proxy, rig.tokens);
  });
  afterAll(async () => rig?.stop('cut-stream-2'));

  test('is retried like a 500 before the stream, and the task finishes', async () => {
    const ws = workspace({});
    const r = await smallcode('cut-stream-2', ['run', 'Create hello.txt greeting the team.', '--yes', '--max-steps', '6'], {
      cwd: ws,
      env: cliEnv(rig.proxy.url, { SMALLCODE_TOOLS: 'native' }),
    });
    const chats = rig.proxy.chats();
    expect(chats[0].upstream).toBe(rig.garbled!.url);
    expect(chats[0].response).toContain('does not match the expected peg-native format');
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: r.stderr });
    expect(fs.readFileSync(path.join(ws, 'hello.txt'), 'utf8')).toBe('Hello, team!\n');
    expect(chats[1].sent!.messages).toEqual(chats[0].sent!.messages);
    expect(r.stdout.trim()).toBe(ANSWER);
  });
});
